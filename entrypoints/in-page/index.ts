import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectDateEvidence } from '@/utils/article-date/evidence';
import type { BackgroundProtocol } from '@/utils/messages/background-messages';
import { askBackground, unwrap } from '@/utils/messages/client';
import { CONTENT_MESSAGES } from '@/utils/messages/content-messages';
import { createRouter } from '@/utils/messages/router';
import { createCardFrame } from '@/utils/page/card-frame-link';
import { CardHost } from '@/utils/page/card-host';
import { PageController } from '@/utils/page/controller';
import { isExtensionGone, startLifetime } from '@/utils/page/lifetime';
import { declaredLanguage } from '@/utils/page/page-language';
import { ReadTracker } from '@/utils/page/read-tracker';
import { pageScheme } from '@/utils/page/scheme';
import { PACKS_KEY_ITEM } from '@/utils/settings/packs-key';
import { siteOf } from '@/utils/settings/site';
import './highlights.css';

/** After the page counts as read, how often newly found entities are added to its history record. */
const READ_UPDATE_MS = 30_000;

/**
 * Backstory in a web page (registered as a content script in `wxt.config.ts`): reads the page's
 * text, marks what the background finds, hosts the card frame. Kept thin: no matcher, no pack,
 * no Preact, and no WXT content-script context, whose lifetime a page can end with a forged event.
 */
export default defineUnlistedScript({
  async main() {
    const lifetime = startLifetime();
    const signal = lifetime.signal;

    /** Ask the background; an extension that is gone (reloaded, removed) ends this copy. */
    async function ask<N extends keyof BackgroundProtocol & string>(
      name: N,
      payload: BackgroundProtocol[N]['request'],
    ): Promise<BackgroundProtocol[N]['response']> {
      if (signal.aborted) throw signal.reason;
      const answer = await askBackground((m) => browser.runtime.sendMessage(m), name, payload);
      if (!answer.ok && answer.errors.some((error) => isExtensionGone(error, browser.runtime?.id)))
        lifetime.abort(new DOMException('Backstory was reloaded or removed', 'AbortError'));
      return unwrap(answer);
    }

    let cards: CardHost | null = null;
    let foundCount = 0;
    let recordedCount = 0;
    let lastRecord = 0;
    const recordRead = () => {
      recordedCount = foundCount;
      lastRecord = performance.now();
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      void ask('page:read', {
        title: document.title,
        ...(canonical ? { canonical } : {}),
      }).catch(() => {});
    };
    const reading = new ReadTracker(document, recordRead, signal);

    const controller = new PageController(
      {
        doc: document,
        host: siteOf(location.href),
        config: () => ask('page:config', {}),
        watchConfig: (listener, until) => {
          const changed = (changes: Record<string, unknown>, area: string) => {
            if (
              (area === 'sync' && 'settings' in changes) ||
              (area === 'local' && PACKS_KEY_ITEM in changes)
            )
              listener();
          };
          browser.storage.onChanged.addListener(changed);
          until.addEventListener('abort', () => browser.storage.onChanged.removeListener(changed));
        },
        match: (batch) => ask('page:match', batch),
        dateEvidence: () => collectDateEvidence(document, location.href),
        language: () => declaredLanguage(document),
        sessionId: () => crypto.randomUUID(),
        report: (count) => {
          foundCount = count.entities;
          void ask('page:count', count).catch(() => {});
          if (
            reading.done &&
            foundCount > recordedCount &&
            performance.now() - lastRecord > READ_UPDATE_MS
          )
            recordRead();
        },
        onStop: () => cards?.close(),
      },
      signal,
    );

    cards = new CardHost(
      {
        doc: document,
        connect: async () => {
          const token = crypto.randomUUID();
          await ask('card:register', { token });
          const src = browser.runtime.getURL('/card.html');
          // Chrome's per-session address for the frame leads to the extension's own origin.
          const origin = src.startsWith('chrome-extension:')
            ? `chrome-extension://${browser.runtime.id}`
            : new URL(src).origin;
          const title = browser.i18n.getMessage('card_frame_title') || undefined;
          return createCardFrame(document, src, origin, token, signal, title);
        },
        mentionAt: (x, y) => controller.mentionAt(x, y),
        describe: (mention) => controller.describe(mention),
        focus: (mention) => controller.focus(mention),
        scheme: () => pageScheme(document),
      },
      signal,
    );

    const router = createRouter(
      {
        'content:summary': () => controller.summary(),
        'content:step': ({ direction }) => {
          const mention = controller.step(direction);
          if (mention) void cards?.open(mention, 'keyboard');
          return { entity: mention ? (controller.describe(mention)?.id ?? null) : null };
        },
        'content:reveal': ({ id }) => ({ found: controller.reveal(id) }),
        'content:toggle': async () => ({ active: await controller.toggleHere() }),
        'content:diagnostics': () => controller.diagnostics(),
      },
      CONTENT_MESSAGES,
      browser.runtime.id,
    );
    // Answered through sendResponse: Chrome's own API (no polyfill here) does not take a promise.
    const listener = (
      message: unknown,
      sender: Parameters<typeof router>[1],
      sendResponse: (answer: unknown) => void,
    ) => {
      const answer = router(message, sender);
      if (!answer) return undefined;
      void answer.then(sendResponse);
      return true;
    };
    browser.runtime.onMessage.addListener(listener);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));

    await controller.start();
  },
});
