import { collectDateEvidence } from '../article-date/evidence';
import type { BackgroundProtocol } from '../messages/background-messages';
import { askBackground, type SendFn, unwrap } from '../messages/client';
import { type ContentProtocol, contentMessages } from '../messages/content-messages';
import { createRouter } from '../messages/router';
import type { SenderInfo } from '../messages/sender';
import { siteOf } from '../settings/site';
import { createCardFrame } from './card-frame-link';
import { CardHost } from './card-host';
import { PageController } from './controller';
import { HoverIntent } from './hover-intent';
import { isExtensionGone, startLifetime } from './lifetime';
import { type IsTrusted, PageInput } from './page-input';
import { ReadTracker } from './read-tracker';
import { pageScheme } from './scheme';

/** After the page counts as read, how often newly found entities are added to its history record. */
export const READ_UPDATE_MS = 30_000;

/**
 * A page session's id: it only tells one session of a tab from the next (the background checks
 * the tab itself), so it needs no cryptographic randomness, and the page pays for none.
 */
function sessionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** A `runtime.onMessage` listener that answers through `sendResponse`. */
export type MessageListener = (
  message: unknown,
  sender: SenderInfo,
  sendResponse: (answer: unknown) => void,
) => true | undefined;

/** The little the script in pages needs from the browser, so tests can supply their own. */
export interface InPagePlatform {
  doc: Document;
  /** The page's address. */
  url: string;
  /** `runtime.sendMessage`. */
  send: SendFn;
  /** Add a `runtime.onMessage` listener; returns its removal. */
  listen(listener: MessageListener): () => void;
  /** The extension's id while it is installed (undefined once it is gone). */
  runtimeId(): string | undefined;
  /** The card page's address (`runtime.getURL('/card.html')`; in Chrome a per-session one). */
  cardUrl(): string;
  /** A catalogue message in the browser's language (`i18n.getMessage`). */
  message(name: string): string;
  /** A random id that nobody can guess (`crypto.randomUUID`). */
  randomId(): string;
  /** Did the reader make this event? The browser's `isTrusted` unless a test says otherwise. */
  isTrusted?: IsTrusted;
}

/**
 * Backstory in a web page: reads the page's text, marks what the background finds, and answers
 * the popup and the keyboard commands. What a page needs before its first marks runs at once: one
 * message (its first batch, with the question whether to mark it), the painter, the watcher.
 * What only a marked page needs (reading detection, hover) starts with the first answer that
 * says to mark it, and the card host and its frame only when a card is first wanted. Everything
 * ends with the script's lifetime: when the extension is reloaded, updated or removed.
 */
export function startInPage(platform: InPagePlatform) {
  const lifetime = startLifetime();
  const signal = lifetime.signal;
  const { doc } = platform;
  const win = doc.defaultView as Window;

  /** Ask the background; an extension that is gone (reloaded, removed) ends this copy. */
  async function ask<N extends keyof BackgroundProtocol & string>(
    name: N,
    payload: BackgroundProtocol[N]['request'],
  ): Promise<BackgroundProtocol[N]['response']> {
    if (signal.aborted) throw signal.reason;
    const answer = await askBackground(platform.send, name, payload);
    if (!answer.ok && answer.errors.some((error) => isExtensionGone(error, platform.runtimeId())))
      lifetime.abort(new DOMException('Backstory was reloaded or removed', 'AbortError'));
    return unwrap(answer);
  }

  const input = new PageInput(win, signal, platform.isTrusted);
  let cards: CardHost | null = null;
  let reading: ReadTracker | null = null;
  let foundCount = 0;
  let recordedCount = 0;
  let lastRecord = 0;
  const recordRead = () => {
    recordedCount = foundCount;
    lastRecord = performance.now();
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
    void ask('page:read', { title: doc.title, ...(canonical ? { canonical } : {}) }).catch(
      () => {},
    );
  };

  const controller: PageController = new PageController(
    {
      doc,
      host: () => siteOf(platform.url),
      start: (batch) => ask('page:start', batch),
      config: () => ask('page:config', {}),
      match: (batch) => ask('page:match', batch),
      dateEvidence: () => collectDateEvidence(doc, platform.url),
      sessionId,
      report: (count) => void ask('page:count', count).catch(() => {}),
      counted: (entities) => {
        foundCount = entities;
        // A read page's record learns what was found since, at most every READ_UPDATE_MS.
        if (
          reading?.done &&
          foundCount > recordedCount &&
          performance.now() - lastRecord > READ_UPDATE_MS
        )
          recordRead();
      },
      onMarking: () => {
        if (reading) return;
        reading = new ReadTracker(doc, input, recordRead, signal);
        new HoverIntent(
          win,
          input,
          {
            mentionAt: (x, y) => controller.mentionAt(x, y),
            cards: openCards,
            madeCards: () => cards,
          },
          signal,
        );
      },
      onStop: () => cards?.close(),
    },
    signal,
  );

  /** The card host, made when a card is first wanted. */
  function openCards(): CardHost {
    cards ??= new CardHost(
      {
        doc,
        input,
        connect: async () => {
          const token = platform.randomId();
          await ask('card:register', { token });
          const src = platform.cardUrl();
          // Chrome's per-session address for the frame leads to the extension's own origin.
          const origin = src.startsWith('chrome-extension:')
            ? `chrome-extension://${platform.runtimeId()}`
            : new URL(src).origin;
          const title = platform.message('card_frame_title') || undefined;
          return createCardFrame(doc, src, origin, token, signal, title);
        },
        describe: (mention) => controller.describe(mention),
        focus: (mention) => controller.focus.set(mention),
        scheme: () => pageScheme(doc),
      },
      signal,
    );
    return cards;
  }

  const handlers = {
    'content:summary': () => controller.summary(),
    'content:step': ({ direction }) => {
      const mention = controller.focus.step(direction);
      if (mention) void openCards().open(mention, 'keyboard');
      return { entity: mention ? (controller.describe(mention)?.id ?? null) : null };
    },
    'content:reveal': ({ id }) => ({ found: controller.focus.reveal(id) }),
    'content:toggle': async () => ({ active: await controller.toggleHere() }),
    'content:diagnostics': () => controller.diagnostics(),
    'content:refresh': async () => {
      await controller.refresh();
      return { active: controller.active };
    },
  } satisfies Parameters<typeof createRouter<ContentProtocol>>[0];
  // The router and its schemas are built for the first message: most pages never get one.
  let router: ReturnType<typeof createRouter<ContentProtocol>> | null = null;
  // Answered through sendResponse: Chrome's own API (no polyfill here) does not take a promise.
  const unlisten = platform.listen((message, sender, sendResponse) => {
    router ??= createRouter(handlers, contentMessages(), platform.runtimeId() ?? '');
    const answer = router(message, sender);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true;
  });
  signal.addEventListener('abort', unlisten, { once: true });

  controller.start();
  return { controller, lifetime, input, cards: () => cards };
}
