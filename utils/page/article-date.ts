/**
 * Works out when a news page was published from the page's own metadata, so the card can say what
 * was known at the time the article was written. Runs on every page, so it reads a handful of
 * querySelector results (metas, JSON-LD scripts, a few `<time>` candidates) and never walks the
 * whole document.
 *
 * Confidences (0..1):
 * - meta `article:published_time`, `og:article:published_time`, `itemprop=datePublished`: 0.9;
 *   `parsely-pub-date`: 0.85; `pubdate`, `publishdate`, `DC.date.issued`, `sailthru.date` and other
 *   publication-specific names: 0.8; generic `date`, `DC.date`, `dcterms.created`: 0.7.
 * - JSON-LD: an Article-like node's `datePublished` 0.9, its `dateCreated` 0.8; a WebPage-like
 *   node's `datePublished` 0.75, its `dateCreated` 0.65.
 * - `<time>`: `itemprop=datePublished` 0.8, `pubdate` 0.75, article header 0.65, byline 0.65,
 *   first in `<article>` 0.55, `[class*=date]` 0.5, any `<header>` 0.45 (often the masthead's
 *   "today"); 0.1 less when only the element's text, not `datetime`, holds the date.
 * - Address: year/month/day 0.5, an eight-digit date in a slug 0.4, year/month only 0.35.
 * - Modified-time metas and JSON-LD `dateModified`: 0.2, used only when nothing else is found.
 * - Nothing at all: today's date, confidence 0.
 *
 * Tie-break: the most specific candidate wins (timestamp > day > month); among equally specific
 * ones, meta and JSON-LD beat `<time>`, which beats the address; then the higher confidence; then
 * document order. Each other high-confidence (≥ 0.6) source kind that agrees adds 0.05 (at most
 * 0.99); any high-confidence candidate that disagrees takes 0.15 off once. Disagreeing candidates
 * are listed in `conflicts`.
 */

/** Where a publication date came from. */
export type DateSource = 'meta' | 'json-ld' | 'time' | 'url' | 'none';

/** When a page was published, and how sure we are. */
export interface ArticleDate {
  /** ISO date of the day published, YYYY-MM-DD (or YYYY-MM when only the month is known). */
  date: string;
  /** Full timestamp when known (ISO 8601 string), else undefined. */
  dateTime?: string;
  source: DateSource;
  /** 0..1: how much to trust it. */
  confidence: number;
  /** Human-readable: which signal was used, e.g. 'meta article:published_time'. */
  detail: string;
  /** Other dates found that disagree (for transparency), each with its detail. */
  conflicts: { date: string; detail: string }[];
}

/** How much of a date is known: month only, day, or a full timestamp; more sorts first. */
const Precision = { Month: 1, Day: 2, Time: 3 } as const;
type Precision = (typeof Precision)[keyof typeof Precision];

/** A date read from one string, before we know where it came from. */
export interface ParsedDate {
  date: string;
  dateTime?: string;
  precision: Precision;
  /** Milliseconds since the epoch, only when the string carried a time zone. */
  instant?: number;
}

interface Candidate extends ParsedDate {
  source: Exclude<DateSource, 'none'>;
  confidence: number;
  detail: string;
}

/** Meta names, properties and itemprops (lower-cased) that state the publication date. */
const PUBLISHED_METAS: Record<string, number> = {
  'article:published_time': 0.9,
  'og:article:published_time': 0.9,
  datepublished: 0.9,
  'parsely-pub-date': 0.85,
  'og:published_time': 0.8,
  'article:published': 0.8,
  'article.published': 0.8,
  pubdate: 0.8,
  publishdate: 0.8,
  'publish-date': 0.8,
  publish_date: 0.8,
  publication_date: 0.8,
  'dc.date.issued': 0.8,
  'dcterms.issued': 0.8,
  citation_publication_date: 0.8,
  'sailthru.date': 0.8,
  'original-publish-date': 0.8,
  date: 0.7,
  'dc.date': 0.7,
  'dcterms.date': 0.7,
  'dc.date.created': 0.7,
  'dcterms.created': 0.7,
};

/** Meta keys that state when the page last changed: a last resort, since edits come later. */
const MODIFIED_METAS = new Set([
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'datemodified',
  'last-modified',
  'dc.date.modified',
  'dcterms.modified',
]);

const MODIFIED_CONFIDENCE = 0.2;
/** Above this, a source counts as high-confidence when agreeing or disagreeing. */
const HIGH = 0.6;
const AGREEMENT_BONUS = 0.05;
const CONFLICT_PENALTY = 0.15;

/** `<time>` places, most telling first; only the first that yields a date is used. */
const TIME_PLACES: { selector: string; confidence: number; detail: string }[] = [
  {
    selector: 'time[itemprop="datePublished"]',
    confidence: 0.8,
    detail: '<time itemprop=datePublished>',
  },
  { selector: 'time[pubdate]', confidence: 0.75, detail: '<time pubdate>' },
  { selector: 'article header time', confidence: 0.65, detail: '<time> in article header' },
  { selector: '[class*="byline"] time', confidence: 0.65, detail: '<time> in byline' },
  { selector: 'article time', confidence: 0.55, detail: 'first <time> in article' },
  {
    selector: '[class*="date"] time, time[class*="date"]',
    confidence: 0.5,
    detail: '<time> in a date element',
  },
  { selector: 'header time', confidence: 0.45, detail: '<time> in page header' },
];

/** How many elements of one `<time>` place to look at before giving up on it. */
const TIME_LOOKS = 3;
/** Live blogs stamp every post; the publication date sits near the top, so the rest can wait. */
const MAX_TIMES = 50;

/** JSON-LD limits, so a page with a huge or deeply nested graph costs little. */
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 1_000_000;
const MAX_JSON_LD_DEPTH = 6;
const MAX_JSON_LD_NODES = 200;

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

/**
 * Finds when the page was published from its metadata, falling back to `today`.
 * @param doc the page (or a parsed copy of it)
 * @param url the page's address, for dates in its path
 * @param today the reader's current date; its local calendar day is used when nothing is found
 */
export function findArticleDate(doc: Document, url: string, today: Date): ArticleDate {
  const maxYear = today.getFullYear() + 1;
  const modified: Candidate[] = [];
  const found = [
    ...fromMetas(doc, maxYear, modified),
    ...fromJsonLd(doc, maxYear, modified),
    ...fromTime(doc, maxYear),
    ...fromUrl(url, maxYear),
  ];
  const pool = found.length > 0 ? found : modified;
  if (pool.length === 0) {
    return {
      date: formatDay(today.getFullYear(), today.getMonth() + 1, today.getDate()),
      source: 'none',
      confidence: 0,
      detail: 'no date found; using today',
      conflicts: [],
    };
  }
  const ranked = pool
    .map((candidate, order) => ({ candidate, order }))
    .sort(
      (a, b) =>
        b.candidate.precision - a.candidate.precision ||
        trust(b.candidate) - trust(a.candidate) ||
        b.candidate.confidence - a.candidate.confidence ||
        a.order - b.order,
    )
    .map(({ candidate }) => candidate);
  const [winner, ...others] = ranked as [Candidate, ...Candidate[]];
  return {
    date: winner.date,
    ...(winner.dateTime ? { dateTime: winner.dateTime } : {}),
    source: winner.source,
    confidence: adjustedConfidence(winner, others),
    detail: winner.detail,
    conflicts: conflictsWith(winner, others),
  };
}

/** Meta and JSON-LD are written for machines by the publisher; `<time>` is layout; the address is a convention. */
function trust(candidate: Candidate): number {
  if (candidate.source === 'url') return 1;
  if (candidate.source === 'time') return 2;
  return 3;
}

function adjustedConfidence(winner: Candidate, others: Candidate[]): number {
  const agreeingSources = new Set<DateSource>();
  let disputed = false;
  for (const other of others) {
    if (other.confidence < HIGH) continue;
    if (!agrees(winner, other)) disputed = true;
    // Two metas with one value are usually one field printed twice: count sources, not tags.
    else if (other.source !== winner.source) agreeingSources.add(other.source);
  }
  let confidence = winner.confidence + AGREEMENT_BONUS * agreeingSources.size;
  if (disputed) confidence -= CONFLICT_PENALTY;
  return Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
}

function conflictsWith(winner: Candidate, others: Candidate[]): ArticleDate['conflicts'] {
  const conflicts: ArticleDate['conflicts'] = [];
  const seen = new Set<string>();
  for (const other of others) {
    const key = `${other.date} ${other.detail}`;
    if (agrees(winner, other) || seen.has(key)) continue;
    seen.add(key);
    conflicts.push({ date: other.date, detail: other.detail });
  }
  return conflicts;
}

/**
 * Same day as written, or the same month when one side knows only the month. A timestamp with a
 * zone also agrees with the day it falls on in UTC, since sites often print a bare UTC day next to
 * a local timestamp.
 */
function agrees(a: ParsedDate, b: ParsedDate): boolean {
  if (a.precision === Precision.Month || b.precision === Precision.Month) {
    return a.date.slice(0, 7) === b.date.slice(0, 7);
  }
  if (a.date === b.date) return true;
  const aUtc = a.instant === undefined ? undefined : utcDay(a.instant);
  const bUtc = b.instant === undefined ? undefined : utcDay(b.instant);
  return aUtc === b.date || bUtc === a.date || (aUtc !== undefined && aUtc === bUtc);
}

function utcDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function fromMetas(doc: Document, maxYear: number, modified: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  // Attribute selectors are case-sensitive (and `i` is not everywhere), so read each meta's key.
  for (const meta of doc.getElementsByTagName('meta')) {
    const written =
      meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    if (!written) continue;
    const key = written.trim().toLowerCase();
    const published = PUBLISHED_METAS[key];
    const isModified = published === undefined && MODIFIED_METAS.has(key);
    if ((published === undefined && !isModified) || seen.has(key)) continue;
    const parsed = parseDate(meta.getAttribute('content') ?? '', maxYear);
    if (!parsed) continue;
    seen.add(key);
    if (published !== undefined) {
      out.push({ ...parsed, source: 'meta', confidence: published, detail: `meta ${written}` });
    } else {
      modified.push({
        ...parsed,
        source: 'meta',
        confidence: MODIFIED_CONFIDENCE,
        detail: `meta ${written} (last modified; no publication date found)`,
      });
    }
  }
  return out;
}

type JsonObject = Record<string, unknown>;

function fromJsonLd(doc: Document, maxYear: number, modified: Candidate[]): Candidate[] {
  const nodes: { node: JsonObject; type: string; isArticle: boolean }[] = [];
  // Filtered here rather than by selector, since the type's case varies and `[type i]` is not everywhere.
  const scripts = Array.from(doc.getElementsByTagName('script')).filter((script) =>
    /ld\+json/i.test(script.getAttribute('type') ?? ''),
  );
  for (const script of scripts.slice(0, MAX_JSON_LD_SCRIPTS)) {
    const data = parseJson(script.textContent ?? '');
    if (data !== undefined) collectNodes(data, 0, nodes);
  }
  // Article nodes before page nodes, datePublished before dateCreated: the first that parses is
  // the JSON-LD's answer, the rest still count for agreement and conflicts.
  const out: Candidate[] = [];
  const tiers = [
    { article: true, field: 'datePublished', confidence: 0.9 },
    { article: true, field: 'dateCreated', confidence: 0.8 },
    { article: false, field: 'datePublished', confidence: 0.75 },
    { article: false, field: 'dateCreated', confidence: 0.65 },
  ];
  for (const tier of tiers) {
    for (const { node, type, isArticle } of nodes) {
      if (isArticle !== tier.article) continue;
      const parsed = parseDate(dateText(node[tier.field]), maxYear);
      if (!parsed) continue;
      const detail = `JSON-LD ${tier.field} (${type})`;
      if (!out.some((c) => c.detail === detail && c.date === parsed.date)) {
        out.push({ ...parsed, source: 'json-ld', confidence: tier.confidence, detail });
      }
    }
  }
  for (const { node, type } of nodes) {
    const parsed = parseDate(dateText(node.dateModified), maxYear);
    if (!parsed) continue;
    modified.push({
      ...parsed,
      source: 'json-ld',
      confidence: MODIFIED_CONFIDENCE,
      detail: `JSON-LD dateModified (${type}; last modified, no publication date found)`,
    });
  }
  return out;
}

/** JSON.parse only (never eval); a broken block, or one wrapped in an HTML comment, is skipped or unwrapped. */
function parseJson(text: string): unknown {
  if (text.length > MAX_JSON_LD_CHARS) return undefined;
  const body = text
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .replace(/^\/\/\s*<!\[CDATA\[/, '')
    .replace(/\/\/\s*\]\]>$/, '');
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Gathers Article-like and WebPage-like nodes from arrays, `@graph` and `mainEntity`, and nowhere
 * else: lists of related articles (`itemListElement`, `hasPart`) carry other stories' dates.
 */
function collectNodes(
  value: unknown,
  depth: number,
  out: { node: JsonObject; type: string; isArticle: boolean }[],
): void {
  if (depth > MAX_JSON_LD_DEPTH || out.length >= MAX_JSON_LD_NODES) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_JSON_LD_NODES)) collectNodes(item, depth + 1, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as JsonObject;
  const type = typeNames(node['@type']).find((name) => isArticleType(name) || isPageType(name));
  if (type) out.push({ node, type, isArticle: isArticleType(type) });
  if ('@graph' in node) collectNodes(node['@graph'], depth + 1, out);
  if ('mainEntity' in node) collectNodes(node.mainEntity, depth + 1, out);
}

/** `"NewsArticle"`, `["NewsArticle"]`, `"schema:NewsArticle"`, `"https://schema.org/NewsArticle"` → `NewsArticle`. */
function typeNames(type: unknown): string[] {
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.split(/[/:#]/).pop() ?? name);
}

/** Article, NewsArticle, ReportageNewsArticle, ScholarlyArticle, BlogPosting, LiveBlogPosting… */
function isArticleType(name: string): boolean {
  return /(?:Article|Posting|^Report)$/.test(name);
}

/** WebPage, ItemPage, AboutPage… */
function isPageType(name: string): boolean {
  return /Page$/.test(name);
}

/** A date value as JSON-LD writes it: a string, a list of strings, or `{ "@value": … }`. */
function dateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return dateText(value[0]);
  if (value !== null && typeof value === 'object') return dateText((value as JsonObject)['@value']);
  return '';
}

function fromTime(doc: Document, maxYear: number): Candidate[] {
  // One query for every <time>, then `matches` per place: a page has few of them, and this avoids
  // one document walk per place.
  const times = Array.from(doc.getElementsByTagName('time')).slice(0, MAX_TIMES);
  for (const place of TIME_PLACES) {
    let looked = 0;
    for (const element of times) {
      if (looked >= TIME_LOOKS) break;
      if (!element.matches(place.selector)) continue;
      looked++;
      if (isModifiedMark(element)) continue;
      const attribute = element.getAttribute('datetime');
      const parsed = parseDate(attribute ?? element.textContent ?? '', maxYear);
      if (!parsed) continue;
      const fromText = attribute === null;
      return [
        {
          ...parsed,
          source: 'time',
          confidence: Math.round((place.confidence - (fromText ? 0.1 : 0)) * 100) / 100,
          detail: fromText ? `${place.detail} (its text)` : place.detail,
        },
      ];
    }
  }
  return [];
}

/** A byline often shows "Updated <time>" next to the published time; that one is not ours. */
function isModifiedMark(element: Element): boolean {
  if (element.getAttribute('itemprop') === 'dateModified') return true;
  const classes = `${element.getAttribute('class') ?? ''} ${element.parentElement?.getAttribute('class') ?? ''}`;
  return /updat|modif/i.test(classes);
}

function fromUrl(url: string, maxYear: number): Candidate[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  for (const { pattern, confidence, detail } of URL_PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const [, year, month, day] = match;
    const dayNumber = day === undefined ? undefined : Number(day);
    const parsed = build(Number(year), monthNumber(month), dayNumber, maxYear);
    if (parsed) return [{ ...parsed, source: 'url', confidence, detail }];
  }
  return [];
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
  const value = text.trim();
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
  return undefined;
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

function formatDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
