/**
 * Works out when a news page was published from what the page says about itself, so the card can
 * say what was known at the time the article was written. The page side only collects the
 * evidence (`evidence.ts`); the weighing happens here, in the background.
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
 * - Dateline (a date opening a `[class*=dateline]` element or the first paragraph, after a city
 *   or a weekday, "بيروت، 8 أيلول 2021"): 0.55 in a dateline element, 0.45 in the first paragraph.
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
import { jsonLdDates } from './json-ld';
import {
  type Candidate,
  type DateSource,
  dateInAddress,
  formatDay,
  type ParsedDate,
  Precision,
  parseDate,
} from './parse';
import {
  DATELINE_PLACES,
  type DateEvidence,
  MODIFIED_CONFIDENCE,
  MODIFIED_METAS,
  PUBLISHED_METAS,
  TIME_PLACES,
} from './signals';

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

/** Above this, a source counts as high-confidence when agreeing or disagreeing. */
const HIGH = 0.6;
const AGREEMENT_BONUS = 0.05;
const CONFLICT_PENALTY = 0.15;

/** The article's day when the page gave one; undefined when it did not (or nothing is known). */
export function knownDate(articleDate: ArticleDate | null | undefined): string | undefined {
  return articleDate && articleDate.source !== 'none' ? articleDate.date : undefined;
}

/**
 * When the page was published, from what it says ({@link DateEvidence}), falling back to `today`.
 * @param evidence the page's metas, JSON-LD, `<time>` elements and address
 * @param today the reader's current date; its local calendar day is used when nothing is found
 */
export function chooseArticleDate(evidence: DateEvidence, today: Date): ArticleDate {
  const maxYear = today.getFullYear() + 1;
  const modified: Candidate[] = [];
  const found = [
    ...fromMetas(evidence.metas, maxYear, modified),
    ...jsonLdDates(evidence.jsonLd, maxYear, modified),
    ...fromTime(evidence.times, maxYear),
    ...fromDateline(evidence.datelines ?? [], maxYear),
    ...fromAddress(evidence.url, maxYear),
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

/**
 * Meta and JSON-LD are written for machines by the publisher; `<time>` and a dateline are
 * layout; the address is a convention.
 */
function trust(candidate: Candidate): number {
  if (candidate.source === 'url') return 1;
  if (candidate.source === 'time' || candidate.source === 'dateline') return 2;
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

function fromMetas(
  metas: DateEvidence['metas'],
  maxYear: number,
  modified: Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const [written, content] of metas) {
    const key = written.trim().toLowerCase();
    const published = PUBLISHED_METAS[key];
    const isModified = published === undefined && MODIFIED_METAS.has(key);
    if ((published === undefined && !isModified) || seen.has(key)) continue;
    const parsed = parseDate(content, maxYear);
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

/** The first `<time>` at the most telling place that yields a date. */
function fromTime(times: DateEvidence['times'], maxYear: number): Candidate[] {
  for (const [index, place] of TIME_PLACES.entries()) {
    for (const time of times) {
      if (time.place !== index || time.modified) continue;
      const parsed = parseDate(time.datetime ?? time.text, maxYear);
      if (!parsed) continue;
      const fromText = time.datetime === null;
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

/** The first dateline that starts with a date (a city or a weekday may come before it). */
function fromDateline(
  datelines: NonNullable<DateEvidence['datelines']>,
  maxYear: number,
): Candidate[] {
  for (const [index, place] of DATELINE_PLACES.entries()) {
    for (const dateline of datelines) {
      if (dateline.place !== index) continue;
      const parsed = parseDate(dateline.text, maxYear);
      if (parsed)
        return [
          { ...parsed, source: 'dateline', confidence: place.confidence, detail: place.detail },
        ];
    }
  }
  return [];
}

function fromAddress(url: string, maxYear: number): Candidate[] {
  const found = dateInAddress(url, maxYear);
  return found ? [{ ...found, source: 'url' }] : [];
}
