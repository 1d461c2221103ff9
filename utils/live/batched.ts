import { getJson, type LiveHttp } from './http';
import { fail, forward, type LiveResult, ok } from './result';

/**
 * The loop every batched source shares (Wikipedia's title look-ups, Wikidata's entities): one
 * request per batch, one at a time, each answer read by `parse`. A batch that fails after others
 * were answered ends the loop with what was answered (ask the rest again later); the call fails
 * only when the first batch does.
 */
export async function fetchBatches<B, T>(
  http: LiveHttp,
  batches: readonly B[],
  request: {
    /** The batch's address. */
    url(batch: B): string;
    /** The batch's answer, or null when it is not one (an API error, another shape). */
    parse(json: unknown, batch: B): Map<string, T> | null;
    /** For the error: what the answer should have been. */
    expected: string;
    signal?: AbortSignal | undefined;
  },
): Promise<LiveResult<Map<string, T>>> {
  const found = new Map<string, T>();
  let answered = false;
  for (const batch of batches) {
    const result = await getJson(http, request.url(batch), {
      signal: request.signal,
      wikimedia: true,
    });
    const parsed = result.ok ? request.parse(result.value.json, batch) : null;
    if (!parsed) {
      if (!answered)
        return result.ok
          ? fail('failed', `not ${request.expected}`, result.value.status)
          : forward(result);
      break;
    }
    answered = true;
    for (const [key, value] of parsed) found.set(key, value);
  }
  return ok(found);
}

/** `items` in slices of at most `size`. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}
