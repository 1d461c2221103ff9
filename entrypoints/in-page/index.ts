import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startInPage } from '@/utils/page/in-page';
import { onDemandPartsIn } from '@/utils/page/on-demand';
import './highlights.css';

/**
 * Backstory in a web page (registered as a content script in `wxt.config.ts`), wired to the
 * browser; `utils/page/in-page.ts` does the rest, and `in-page-on-demand.ts` holds what is loaded
 * only when first needed. Kept thin: no matcher, no pack, no Preact, no
 * WXT content-script context (a page can end that with a forged event), and of the extension's
 * API only `runtime` until a card is wanted: each namespace touched costs every page its setup.
 */
export default defineUnlistedScript({
  main() {
    startInPage({
      doc: document,
      url: location.href,
      send: (message) => browser.runtime.sendMessage(message),
      listen: (listener) => {
        browser.runtime.onMessage.addListener(listener);
        return () => browser.runtime.onMessage.removeListener(listener);
      },
      runtimeId: () => browser.runtime?.id,
      cardUrl: () => browser.runtime.getURL('/card.html'),
      message: (name) => browser.i18n.getMessage(name as never),
      randomId: () => crypto.randomUUID(),
      // The file is web-accessible (in Chrome under a per-session address): a content script may
      // import only such files; the page cannot tell it is there.
      loadOnDemand: async () => {
        await import(/* @vite-ignore */ browser.runtime.getURL('/in-page-on-demand.js'));
        return onDemandPartsIn(globalThis);
      },
    });
  },
});
