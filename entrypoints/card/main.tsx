import { browser } from 'wxt/browser';
import { startCardFrame } from '@/components/card-frame-root';
import { LOCATOR_CSS } from '@/components/locator-css';
import { extensionTranslator } from '@/utils/i18n/browser-catalogues';
import { readerLanguage } from '@/utils/i18n/languages';
import { applyLanguage } from '@/utils/i18n/load';
import { LIVE_BUILD } from '@/utils/live/this-build';
import { askBackground } from '@/utils/messages/client';
import { readSettings } from '@/utils/settings/storage';
import '@/components/card.css';
import '@/components/live-card.css';

const send = (message: unknown) => browser.runtime.sendMessage(message);
const style = document.createElement('style');
style.textContent = LOCATOR_CSS;
document.head.append(style);

startCardFrame({
  win: window,
  root: document.getElementById('app') as HTMLElement,
  ask: (name, payload) => askBackground(send, name, payload),
  readerLanguage: async () =>
    readerLanguage((await readSettings()).language, browser.i18n.getUILanguage()),
  translator: extensionTranslator,
  imageOrigins: LIVE_BUILD.imageOrigins,
  now: () => Date.now(),
  onLanguage: (t) => {
    applyLanguage(document, t);
    document.title = t.t('card_frame_title');
  },
});
