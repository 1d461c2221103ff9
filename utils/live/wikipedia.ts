import { safeWebUrl } from '../card/format';
import { fetchBatches, slices } from './batched';
import { forLanguage, type LiveEndpoints } from './endpoints';
import { asObject, getJson, type LiveHttp } from './http';
import { fail, forward, type LiveResult, ok } from './result';
import { plainText } from './text';

/**
 * Wikipedia, read two ways: a page's summary (REST `page/summary/{title}`), and batched look-ups of
 * titles (action API `prop=pageprops|description`) for names the pack does not know. Only the
 * names Backstory found are sent, never the page's address. A disambiguation page, a missing
 * page or a redirect into a section gives no card: better none than the wrong one.
 */

/** A page's summary, as plain text. */
export interface PageSummary {
  title: string;
  /** Wikidata's short description, e.g. "City in southern Syria". */
  description?: string;
  /** The lead's first paragraph(s), plain text (the API's `extract_html` is never used). */
  extract?: string;
  /** A thumbnail address (http(s) only). */
  thumbnail?: string;
  /** The article's address on the desktop site. */
  url: string;
  wikidataId?: string;
  lang: string;
  /** When the page was last edited (ISO 8601), when given. */
  timestamp?: string;
  coordinates?: { lat: number; lon: number };
}

/** A summary, or why there is none to show. */
export type SummaryOutcome =
  | { found: true; summary: PageSummary }
  | { found: false; reason: 'missing' | 'disambiguation' };

/** Lengths that fit the pack's fields (description 200, summary 1200). */
const MAX_DESCRIPTION = 200;
const MAX_EXTRACT = 1200;
/** The action API takes at most 50 titles a request for ordinary clients. */
export const TITLES_PER_REQUEST = 50;

const QID = /^Q[1-9]\d*$/;

/** A title as a REST path segment: underscores for spaces, everything else percent-encoded ("AC/DC" too). */
export function encodeTitle(title: string): string {
  return encodeURIComponent(title.trim().replace(/ /g, '_'));
}

/** The summary address of `title` on the `lang` Wikipedia. */
export function summaryUrl(endpoints: LiveEndpoints, lang: string, title: string): string {
  return `${forLanguage(endpoints.wikipediaRest, lang)}/page/summary/${encodeTitle(title)}`;
}

/**
 * A summary response read defensively: `type: 'disambiguation'` is no card; a standard or
 * `no-extract` page needs at least a title and an address. Null when the JSON is not a summary.
 */
export function parseSummary(json: unknown, lang: string): SummaryOutcome | null {
  const page = asObject(json);
  if (!page) return null;
  if (page.type === 'disambiguation') return { found: false, reason: 'disambiguation' };
  // The REST API answers a missing title with a problem document (`type` is a URI).
  if (typeof page.type === 'string' && /not_found|not-found/.test(page.type))
    return { found: false, reason: 'missing' };
  const title = plainText(page.title, 300);
  const desktop = asObject(asObject(page.content_urls)?.desktop);
  const url = safeWebUrl(typeof desktop?.page === 'string' ? desktop.page : undefined);
  if (!title || !url) return null;
  const thumbnail = safeWebUrl(
    typeof asObject(page.thumbnail)?.source === 'string'
      ? (asObject(page.thumbnail)?.source as string)
      : undefined,
  );
  const item = typeof page.wikibase_item === 'string' && QID.test(page.wikibase_item);
  const coordinates = asObject(page.coordinates);
  const lat = coordinates?.lat;
  const lon = coordinates?.lon;
  const description = plainText(page.description, MAX_DESCRIPTION);
  const extract = plainText(page.extract, MAX_EXTRACT);
  return {
    found: true,
    summary: {
      title,
      ...(description ? { description } : {}),
      ...(extract ? { extract } : {}),
      ...(thumbnail ? { thumbnail } : {}),
      url,
      ...(item ? { wikidataId: page.wikibase_item as string } : {}),
      lang,
      ...(typeof page.timestamp === 'string' ? { timestamp: page.timestamp } : {}),
      ...(typeof lat === 'number' &&
      typeof lon === 'number' &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180
        ? { coordinates: { lat, lon } }
        : {}),
    },
  };
}

export interface WikipediaRequest {
  endpoints: LiveEndpoints;
  /** The Wikipedia to ask: the page's language (`en`, `ar`). */
  lang: string;
  signal?: AbortSignal;
}

/** Fetches and reads one summary. A 404 is an answer ("missing"), not an error. */
export async function fetchSummary(
  http: LiveHttp,
  title: string,
  request: WikipediaRequest,
): Promise<LiveResult<SummaryOutcome>> {
  const result = await getJson(http, summaryUrl(request.endpoints, request.lang, title), {
    signal: request.signal,
    wikimedia: true,
  });
  if (!result.ok) {
    if (result.error.status === 404) return ok({ found: false, reason: 'missing' });
    return forward(result);
  }
  if (result.value.status === 404) return ok({ found: false, reason: 'missing' });
  const outcome = parseSummary(result.value.json, request.lang);
  return outcome ? ok(outcome) : fail('failed', 'not a page summary', result.value.status);
}

/** What a title look-up found for one asked name. */
export type TitleOutcome =
  | {
      status: 'found';
      /** The page's title (after normalisation and redirects). */
      title: string;
      description?: string;
      wikidataId?: string;
      /** The redirect followed, when the asked name was one. */
      redirectedFrom?: string;
    }
  | { status: 'disambiguation'; title: string }
  | { status: 'missing' }
  /** A redirect into a section of a bigger page: the page is about something else. */
  | { status: 'section'; title: string }
  | { status: 'invalid' };

/** Titles the action API can take: no `|` (the separator), not empty, not absurdly long. */
function sendable(title: string): boolean {
  const trimmed = title.trim();
  return trimmed.length > 0 && trimmed.length <= 255 && !/[|\p{Cc}]/u.test(trimmed);
}

/** The names to send: duplicates and unsendable titles left out, in the order asked. */
function sendableTitles(titles: readonly string[]): string[] {
  return [...new Set(titles.map((title) => title.trim()).filter(sendable))];
}

/** The look-up address for one batch of at most {@link TITLES_PER_REQUEST} titles. */
function titleLookupUrl(endpoints: LiveEndpoints, lang: string, batch: readonly string[]): string {
  const params = new URLSearchParams({
    action: 'query',
    format: 'json',
    formatversion: '2',
    redirects: '1',
    prop: 'pageprops|description',
    ppprop: 'disambiguation|wikibase_item',
    titles: batch.join('|'),
    origin: '*',
  });
  return `${forLanguage(endpoints.wikipediaApi, lang)}?${params}`;
}

/**
 * The look-up addresses for `titles`, at most {@link TITLES_PER_REQUEST} titles each, duplicates
 * and unsendable titles left out, in the order asked.
 */
export function titleLookupUrls(
  endpoints: LiveEndpoints,
  lang: string,
  titles: readonly string[],
): string[] {
  return slices(sendableTitles(titles), TITLES_PER_REQUEST).map((batch) =>
    titleLookupUrl(endpoints, lang, batch),
  );
}

/** `from → to` pairs of a `normalized` or `redirects` list. */
function pairs(list: unknown): Map<string, { to: string; fragment?: string }> {
  const map = new Map<string, { to: string; fragment?: string }>();
  if (!Array.isArray(list)) return map;
  for (const entry of list) {
    const pair = asObject(entry);
    if (typeof pair?.from === 'string' && typeof pair.to === 'string')
      map.set(pair.from, {
        to: pair.to,
        ...(typeof pair.tofragment === 'string' && pair.tofragment
          ? { fragment: pair.tofragment }
          : {}),
      });
  }
  return map;
}

/**
 * Reads a `formatversion=2` look-up and maps every asked title back through normalisation
 * ("daraa" → "Daraa") and a redirect ("Deraa" → "Daraa") to its page. Null when the JSON is not a
 * query answer. Asked titles the answer does not mention are left out (ask again later).
 */
export function parseTitleLookup(
  json: unknown,
  asked: readonly string[],
): Map<string, TitleOutcome> | null {
  const query = asObject(asObject(json)?.query);
  if (!query || !Array.isArray(query.pages)) return null;
  const normalized = pairs(query.normalized);
  const redirects = pairs(query.redirects);
  const pages = new Map<string, Record<string, unknown>>();
  for (const entry of query.pages) {
    const page = asObject(entry);
    if (typeof page?.title === 'string') pages.set(page.title, page);
  }
  const outcomes = new Map<string, TitleOutcome>();
  for (const name of asked) {
    const sent = name.trim();
    const normal = normalized.get(sent)?.to ?? sent;
    const redirect = redirects.get(normal);
    const title = redirect?.to ?? normal;
    const page = pages.get(title);
    if (!page) continue;
    if (page.invalid !== undefined) outcomes.set(name, { status: 'invalid' });
    else if (page.missing !== undefined && page.missing !== false)
      outcomes.set(name, { status: 'missing' });
    else if (redirect?.fragment) outcomes.set(name, { status: 'section', title });
    else {
      const props = asObject(page.pageprops);
      if (props && 'disambiguation' in props)
        outcomes.set(name, { status: 'disambiguation', title });
      else {
        const description = plainText(page.description, MAX_DESCRIPTION);
        const item = typeof props?.wikibase_item === 'string' && QID.test(props.wikibase_item);
        outcomes.set(name, {
          status: 'found',
          title: plainText(title, 300) ?? title,
          ...(description ? { description } : {}),
          ...(item ? { wikidataId: props?.wikibase_item as string } : {}),
          ...(redirect ? { redirectedFrom: normal } : {}),
        });
      }
    }
  }
  return outcomes;
}

/**
 * Looks up many names, 50 to a request, one request at a time. Names in a batch that failed are
 * left out of the map (ask again later); the whole call fails only when nothing was answered.
 */
export function lookUpTitles(
  http: LiveHttp,
  names: readonly string[],
  request: WikipediaRequest,
): Promise<LiveResult<Map<string, TitleOutcome>>> {
  return fetchBatches(http, slices(sendableTitles(names), TITLES_PER_REQUEST), {
    url: (batch) => titleLookupUrl(request.endpoints, request.lang, batch),
    parse: (json, batch) =>
      parseTitleLookup(
        json,
        names.filter((name) => batch.includes(name.trim())),
      ),
    expected: 'a query answer',
    signal: request.signal,
  });
}
