import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { StoredMatcherRecord } from '@/utils/knowledge/pack-service';
import { decodeMatcher } from '@/utils/match/serialize';
import { askBackground } from '@/utils/messages/client';
import { CONTENT_SENDERS, type ContentProtocol } from '@/utils/messages/protocol';
import { createRouter } from '@/utils/messages/router';
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
      return decodeMatcher(record.matcher);
    }

    const controller = new PageController(
      {
        doc: document,
        host: siteOf(location.href),
        readSettings,
        watchSettings,
        loadMatcher,
        watchMatcher: (listener) => storage.watch(MATCHER_KEY, listener),
        report: (summary) => void askBackground(send, 'page:summary', summary),
      },
      ctx.signal,
    );

    const router = createRouter<ContentProtocol>(
      {
        'content:summary': () => controller.summary(),
        'content:step': ({ direction }) => {
          const mention = controller.step(direction === -1 ? -1 : 1);
          return { entity: mention ? controller.entityId(mention) : null };
        },
        'content:reveal': ({ id }) => ({ found: controller.reveal(String(id)) }),
      },
      CONTENT_SENDERS,
      browser.runtime.id,
      browser.runtime.getURL('/'),
    );
    const listener = (message: unknown, sender: Parameters<typeof router>[1]) =>
      router(message, sender);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    await askBackground(send, 'page:ready', { url: location.href, title: document.title });
    await controller.start();
  },
});
