import { safeWebUrl } from '../card/format';
import {
  addDays,
  type CoverageItem,
  dayOf,
  type EarlierOptions,
  earlierCoverage,
  quotedNames,
} from './coverage';
import type { LiveEndpoints } from './endpoints';
import { asObject, getJson, type LiveHttp } from './http';
import { fail, forward, type LiveResult, ok } from './result';
import { plainText } from './text';

/**
 * Earlier coverage from The Guardian Open Platform's content search, with a key the reader pastes
 * (a free developer key; the archive goes back to 1999). Sends the names, the dates and the key,
 * never the page's address.
 */

export const GUARDIAN_OUTLET = 'The Guardian';
/** Two years before the article by default: background, not the whole archive. */
export const GUARDIAN_DEFAULT_DAYS = 730;

export interface GuardianOptions {
  days?: number;
  /** At most 50 (the API's page size limit). */
  pageSize?: number;
  /** `newest` (default: what led up to the article) or `oldest` (how the story began). */
  orderBy?: 'newest' | 'oldest';
}

/**
 * The search address for `names` published before the article's day (`to-date` is inclusive, so
 * it is the day before). Null when there is no usable name or no key.
 */
export function guardianUrl(
  endpoints: LiveEndpoints,
  names: readonly string[],
  articleDate: string,
  apiKey: string,
  options: GuardianOptions = {},
): string | null {
  const key = apiKey.trim();
  const phrases = quotedNames(names, 2);
  if (!key || phrases.length === 0) return null;
  const toDate = addDays(dayOf(articleDate), -1);
  const params = new URLSearchParams({
    q: phrases.join(' OR '),
    'from-date': addDays(toDate, -(options.days ?? GUARDIAN_DEFAULT_DAYS)),
    'to-date': toDate,
    'order-by': options.orderBy ?? 'newest',
    'page-size': String(Math.min(50, Math.max(1, options.pageSize ?? 20))),
    'api-key': key,
  });
  return `${endpoints.guardian.replace(/\/$/, '')}/search?${params}`;
}

/** Reads a search answer (`response.results[]`). Null when it is not one, or reports an error. */
export function parseGuardian(json: unknown): CoverageItem[] | null {
  const response = asObject(asObject(json)?.response);
  if (!response) return null;
  const { status, results } = response;
  if (status !== 'ok' || !Array.isArray(results)) return null;
  const items: CoverageItem[] = [];
  for (const entry of results) {
    const result = asObject(entry);
    if (!result) continue;
    const url = safeWebUrl(typeof result.webUrl === 'string' ? result.webUrl : undefined);
    const title = plainText(result.webTitle, 300);
    const published =
      typeof result.webPublicationDate === 'string' ? result.webPublicationDate : '';
    const date = /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : undefined;
    if (url && title && date) items.push({ title, url, outlet: GUARDIAN_OUTLET, date });
  }
  return items;
}

export interface GuardianRequest extends GuardianOptions, EarlierOptions {
  endpoints: LiveEndpoints;
  apiKey: string;
  signal?: AbortSignal;
}

/** Earlier Guardian coverage of `names` before `articleDate`. Without a key, nothing is sent. */
export async function fetchGuardianCoverage(
  http: LiveHttp,
  names: readonly string[],
  articleDate: string,
  request: GuardianRequest,
): Promise<LiveResult<CoverageItem[]>> {
  if (!request.apiKey.trim()) return fail('unauthorised', 'no key');
  const url = guardianUrl(request.endpoints, names, articleDate, request.apiKey, request);
  if (!url) return ok([]);
  const result = await getJson(http, url, { signal: request.signal });
  if (!result.ok) return forward(result);
  const items = parseGuardian(result.value.json);
  if (!items) return fail('failed', 'not a search answer', result.value.status);
  return ok(earlierCoverage(items, articleDate, request));
}
