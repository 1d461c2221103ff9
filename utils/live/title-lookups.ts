import type { AnswerCache } from './cache';
import { asObject, type LiveHttp } from './http';
import { type LiveResult, ok } from './result';
import { lookUpTitles, type TitleOutcome, type WikipediaRequest } from './wikipedia';

/**
 * Title look-ups kept for a day, one entry per name and wiki even though names are asked 50 to a
 * request: a card's name, the page's other popular titles and live discovery all share them, so
 * a name is asked at most once a day whoever needs it. Misses are kept too; errors are not.
 */

/** Where one name's outcome is kept. */
export function titleKey(lang: string, name: string): string {
  return `wikipedia:titles:${lang}:${name}`;
}

const isTitleOutcome = (value: unknown): value is TitleOutcome =>
  typeof asObject(value)?.status === 'string';

/** What the day's cache already knows of `names`, and the names it does not. */
export async function cachedTitles(
  cache: AnswerCache,
  lang: string,
  names: readonly string[],
): Promise<{ known: Map<string, TitleOutcome>; unknown: string[] }> {
  const known = new Map<string, TitleOutcome>();
  const unknown: string[] = [];
  for (const name of new Set(names)) {
    const outcome = await cache.get(titleKey(lang, name), isTitleOutcome);
    if (outcome) known.set(name, outcome);
    else unknown.push(name);
  }
  return { known, unknown };
}

/** Ask Wikipedia about `names` (50 a request) and keep each answer for a day. */
export async function lookUpAndKeep(
  http: LiveHttp,
  cache: AnswerCache,
  names: readonly string[],
  request: WikipediaRequest,
): Promise<LiveResult<Map<string, TitleOutcome>>> {
  const result = await lookUpTitles(http, names, request);
  if (!result.ok) return result;
  for (const [asked, outcome] of result.value)
    await cache.set(titleKey(request.lang, asked), outcome);
  return result;
}

/** Every name's outcome: from the cache where known, the rest asked together. */
export async function lookUpCached(
  http: LiveHttp,
  cache: AnswerCache,
  names: readonly string[],
  request: WikipediaRequest,
): Promise<LiveResult<Map<string, TitleOutcome>>> {
  const { known, unknown } = await cachedTitles(cache, request.lang, names);
  if (unknown.length === 0) return ok(known);
  const asked = await lookUpAndKeep(http, cache, unknown, request);
  if (!asked.ok) return asked;
  for (const [name, outcome] of asked.value) known.set(name, outcome);
  return ok(known);
}
