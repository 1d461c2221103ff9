import { safeWebUrl } from '../card/format';
import {
  addDays,
  type CoverageItem,
  dayOf,
  type EarlierOptions,
  earlierCoverage,
  quotedNames,
  utcDay,
} from './coverage';
import type { LiveEndpoints } from './endpoints';
import { asObject, getJson, type LiveHttp } from './http';
import { fail, forward, type LiveResult, ok } from './result';
import { plainText } from './text';

/**
 * Earlier coverage from GDELT DOC 2.0 (`mode=ArtList&format=json`), in a window that ends at the
 * article's date. Sends the names and the dates, never the page's address.
 *
 * How far back it answers: GDELT documents the DOC API as searching a rolling window of the last
 * three months. Its debut post was later revised to say the index goes back to 1 January 2017, yet
 * it still describes ranges "within the last 3 months"; client libraries (gdeltdoc) warn that
 * earlier ranges "may still return data, but it's not guaranteed". So: articles from the last
 * three months are `documented`; older ones back to 2017 are `best-effort` (expect gaps and empty
 * answers, and say so on the card); before 2017 we do not ask at all (`none`).
 *
 * An empty result is `{}`; errors (a phrase too short, a malformed query) come back as HTML with
 * status 200; overload comes back as 429, and GDELT asks for about one request per five seconds.
 */

export const GDELT_EARLIEST = '2017-01-01';
/** The documented rolling window. */
export const GDELT_DOCUMENTED_DAYS = 90;
/** GDELT's own request spacing. */
export const GDELT_SPACING_MS = 5_000;
/** GDELT refuses very short keywords; names shorter than this are not sent. */
const MIN_NAME_LENGTH = 3;

/** How much to trust GDELT for an article of this date, seen from `now`. */
export type GdeltReach = 'documented' | 'best-effort' | 'none';

/** See the module note: three months back is documented, back to 2017 best effort, earlier nothing. */
export function gdeltReach(articleDate: string, now: number): GdeltReach {
  const day = dayOf(articleDate);
  if (day <= GDELT_EARLIEST) return 'none';
  return day >= addDays(utcDay(now), -GDELT_DOCUMENTED_DAYS) ? 'documented' : 'best-effort';
}

/** `YYYY-MM-DD` → GDELT's `YYYYMMDDhhmmss`, at midnight UTC. */
function stamp(day: string): string {
  return `${day.replace(/-/g, '')}000000`;
}

export interface GdeltOptions {
  /** Days before the article to search (default: the documented 90). */
  days?: number;
  /** At most 250. */
  maxRecords?: number;
  /** GDELT's `sourcelang:` filter, e.g. `english`. */
  sourceLanguage?: string;
}

/**
 * The ArtList address for `names` in the window ending at the article's day (midnight, so the
 * article's own day is out) and starting `days` earlier, never before 2017. Null when there is
 * nothing to ask: no usable name, or an article from before GDELT's index.
 */
export function gdeltUrl(
  endpoints: LiveEndpoints,
  names: readonly string[],
  articleDate: string,
  options: GdeltOptions = {},
): string | null {
  const end = dayOf(articleDate);
  if (end <= GDELT_EARLIEST) return null;
  const phrases = quotedNames(names, MIN_NAME_LENGTH);
  if (phrases.length === 0) return null;
  const start = addDays(end, -(options.days ?? GDELT_DOCUMENTED_DAYS));
  const terms = phrases.length > 1 ? `(${phrases.join(' OR ')})` : (phrases[0] as string);
  const query = options.sourceLanguage ? `${terms} sourcelang:${options.sourceLanguage}` : terms;
  const params = new URLSearchParams({
    query,
    mode: 'ArtList',
    format: 'json',
    maxrecords: String(Math.min(250, Math.max(1, options.maxRecords ?? 50))),
    sort: 'DateDesc',
    startdatetime: stamp(start < GDELT_EARLIEST ? GDELT_EARLIEST : start),
    enddatetime: stamp(end),
  });
  return `${endpoints.gdelt}?${params}`;
}

/** `20210822T101500Z` → `2021-08-22`. */
function seenDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** Reads an ArtList answer; `{}` is an empty list. Null when it is not one. */
export function parseGdelt(json: unknown): CoverageItem[] | null {
  const body = asObject(json);
  if (!body) return null;
  const articles = body.articles;
  if (articles === undefined) return Object.keys(body).length === 0 ? [] : null;
  if (!Array.isArray(articles)) return null;
  const items: CoverageItem[] = [];
  for (const entry of articles) {
    const article = asObject(entry);
    if (!article) continue;
    const url = safeWebUrl(typeof article.url === 'string' ? article.url : undefined);
    const title = plainText(article.title, 300);
    const date = seenDay(article.seendate);
    if (!url || !title || !date) continue;
    const outlet = plainText(article.domain, 120) ?? new URL(url).hostname.replace(/^www\./, '');
    items.push({ title, url, outlet, date });
  }
  return items;
}

export interface GdeltRequest extends GdeltOptions, EarlierOptions {
  endpoints: LiveEndpoints;
  /** For {@link gdeltReach}: the reader's clock. */
  now: number;
  signal?: AbortSignal;
  /** Spacing between GDELT requests (tests shorten it). */
  spacingMs?: number;
}

/**
 * Earlier coverage of `names` before `articleDate`, with how far GDELT can be trusted for that
 * date. Nothing is sent when the date is before GDELT's index or no name is usable.
 */
export async function fetchGdeltCoverage(
  http: LiveHttp,
  names: readonly string[],
  articleDate: string,
  request: GdeltRequest,
): Promise<LiveResult<{ items: CoverageItem[]; reach: GdeltReach }>> {
  const reach = gdeltReach(articleDate, request.now);
  const url = gdeltUrl(request.endpoints, names, articleDate, request);
  if (!url || reach === 'none') return ok({ items: [], reach });
  const result = await getJson(http, url, {
    signal: request.signal,
    spacingMs: request.spacingMs ?? GDELT_SPACING_MS,
  });
  if (!result.ok) return forward(result);
  const items = parseGdelt(result.value.json);
  if (!items) return fail('failed', 'not an ArtList answer', result.value.status);
  return ok({ items: earlierCoverage(items, articleDate, request), reach });
}
