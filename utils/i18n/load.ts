import { ENGLISH } from './english';
import type { UiLanguage } from './languages';
import { createTranslator, isCatalogue, type Translator } from './translator';

/** Reads a catalogue file: `fetch(runtime.getURL('/_locales/<language>/messages.json'))` in the extension. */
export type CatalogueReader = (language: UiLanguage) => Promise<unknown>;

/**
 * Translators by language, each catalogue read once. `browser.i18n.getMessage` follows only the
 * browser's language; reading the `_locales` files ourselves lets the reader's choice in the
 * options (and a page's language, for cards) win. A catalogue that cannot be read leaves English.
 */
export function translatorLoader(
  read: CatalogueReader,
): (language: UiLanguage) => Promise<Translator> {
  const loaded = new Map<UiLanguage, Promise<Translator>>([['en', Promise.resolve(ENGLISH)]]);
  return (language) => {
    let translator = loaded.get(language);
    if (!translator) {
      translator = read(language).then(
        (catalogue) => {
          if (isCatalogue(catalogue)) return createTranslator(language, catalogue, ENGLISH);
          console.warn(`Backstory: the ${language} catalogue is damaged; using English`);
          return ENGLISH;
        },
        (error: unknown) => {
          console.warn(
            `Backstory: the ${language} catalogue could not be read; using English`,
            error,
          );
          loaded.delete(language);
          return ENGLISH;
        },
      );
      loaded.set(language, translator);
    }
    return translator;
  };
}

/** Give a document its language and direction (the popup, the options page, the card frame). */
export function applyLanguage(doc: Document, translator: Translator): void {
  doc.documentElement.lang = translator.language;
  doc.documentElement.dir = translator.dir;
}
