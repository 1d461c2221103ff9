/**
 * Messages from a WebExtension catalogue (`_locales/<language>/messages.json`), read the way
 * `browser.i18n.getMessage` reads them, plus what `getMessage` lacks: a language the reader chose
 * (not only the browser's), plurals by `Intl.PluralRules`, and messages split into parts so a view
 * can isolate each substitution in a `<bdi>`.
 */
import type english from '../../public/_locales/en/messages.json';
import { formatLocalDay, formatNumber, formatPartialDate, INTL_LOCALES } from './dates';
import { directionOf, type UiLanguage } from './languages';

/** One message of a catalogue, as the WebExtension format has it. */
export interface CatalogueEntry {
  message: string;
  description?: string;
  /** `$COUNT$` in the message → `{ count: { content: '$1' } }`: the first substitution. */
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/** Every message name, from the English catalogue (the default locale has them all). */
export type MessageKey = keyof typeof english;

/** The plural categories `Intl.PluralRules` gives (English uses two, Arabic all six). */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** Messages with plural forms, by their stem: `popup_entities` for `popup_entities_one`/`_other`…. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Stem}_other` ? Stem : never;
}[MessageKey];

/** A substitution: text, or a number (written with the language's digits and grouping). */
export type Value = string | number;

/** A message in parts: its own text, and where each substitution goes (by its index). */
export type MessagePart = string | { value: number };

/** Everything Backstory says, in one language. */
export interface Translator {
  readonly language: UiLanguage;
  readonly dir: 'ltr' | 'rtl';
  /** The `Intl` locale for this language's numbers and dates. */
  readonly locale: string;
  /** A message with its `$1`… substitutions. */
  t(key: MessageKey, ...values: Value[]): string;
  /** A plural message for `count` (its `$1`), further substitutions after it. */
  plural(stem: PluralKey, count: number, ...values: Value[]): string;
  /** The plural form a count takes: `popup_entities` and 2 → `popup_entities_two` in Arabic. */
  pluralKey(stem: PluralKey, count: number): MessageKey;
  /** A message in parts, for views that isolate each substitution. */
  parts(key: MessageKey): MessagePart[];
  /** Does the catalogue (or its fallback) have this message? */
  has(key: string): boolean;
  number(value: number): string;
  /** A partial ISO date (`2021`, `2021-09`, `2021-09-08`). */
  date(partial: string): string;
  /** A moment, as the reader's local calendar day. */
  day(time: number): string;
}

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$|\$\$/g;

/**
 * A translator over a catalogue; messages it lacks come from `fallback` (English), so a
 * catalogue that falls behind shows English, never a message name.
 */
export function createTranslator(
  language: UiLanguage,
  catalogue: Catalogue,
  fallback?: Translator,
): Translator {
  const rules = new Intl.PluralRules(INTL_LOCALES[language]);
  const entry = (key: string): CatalogueEntry | undefined =>
    Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  const format = (value: Value) =>
    typeof value === 'number' ? formatNumber(value, language) : value;

  const translator: Translator = {
    language,
    dir: directionOf(language),
    locale: INTL_LOCALES[language],
    t(key, ...values) {
      const found = entry(key);
      if (!found) return fallback ? fallback.t(key, ...values) : key;
      return partsOf(found)
        .map((part) => (typeof part === 'string' ? part : format(values[part.value] ?? '')))
        .join('');
    },
    plural(stem, count, ...values) {
      return translator.t(translator.pluralKey(stem, count), count, ...values);
    },
    pluralKey(stem, count) {
      // An explicit zero ("No pages recorded.") where the catalogue has one, in any language.
      const category = count === 0 && translator.has(`${stem}_zero`) ? 'zero' : rules.select(count);
      const key = `${stem}_${category}`;
      return (translator.has(key) ? key : `${stem}_other`) as MessageKey;
    },
    parts(key) {
      const found = entry(key);
      if (!found) return fallback ? fallback.parts(key) : [key];
      return partsOf(found);
    },
    has: (key) => entry(key) !== undefined || !!fallback?.has(key),
    number: (value) => formatNumber(value, language),
    date: (partial) => formatPartialDate(partial, language),
    day: (time) => formatLocalDay(time, language),
  };
  return translator;
}

/** A message's text and substitution points; `$$` is a dollar sign, as in `getMessage`. */
function partsOf(entry: CatalogueEntry): MessagePart[] {
  const parts: MessagePart[] = [];
  let text = '';
  let last = 0;
  for (const match of entry.message.matchAll(PLACEHOLDER)) {
    text += entry.message.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1]?.toLowerCase();
    if (name === undefined) {
      text += '$';
      continue;
    }
    const content = Object.entries(entry.placeholders ?? {}).find(
      ([placeholder]) => placeholder.toLowerCase() === name,
    )?.[1].content;
    const position = content === undefined ? null : /^\$([1-9])$/.exec(content);
    if (position) {
      if (text) parts.push(text);
      text = '';
      parts.push({ value: Number(position[1]) - 1 });
    } else {
      // A placeholder with fixed content (or none) is just text.
      text += content ?? '';
    }
  }
  text += entry.message.slice(last);
  if (text) parts.push(text);
  return parts;
}

/** Is this a catalogue (an object of `{ message: string }` entries)? Checked before trusting a file. */
export function isCatalogue(value: unknown): value is Catalogue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (entry) =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { message?: unknown }).message === 'string',
  );
}
