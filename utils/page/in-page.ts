import { collectDateEvidence } from '../article-date/evidence';
import type { BackgroundProtocol } from '../messages/background-messages';
import { askBackground, type SendFn, unwrap } from '../messages/client';
import type { ContentProtocol } from '../messages/content-messages';
import type { Handlers } from '../messages/router';
import type { SenderInfo } from '../messages/sender';
import { siteOf } from '../settings/site';
import type { CardHost } from './card-host';
import { PageController } from './controller';
import { HoverIntent } from './hover-intent';
import { isExtensionGone, startLifetime } from './lifetime';
import type { MentionFocus } from './mention-focus';
import type { OnDemandParts } from './on-demand';
import { type IsTrusted, PageInput } from './page-input';
import { declaredLanguage } from './page-language';
import { ReadTracker } from './read-tracker';

/** After the page counts as read, how often newly found entities are added to its history record. */
export const READ_UPDATE_MS = 30_000;

/** Could a message be one for the content script (before its router, with the names, is loaded)? */
function mightBeOurs(message: unknown): boolean {
  const envelope = message as { backstory?: unknown; name?: unknown } | null;
  return (
    typeof envelope === 'object' &&
    envelope !== null &&
    envelope.backstory === 1 &&
    typeof envelope.name === 'string' &&
    envelope.name.startsWith('content:')
  );
}

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
  /** Load the parts needed only on demand (the extension imports its on-demand file). */
  loadOnDemand(): Promise<OnDemandParts>;
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
      language: () => declaredLanguage(doc),
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

  /** The parts loaded on first need (cards, keyboard focus, the popup's messages). */
  let parts: Promise<OnDemandParts> | null = null;
  const onDemand = () => {
    parts ??= platform.loadOnDemand();
    parts.catch(() => {
      parts = null;
    });
    return parts;
  };
  let focus: MentionFocus | null = null;
  const focusOf = (loaded: OnDemandParts) => {
    focus ??= new loaded.MentionFocus(doc, () => controller.current, signal);
    return focus;
  };

  /** The card host, made when a card is first wanted. */
  async function openCards(): Promise<CardHost> {
    const loaded = await onDemand();
    cards ??= new loaded.CardHost(
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
          return loaded.createCardFrame(doc, src, origin, token, signal, title);
        },
        describe: (mention) => controller.describe(mention),
        focus: (mention) => focusOf(loaded).set(mention),
        scheme: () => loaded.pageScheme(doc),
      },
      signal,
    );
    return cards;
  }

  const handlers: Handlers<ContentProtocol> = {
    'content:summary': async ({ whole }) => {
      if (whole) await controller.readAll();
      return controller.summary();
    },
    'content:step': async ({ direction }) => {
      // Stepping goes through the whole page (back from the first mention to the last): a long
      // page's unread end is read first.
      await controller.readAll();
      const mention = focusOf(await onDemand()).step(direction);
      if (mention) void openCards().then((host) => host.open(mention, 'keyboard'));
      return { entity: mention ? (controller.describe(mention)?.id ?? null) : null };
    },
    'content:reveal': async ({ id }) => {
      await controller.readAll();
      return { found: focusOf(await onDemand()).reveal(id) };
    },
    'content:toggle': async () => ({ active: await controller.toggleHere() }),
    'content:diagnostics': () => controller.diagnostics(),
    'content:explain': async () =>
      (await onDemand()).explainSelection(
        doc,
        (text) => ask('page:explain', { text }),
        (mention) => void openCards().then((host) => host.open(mention, 'keyboard')),
      ),
    'content:refresh': async () => {
      await controller.refresh();
      return { active: controller.active };
    },
  };
  // The router and its schemas come with the on-demand parts, at the first message: most pages
  // never get one. Answered through sendResponse: Chrome's own API (no polyfill here) does not
  // take a promise.
  let router: ((message: unknown, sender: SenderInfo) => Promise<unknown> | undefined) | null =
    null;
  const unlisten = platform.listen((message, sender, sendResponse) => {
    if (!mightBeOurs(message)) return undefined;
    void onDemand()
      .then((loaded) => {
        router ??= loaded.contentRouter(handlers, platform.runtimeId() ?? '');
        return router(message, sender);
      })
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  });
  signal.addEventListener('abort', unlisten, { once: true });

  controller.start();
  return { controller, lifetime, input, cards: () => cards };
}
