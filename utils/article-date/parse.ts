/**
 * Reading dates as publishers write them: ISO and compact timestamps, epoch seconds, written-out
 * dates in either order with a time and zone, dates in Arabic (`arabic.ts`) and in any digits,
 * and dates in an address. Pure string work.
 */
import { arabicDateParts, hasArabic, latinDigits } from './arabic';

/** How much of a date is known: month only, day, or a full timestamp; more sorts first. */
export const Precision = { Month: 1, Day: 2, Time: 3 } as const;
export type Precision = (typeof Precision)[keyof typeof Precision];

/** A date read from one string, before we know where it came from. */
export interface ParsedDate {
  date: string;
  dateTime?: string;
  precision: Precision;
  /** Milliseconds since the epoch, only when the string carried a time zone. */
  instant?: number;
}

/** Where a publication date came from. */
export type DateSource = 'meta' | 'json-ld' | 'time' | 'dateline' | 'url' | 'none';

/** A date one signal gives, with how far to trust it. */
export interface Candidate extends ParsedDate {
  source: Exclude<DateSource, 'none'>;
  confidence: number;
  detail: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = `(?:${MONTHS.join('|')})[a-z]*`;
/** A month name with its first three letters captured: `Aug`, `August`, `Aug.`. */
const MONTH_WORD = `(${MONTHS.join('|')})[a-z]*\\.?`;

/** `2021-08-22`, `2021/8/22`, with an optional time and zone: `T09:40:00.000+03:00`, ` 09:40 -0400`. */
const ISO_DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?/i;
/** `20210822` or `20210822T094000Z`. */
const COMPACT_DATE =
  /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const ISO_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const EPOCH = /^\d{10}$|^\d{13}$/;
/** What may follow a written-out date: `, 9:40 am EDT`, ` 09:40:00 GMT`, ` at 14:05 +0300`. */
const TIME_TAIL =
  '(?:\\s*(?:,|at|-)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?\\s*(Z|UTC|GMT|UT|[+-]\\d{2}:?\\d{2}|[a-z]{2,4})?\\b)?';
/** `Sun, 22 Aug 2021 09:40:00 GMT`, `22 August 2021`. */
const DAY_FIRST = new RegExp(
  `^(?:[a-z]+\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD},?\\s+(\\d{4})${TIME_TAIL}`,
  'i',
);
/** `August 22, 2021`, `Sunday, Aug. 22, 2021 9:40 AM`. */
const MONTH_FIRST = new RegExp(
  `^(?:[a-z]+\\.?,?\\s+)?${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_TAIL}`,
  'i',
);

/** Zone abbreviations that news sites actually print, in minutes east of UTC. */
const ZONE_NAMES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** In the address: `/2021/08/22/`, `/2021/aug/22/`, `/2021-08-22-slug`, `_20210822`, `/2021/08/`. */
const URL_PATTERNS: {
  /** Captures year, month (number or name) and, unless month-only, day. */
  pattern: RegExp;
  confidence: number;
  detail: string;
}[] = [
  {
    pattern: /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=[/_.-]|$)/,
    confidence: 0.5,
    detail: 'date in the address',
  },
  {
    pattern: new RegExp(`\\/((?:19|20)\\d{2})\\/${MONTH_WORD}\\/(\\d{1,2})(?=[/_.-]|$)`, 'i'),
    confidence: 0.5,
    detail: 'date in the address',
  },
  {
    pattern: /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_.-]|$)/,
    confidence: 0.5,
    detail: 'date in the address',
  },
  {
    pattern: /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/,
    confidence: 0.4,
    detail: 'date in the address slug',
  },
  {
    pattern: new RegExp(`\\/((?:19|20)\\d{2})\\/(\\d{1,2}|${MONTH_NAMES})(?=\\/|$)`, 'i'),
    confidence: 0.35,
    detail: 'month in the address',
  },
];

/** The date in a page's address, if its path carries one. */
export function dateInAddress(
  url: string,
  maxYear: number,
): (ParsedDate & { confidence: number; detail: string }) | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  for (const { pattern, confidence, detail } of URL_PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const [, year, month, day] = match;
    const dayNumber = day === undefined ? undefined : Number(day);
    const parsed = build(Number(year), monthNumber(month), dayNumber, maxYear);
    if (parsed) return { ...parsed, confidence, detail };
  }
  return undefined;
}

/** `08` → 8, `Aug`/`august` → 8. */
function monthNumber(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  if (/^\d+$/.test(text)) return Number(text);
  return MONTHS.indexOf(text.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Reads a date string as publishers write it. The calendar day is kept as written in the string's
 * own offset, because that is the day the newsroom dated the story; shifting to UTC would move
 * evening stories in the Americas and morning ones in Asia onto the wrong day.
 * @returns undefined when unreadable or the year is implausible (before 1990 or after `maxYear`)
 */
export function parseDate(text: string, maxYear: number): ParsedDate | undefined {
  const value = latinDigits(text.trim());
  if (value === '' || value.length > 100) return undefined;
  if (EPOCH.test(value)) {
    const ms = value.length === 10 ? Number(value) * 1000 : Number(value);
    const d = new Date(ms);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), maxYear, {
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      zone: 'Z',
    });
  }
  const iso = ISO_DATE.exec(value) ?? COMPACT_DATE.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const time = h === undefined ? undefined : clock(h, mi, s, undefined, zone);
    return build(Number(y), Number(mo), Number(d), maxYear, time);
  }
  const month = ISO_MONTH.exec(value);
  if (month) return build(Number(month[1]), Number(month[2]), undefined, maxYear);
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) {
    const [, d, mo, y, h, mi, s, meridiem, zone] = dayFirst;
    const time = h === undefined ? undefined : clock(h, mi, s, meridiem, zone);
    return build(Number(y), monthNumber(mo), Number(d), maxYear, time);
  }
  const monthFirst = MONTH_FIRST.exec(value);
  if (monthFirst) {
    const [, mo, d, y, h, mi, s, meridiem, zone] = monthFirst;
    const time = h === undefined ? undefined : clock(h, mi, s, meridiem, zone);
    return build(Number(y), monthNumber(mo), Number(d), maxYear, time);
  }
  return hasArabic(value) ? fromArabic(value, maxYear) : undefined;
}

/** A date written in Arabic, after a dateline's city or a weekday. */
function fromArabic(value: string, maxYear: number): ParsedDate | undefined {
  const parts = arabicDateParts(value);
  if (!parts) return undefined;
  const time = parts.time;
  return build(
    parts.year,
    parts.month,
    parts.day,
    maxYear,
    time &&
      clock(
        String(time.hour),
        String(time.minute),
        String(time.second),
        time.pm === undefined ? undefined : time.pm ? 'pm' : 'am',
        time.zone,
      ),
  );
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  /** `Z`, `+03:00`, or undefined when the string gave no (known) zone. */
  zone?: string;
}

function clock(
  hour: string,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
  zone: string | undefined,
): Clock {
  let h = Number(hour);
  if (meridiem) {
    const pm = meridiem.toLowerCase().startsWith('p');
    if (h === 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  }
  return {
    hour: h,
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    zone: zoneLabel(zone),
  };
}

/** `Z`/`GMT` → `Z`; `+0300`, `+03`, `+03:00` → `+03:00`; `EDT` → `-04:00`; unknown → undefined. */
function zoneLabel(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (offset) return `${offset[1]}${offset[2]}:${offset[3] ?? '00'}`;
  const minutes = ZONE_NAMES[zone.toLowerCase()];
  if (minutes === undefined) return undefined;
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function zoneMinutes(label: string): number {
  if (label === 'Z') return 0;
  const sign = label.startsWith('-') ? -1 : 1;
  return sign * (Number(label.slice(1, 3)) * 60 + Number(label.slice(4, 6)));
}

/** Checks the parts and assembles the result; day undefined means month precision. */
function build(
  year: number,
  month: number,
  day: number | undefined,
  maxYear: number,
  time?: Clock,
): ParsedDate | undefined {
  if (!Number.isInteger(year) || year < 1990 || year > maxYear) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === undefined) return { date: `${year}-${pad(month)}`, precision: Precision.Month };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return undefined;
  const date = formatDay(year, month, day);
  if (!time) return { date, precision: Precision.Day };
  const { hour, minute, second, zone } = time;
  if (hour > 23 || minute > 59 || second > 60) return { date, precision: Precision.Day };
  const dateTime = `${date}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${zone ?? ''}`;
  const instant =
    zone === undefined
      ? undefined
      : Date.UTC(year, month - 1, day, hour, minute, second) - zoneMinutes(zone) * 60_000;
  return {
    date,
    dateTime,
    precision: Precision.Time,
    ...(instant === undefined ? {} : { instant }),
  };
}

export function formatDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
