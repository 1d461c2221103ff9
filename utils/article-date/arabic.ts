/**
 * Dates as the Arabic press writes them: "8 أيلول 2021", "الأربعاء 8 سبتمبر/أيلول 2021 - 10:30 م",
 * a dateline "بيروت، 8 أيلول 2021", Eastern Arabic or Persian digits. Months go by their
 * Egyptian and Gulf names (يناير … ديسمبر), their Levantine and Iraqi names (كانون الثاني … كانون
 * الأول) and the Maghreb's (جانفي, أفريل, جويلية, أوت; غشت, شتنبر, دجنبر in Morocco), often two
 * at once ("أيار/مايو", "سبتمبر (أيلول)"). Pure string work.
 */

/** ٠-٩ (Arabic-Indic) and ۰-۹ (Persian) as ASCII digits; everything else unchanged. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) =>
    String((digit.codePointAt(0) as number) & 0xf),
  );
}

/**
 * Arabic text folded so spellings of one word meet: short vowels and tatweel dropped, hamza
 * forms of alef as bare alef, alef maqsura as ya, ta marbuta as ha, the Arabic comma as a comma.
 */
export function foldArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/،/g, ',');
}

/** Month names, folded ({@link foldArabic}), by month number; spaces match any run of spaces. */
const MONTHS: Record<number, string[]> = {
  1: ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي', 'جانفييه'],
  2: ['فبراير', 'شباط', 'فيفري', 'فبرير'],
  3: ['مارس', 'اذار'],
  4: ['ابريل', 'نيسان', 'افريل', 'ابريليه'],
  5: ['مايو', 'ايار', 'ماي'],
  6: ['يونيو', 'يونيه', 'حزيران', 'جوان'],
  7: ['يوليو', 'يوليه', 'تموز', 'جويليه', 'يوليوز'],
  8: ['اغسطس', 'اب', 'اوت', 'غشت', 'اغشت'],
  9: ['سبتمبر', 'ايلول', 'شتنبر'],
  10: ['اكتوبر', 'تشرين الاول', 'تشرين اول'],
  11: ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر'],
  12: ['ديسمبر', 'كانون الاول', 'كانون اول', 'دجنبر'],
};

const BY_NAME = new Map<string, number>(
  Object.entries(MONTHS).flatMap(([month, names]) => names.map((name) => [name, Number(month)])),
);

/** Any month name, longest first (so "مايو" is not read as "ماي"), not running into a longer word. */
const MONTH = `(?:${[...BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/ /g, '\\s+'))
  .join('|')})(?![\\u0621-\\u064A])`;

/** A second name for the same month: "أيلول/سبتمبر", "سبتمبر (أيلول)", "أيار - مايو". */
const SECOND_NAME = `(?:\\s*(?:/|-|–|\\()\\s*${MONTH}\\s*\\)?)?`;

const WORDS = '[\\u0621-\\u064A]+(?:\\s+[\\u0621-\\u064A]+){0,2}';
/** A dateline's city, up to three words, then a separator: "بيروت،", "(دمشق) -", "درعا البلد:". */
const PLACE = `(?:\\(\\s*${WORDS}\\s*\\)\\s*[,:\\-–—]?\\s*|${WORDS}\\s*[,:\\-–—]\\s*)`;
const WEEKDAY = '(?:يوم\\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)\\s*,?\\s*';
/** A byline's "published on": "نُشر في", "نُشر بتاريخ", "تاريخ النشر:". */
const PUBLISHED = '(?:نشر\\s+(?:في|بتاريخ)|تاريخ\\s+النشر)\\s*:?\\s*';
/**
 * What may stand before the date: a dateline's city, "published on", a weekday. Other words
 * without a separator ("في 8 أيلول …") are prose, not a dateline, and do not match.
 */
const LEAD = `(?:${PLACE})?(?:${PUBLISHED})?(?:${WEEKDAY})?`;

/** The year, with the Gregorian era mark "م" or "عام"/"سنة" before it. */
const YEAR = '(?:عام\\s+|سنه\\s+)?(\\d{4})(?:\\s*م(?![\\u0621-\\u064A]))?';

/** A time after the date: "- 10:30", "، الساعة 10:30 مساء", "10:30 ص بتوقيت غرينتش". */
const TIME =
  '(?:\\s*[,\\-–—|]?\\s*(?:الساعه\\s*)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(صباحا|مساءا|مساء|ص|م)?(?![\\u0621-\\u064A])\\s*(?:(?:بتوقيت\\s+)?(?:غرينتش|جرينتش|GMT|UTC)\\s*([+-]\\d{1,2}(?::?\\d{2})?)?)?)?';

const DAY_MONTH_YEAR = new RegExp(
  `^${LEAD}(\\d{1,2})\\s+(?:من\\s+)?(${MONTH})${SECOND_NAME}\\s*,?\\s*(?:من\\s+)?${YEAR}${TIME}`,
);
const MONTH_YEAR = new RegExp(`^${LEAD}(${MONTH})${SECOND_NAME}\\s*,?\\s*${YEAR}`);

/** What an Arabic date string says, before it is checked and assembled. */
export interface ArabicDateParts {
  year: number;
  month: number;
  day?: number;
  time?: { hour: number; minute: number; second: number; pm?: boolean; zone?: string };
}

/** Does the text have Arabic letters at all (after folding)? */
export function hasArabic(text: string): boolean {
  return /[\u0621-\u064A]/.test(text);
}

/**
 * The parts of a date written in Arabic at the start of `text` (after a dateline's city or a
 * weekday), or undefined. `text` must already have Latin digits ({@link latinDigits}).
 */
export function arabicDateParts(text: string): ArabicDateParts | undefined {
  const folded = foldArabic(text.trim());
  const full = DAY_MONTH_YEAR.exec(folded);
  if (full) {
    const [, day, month, year, hour, minute, second, meridiem, offset] = full;
    const parts: ArabicDateParts = {
      year: Number(year),
      month: monthOf(month),
      day: Number(day),
    };
    if (hour !== undefined) {
      parts.time = {
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second ?? 0),
        ...(meridiem ? { pm: meridiem.startsWith('م') } : {}),
        ...(zoneOf(full[0], offset) ? { zone: zoneOf(full[0], offset) } : {}),
      };
    }
    return parts;
  }
  const monthOnly = MONTH_YEAR.exec(folded);
  if (monthOnly) return { year: Number(monthOnly[2]), month: monthOf(monthOnly[1]) };
  return undefined;
}

function monthOf(name: string | undefined): number {
  return BY_NAME.get((name ?? '').replace(/\s+/g, ' ')) ?? Number.NaN;
}

/** `+3`, `+03:00`, or "غرينتش" alone (UTC); undefined when no zone is named. */
function zoneOf(matched: string, offset: string | undefined): string | undefined {
  if (offset) {
    const [, sign, hours, minutes] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset) ?? [];
    return sign ? `${sign}${(hours ?? '').padStart(2, '0')}:${minutes ?? '00'}` : undefined;
  }
  return /غرينتش|جرينتش|GMT|UTC/.test(matched) ? 'Z' : undefined;
}
