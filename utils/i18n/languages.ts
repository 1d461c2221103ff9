/**
 * Which language Backstory speaks: the interface languages it has catalogues for, the reader's
 * choice, and the language of the page a card opens on. Pure functions of their inputs.
 */

/** Languages with a catalogue in `public/_locales/`. */
export const UI_LANGUAGES = ['en', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The reader's setting: follow the browser, or one of the catalogues. */
export const LANGUAGE_SETTINGS = ['auto', ...UI_LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** Languages written right to left (primary subtags), for `dir` and the card's placement. */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The primary subtag of a BCP 47 tag, lower-cased: `ar-SY` → `ar`, `en_GB` → `en`; undefined when it is no tag. */
export function primaryLanguage(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/** The catalogue for a language tag, if Backstory has one. */
export function asUiLanguage(tag: string | null | undefined): UiLanguage | undefined {
  const primary = primaryLanguage(tag);
  return UI_LANGUAGES.find((language) => language === primary);
}

/**
 * The reader's language: their choice in the options, or the browser's interface language when
 * they left it to the browser; English where Backstory has no catalogue for that.
 */
export function readerLanguage(setting: LanguageSetting, browserLanguage: string): UiLanguage {
  return setting === 'auto' ? (asUiLanguage(browserLanguage) ?? 'en') : setting;
}

/**
 * A card's language: the page's, when Backstory has a catalogue for it (the reader is reading
 * that language right now), else the reader's own.
 */
export function cardLanguage(pageLanguage: string | undefined, reader: UiLanguage): UiLanguage {
  return asUiLanguage(pageLanguage) ?? reader;
}

/** `rtl` for languages written right to left. */
export function directionOf(language: string | undefined): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(primaryLanguage(language) ?? '') ? 'rtl' : 'ltr';
}
