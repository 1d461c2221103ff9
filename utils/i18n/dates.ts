/**
 * Dates and numbers as a card shows them, in the reader's language, through `Intl`.
 *
 * English: day, short month, year ("8 Sept 2021"), the card's house style.
 * Arabic: Latin digits, and the month by both its Levantine and its Egyptian/Gulf name
 * ("8 أيلول/سبتمبر 2021"). Latin digits because the pack's Arabic text and the Arabic press most
 * Syria coverage comes from (Enab Baladi, SANA, Al Jazeera, Asharq Al-Awsat) write them, so a
 * card's dates read like the numbers in its summary and in the article beside it. Both month
 * names because the Levant says أيلول and Egypt and the Gulf say سبتمبر: the pack's own text
 * writes "كانون الأول/ديسمبر", as much of the Arabic press does, so every reader knows the month.
 */
import type { UiLanguage } from './languages';

/** The `Intl` locale for each interface language (Latin digits in Arabic: see above). */
export const INTL_LOCALES: Record<UiLanguage, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };
/** The Levantine month names (كانون الثاني … كانون الأول), with Latin digits. */
const LEVANTINE = 'ar-SY-u-nu-latn';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${withDay}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: locale.startsWith('en') ? 'short' : 'long',
      ...(withDay ? { day: 'numeric' } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * A partial ISO date (`2011`, `2011-03`, `2011-03-18`) in a language: "18 Mar 2011",
 * "18 آذار/مارس 2011". A year alone, a year before the common era or anything else that is not
 * such a date is given back as it is.
 */
export function formatPartialDate(date: string, language: UiLanguage = 'en'): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match?.[2]) return date;
  const [, year, month, day] = match;
  const when = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  const withDay = day !== undefined;
  if (language === 'en') return formatter(INTL_LOCALES.en, withDay).format(when);
  const common = formatter(INTL_LOCALES.ar, withDay);
  const commonMonth = common.formatToParts(when).find((part) => part.type === 'month')?.value;
  return formatter(LEVANTINE, withDay)
    .formatToParts(when)
    .map((part) =>
      part.type === 'month' && commonMonth && commonMonth !== part.value
        ? `${part.value}/${commonMonth}`
        : part.value,
    )
    .join('');
}

/** A moment as the reader's local calendar day, formatted like {@link formatPartialDate}. */
export function formatLocalDay(time: number, language: UiLanguage = 'en'): string {
  const d = new Date(time);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return formatPartialDate(iso, language);
}

/** A number with the language's grouping ("47,289"), Latin digits in both languages. */
export function formatNumber(value: number, language: UiLanguage = 'en'): string {
  return new Intl.NumberFormat(INTL_LOCALES[language]).format(value);
}
