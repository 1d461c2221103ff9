import { browser } from 'wxt/browser';
import type { UiLanguage } from './languages';
import { translatorLoader } from './load';

/**
 * Translators for extension pages, reading the catalogues the extension ships in `_locales/`.
 * Call only from an extension page or the background (it reaches `browser` when called).
 */
export const extensionTranslator = translatorLoader(async (language: UiLanguage) => {
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  return response.json();
});
