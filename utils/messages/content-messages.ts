/**
 * The messages a tab's content script answers: from the popup (what is on this page, reveal a
 * mention, pause here) and from the background (keyboard commands), never from other contexts.
 */
import * as v from 'valibot';
import type { MessageSpecs, PageDiagnostics, PageSummary } from './protocol';

export type ContentProtocol = {
  /**
   * The popup asks which entities the page mentions; `whole`: read the rest of a long page first
   * (its unread part is otherwise read as the reader nears it).
   */
  'content:summary': { request: { whole?: boolean | undefined }; response: PageSummary };
  /** Move keyboard focus to the next (1) or previous (-1) mention and open its card. */
  'content:step': { request: { direction: 1 | -1 }; response: { entity: string | null } };
  /** Scroll to and flash the first mention of an entity (popup list). */
  'content:reveal': { request: { id: string }; response: { found: boolean } };
  /** Pause or resume marking on this tab only (the keyboard command). */
  'content:toggle': { request: Record<string, never>; response: { active: boolean } };
  /** How Backstory is doing on the page: its longest task, its total work, what it found. */
  'content:diagnostics': { request: Record<string, never>; response: PageDiagnostics };
  /**
   * "Explain with Backstory" (the reader's command or context menu, through the background): look
   * up the words selected on the page and open their card; the id shown, or null.
   */
  'content:explain': { request: Record<string, never>; response: { entity: string | null } };
  /** Settings or packs changed (the background tells every tab): ask again how to mark the page. */
  'content:refresh': { request: Record<string, never>; response: { active: boolean } };
};

let specs: MessageSpecs<ContentProtocol> | null = null;

/**
 * Who may send each message and the schema its payload must pass. Built on the first message a
 * page's script receives, not when it loads: most pages never get one.
 */
export function contentMessages(): MessageSpecs<ContentProtocol> {
  const Empty = v.strictObject({});
  specs ??= {
    'content:summary': {
      senders: ['extension-page'],
      request: v.strictObject({ whole: v.optional(v.boolean()) }),
    },
    'content:step': {
      senders: ['extension-page'],
      request: v.strictObject({ direction: v.picklist([1, -1]) }),
    },
    'content:reveal': {
      senders: ['extension-page'],
      request: v.strictObject({ id: v.pipe(v.string(), v.maxLength(200)) }),
    },
    'content:toggle': { senders: ['extension-page'], request: Empty },
    'content:diagnostics': { senders: ['extension-page'], request: Empty },
    'content:refresh': { senders: ['extension-page'], request: Empty },
    'content:explain': { senders: ['extension-page'], request: Empty },
  };
  return specs;
}
