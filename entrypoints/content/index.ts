import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '@/components/card.css?inline';
import { LOCATOR_CSS } from '@/components/locator-css';
import { CardHost } from '@/utils/card/card-host';
import type { StoredMatcherRecord } from '@/utils/knowledge/pack-service';
import { decodeMatcher } from '@/utils/match/serialize';
import { askBackground } from '@/utils/messages/client';
import { CONTENT_SENDERS, type ContentProtocol } from '@/utils/messages/protocol';
import { createRouter } from '@/utils/messages/router';
import type { ArticleDate } from '@/utils/article-date/choose';
import { findArticleDate } from '@/utils/article-date/find';
import { PageController } from '@/utils/page/controller';
import { siteOf } from '@/utils/settings/settings';
import { readSettings, watchSettings } from '@/utils/settings/storage';
import './highlights.css';

const MATCHER_KEY = 'local:matcher';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const send = (message: unknown) => browser.runtime.sendMessage(message);

    async function loadMatcher() {
      let record = await storage.getItem<StoredMatcherRecord>(MATCHER_KEY);
      if (!record) {
        const built = await askBackground(send, 'matcher:ensure', {});
        if (!built.ok) throw new Error(`Backstory could not build its matcher: ${built.error}`);
        record = await storage.getItem<StoredMatcherRecord>(MATCHER_KEY);
      }
      if (!record) throw new Error('Backstory has no matcher');
      const started = performance.now();
      const data = decodeMatcher(record.matcher);
      controller.loadMs = performance.now() - started;
      return data;
    }

    let cards: CardHost | null = null;
    let articleDate: ArticleDate | null = null;
    const controller = new PageController(
      {
        doc: document,
        host: siteOf(location.href),
        readSettings,
        watchSettings,
        loadMatcher,
        watchMatcher: (listener) => storage.watch(MATCHER_KEY, listener),
        report: (summary) => void askBackground(send, 'page:summary', summary),
        onStop: () => cards?.close(),
      },
      ctx.signal,
    );

    cards = new CardHost(
      {
        doc: document,
        mount: async () => {
          const ui = await createShadowRootUi(ctx, {
            name: 'backstory-card',
            mode: 'open',
            position: 'inline',
            // After <body>, not in it: the page's own content stays exactly as it was.
            anchor: 'html',
            append: 'last',
            css: `${cardCss}\n${LOCATOR_CSS}`,
            isolateEvents: ['keydown', 'keyup', 'keypress'],
            onMount: (container, shadow, host) => ({ container, shadow, host }),
          });
          ui.mount();
          adoptStyles(ui.shadow, `${cardCss}\n${LOCATOR_CSS}`);
          return {
            host: ui.shadowHost,
            shadow: ui.shadow,
            container: ui.uiContainer,
            remove: () => ui.remove(),
          };
        },
        load: async (id) => {
          const answer = await askBackground(send, 'entity:card', { id });
          if (!answer.ok) throw new Error(answer.error);
          return answer.value;
        },
        loadMap: async (id) => {
          const answer = await askBackground(send, 'map:locator', { id });
          return answer.ok ? answer.value : null;
        },
        articleDate: () => {
          articleDate ??= findArticleDate(document, location.href, new Date());
          return articleDate;
        },
        mentionAt: (x, y) => controller.mentionAt(x, y),
        describe: (mention) => controller.describe(mention),
        focus: (mention) => controller.focus(mention),
      },
      ctx.signal,
    );

    const router = createRouter<ContentProtocol>(
      {
        'content:summary': () => controller.summary(),
        'content:step': ({ direction }) => {
          const mention = controller.step(direction === -1 ? -1 : 1);
          if (mention) void cards?.open(mention, 'keyboard');
          return { entity: mention ? controller.entityId(mention) : null };
        },
        'content:reveal': ({ id }) => ({ found: controller.reveal(String(id)) }),
        'content:toggle': async () => ({ active: await controller.toggleHere() }),
        'content:diagnostics': () => controller.diagnostics(),
      },
      CONTENT_SENDERS,
      browser.runtime.id,
      browser.runtime.getURL('/'),
    );
    const listener = (message: unknown, sender: Parameters<typeof router>[1]) =>
      router(message, sender);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    await controller.start();
  },
});

/**
 * The card's styles as a constructed stylesheet too: a page whose CSP forbids inline styles
 * blocks WXT's <style> element, never an adopted sheet.
 */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch {
    // Older engines: the <style> element alone will do.
  }
}
