import { startKey } from '../card/dated';
import { safeWebUrl } from '../card/format';

/**
 * Earlier coverage of a name from a news source: what the card lists under "before this article".
 * Every source's list goes through {@link earlierCoverage}, which keeps only what was published
 * before the article's date (whatever the service claims to have filtered), drops duplicates and
 * the article itself, and puts the newest first.
 */

/** One earlier article, in the pack's `Link` shape. */
export interface CoverageItem {
  title: string;
  url: string;
  /** The publication or its domain. */
  outlet: string;
  /** Day published (or first seen), YYYY-MM-DD. */
  date: string;
}

const TRACKING = /^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$|cmpid$|at_)/;

/** The form two links are compared in: no scheme, no `www.`, no fragment, no tracking parameters, no trailing slash. */
export function canonicalUrl(url: string): string | null {
  const safe = safeWebUrl(url);
  if (!safe) return null;
  const parsed = new URL(safe);
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()])
    if (TRACKING.test(name)) parsed.searchParams.delete(name);
  const host = parsed.hostname.replace(/^(www|amp|m)\./, '');
  const path = parsed.pathname.replace(/\/(amp\/?)?$/, '') || '/';
  return `${host}${path}${parsed.search}`.toLowerCase();
}

function titleKey(item: CoverageItem): string {
  return `${item.outlet.toLowerCase()}|${item.title.toLowerCase().replace(/\W+/g, ' ').trim()}`;
}

export interface EarlierOptions {
  /** The article being read: never listed as its own background. */
  exceptUrl?: string;
  /** At most this many, newest first. */
  limit?: number;
}

/**
 * Items published strictly before `articleDate` (a date known only to the month counts from the
 * month's first day), each article once (by address, and by outlet and title for syndicated
 * copies), newest first.
 */
export function earlierCoverage(
  items: readonly CoverageItem[],
  articleDate: string,
  options: EarlierOptions = {},
): CoverageItem[] {
  const before = startKey(articleDate);
  const except = options.exceptUrl ? canonicalUrl(options.exceptUrl) : null;
  const urls = new Set<string>();
  const titles = new Set<string>();
  const kept: CoverageItem[] = [];
  const sorted = [...items]
    .filter((item) => /^\d{4}-\d{2}-\d{2}$/.test(item.date) && item.date < before)
    .sort((a, b) => b.date.localeCompare(a.date));
  for (const item of sorted) {
    const url = canonicalUrl(item.url);
    if (!url || url === except || urls.has(url) || titles.has(titleKey(item))) continue;
    urls.add(url);
    titles.add(titleKey(item));
    kept.push(item);
    if (options.limit !== undefined && kept.length >= options.limit) break;
  }
  return kept;
}

/** `YYYY-MM-DD` of a date known to the day, month or year, taken at its first day. */
export function dayOf(date: string): string {
  return startKey(date);
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function utcDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Adds days to a `YYYY-MM-DD` date (negative to go back), in UTC. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return utcDay(Date.UTC(year, month - 1, date + days));
}

/** Names as a search service's phrase query: each quoted, markup and quotes removed, at most `max`. */
export function quotedNames(names: readonly string[], minLength: number, max = 5): string[] {
  const phrases: string[] = [];
  for (const name of names) {
    const clean = name
      .replace(/["“”<>()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (clean.length < minLength || phrases.includes(`"${clean}"`)) continue;
    phrases.push(`"${clean}"`);
    if (phrases.length >= max) break;
  }
  return phrases;
}
