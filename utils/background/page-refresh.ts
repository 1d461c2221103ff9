import { askContent, type SendFn } from '../messages/client';

/**
 * Tell the content script in every tab that settings or packs changed, so each asks again how to
 * mark its page. Pages do not watch storage themselves: reaching for `storage` would cost every
 * page the browser's setting up of that API, for a change that comes once in a long while. A tab
 * without our content script refuses the message, quietly.
 * @param tabs the ids of every open tab (`tabs.query({})` needs no permission for ids)
 * @param sendTo a message sender bound to one tab (`tabs.sendMessage`)
 */
export async function refreshPages(
  tabs: () => Promise<number[]>,
  sendTo: (tab: number) => SendFn,
): Promise<void> {
  await Promise.all((await tabs()).map((tab) => askContent(sendTo(tab), 'content:refresh', {})));
}
