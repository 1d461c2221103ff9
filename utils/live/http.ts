import { isWikimediaHost } from './endpoints';
import { HostQueue, sleep, untilAborted } from './host-queue';
import { fail, type LiveResult, ok } from './result';

/**
 * The only way live sources reach the network. Every request waits its turn on its host (see
 * {@link HostQueue}), carries no cookies and no referrer, names Backstory to Wikimedia, gives up
 * after a timeout, and backs off on 429 and 5xx as the service asks. Failures come back as values
 * (`offline`, `rate-limited`, `unauthorised`, `failed`), never as exceptions.
 */

/** A finished HTTP exchange, as the source modules parse it. */
export interface HttpResponse {
  status: number;
  /** The `Content-Type` header, lower-cased ('' when absent). */
  contentType: string;
  text: string;
  /** The address that answered (after redirects). */
  url: string;
  /** The body's bytes, when asked for with `body: 'bytes'` (`text` is then ''). */
  bytes?: Uint8Array;
  /** The answer's `ETag` and `Last-Modified`, for a later conditional request. */
  etag?: string;
  lastModified?: string;
}

export interface RequestOptions {
  /** Cancels waiting and the request (e.g. the card closed). */
  signal?: AbortSignal;
  /** Adds the `Api-User-Agent` header even where the host is not a Wikimedia one (local fakes). */
  wikimedia?: boolean;
  /** Minimum time since the previous request to this host started (GDELT: 5 s). */
  spacingMs?: number;
  /** More request headers: `Accept`, or a conditional request's `If-None-Match`. */
  headers?: Record<string, string>;
  /** Read the body as bytes (pack files) instead of text. */
  body?: 'text' | 'bytes';
  /** This request's own bound on the body (bytes or characters) and timeout per attempt. */
  maxChars?: number;
  timeoutMs?: number;
  /** The browser cache's part: `no-store` where the caller makes its own conditional requests. */
  cache?: RequestCache;
}

/** The client the source modules take as a parameter; tests give them one over a fake `fetch`. */
export interface LiveHttp {
  get(url: string, options?: RequestOptions): Promise<LiveResult<HttpResponse>>;
}

export interface HttpClientOptions {
  /** Injected so tests can answer; in the extension, the background's global `fetch`. */
  fetch: typeof fetch;
  /** `Backstory/<version> (<contact>)`, see {@link apiUserAgent}. */
  userAgent: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Retries after a 429 or 5xx (so at most `maxRetries + 1` attempts). */
  maxRetries?: number;
  /** First backoff delay; doubles with each retry unless `Retry-After` asks for longer. */
  backoffMs?: number;
  /** Longest we wait for a host, in one go, before reporting `rate-limited` instead. */
  maxWaitMs?: number;
  /** Bodies longer than this are refused: a card never needs megabytes. */
  maxChars?: number;
  now?: () => number;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 10_000,
  maxRetries: 2,
  backoffMs: 1_000,
  maxWaitMs: 30_000,
  maxChars: 2_000_000,
} as const;

/** Statuses worth retrying: the service is overloaded or briefly down, not refusing us. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** The header Wikimedia asks tools to send, e.g. `Backstory/0.1.0 (https://example.org/backstory)`. */
export function apiUserAgent(version: string, contact: string): string {
  return `Backstory/${version} (${contact})`;
}

/**
 * Milliseconds a `Retry-After` header asks us to wait: delta-seconds or an HTTP date. Undefined
 * when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Why an attempt ended without an answer. */
type Attempt =
  | { answered: true; response: Response; text: string; bytes?: Uint8Array }
  | { answered: false; reason: 'timeout' | 'cancelled' | 'network' | 'too-large'; detail: string };

/** Creates the shared client. One per background: its queues are what keep us polite. */
export function createHttpClient(options: HttpClientOptions): LiveHttp {
  const settings = { ...HTTP_DEFAULTS, ...options };
  const now = settings.now ?? Date.now;
  const queue = new HostQueue(now);

  async function attempt(url: string, headers: Headers, request: RequestOptions): Promise<Attempt> {
    const { signal } = request;
    const maxChars = request.maxChars ?? settings.maxChars;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs ?? settings.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // Raced against the signal too: a connection that ignores the abort must not hang the queue.
      const response = await untilAborted(
        settings.fetch(url, {
          method: 'GET',
          headers,
          credentials: 'omit',
          referrer: '',
          referrerPolicy: 'no-referrer',
          redirect: 'follow',
          ...(request.cache ? { cache: request.cache } : {}),
          signal: controller.signal,
        }),
        controller.signal,
      );
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > maxChars) {
        controller.abort();
        return { answered: false, reason: 'too-large', detail: `${length} bytes` };
      }
      if (request.body === 'bytes') {
        const bytes = new Uint8Array(await untilAborted(response.arrayBuffer(), controller.signal));
        if (bytes.byteLength > maxChars)
          return { answered: false, reason: 'too-large', detail: `${bytes.byteLength} bytes` };
        return { answered: true, response, text: '', bytes };
      }
      const text = await untilAborted(response.text(), controller.signal);
      if (text.length > maxChars)
        return { answered: false, reason: 'too-large', detail: `${text.length} characters` };
      return { answered: true, response, text };
    } catch (error) {
      if (timedOut) return { answered: false, reason: 'timeout', detail: 'timed out' };
      if (signal?.aborted) return { answered: false, reason: 'cancelled', detail: 'cancelled' };
      return { answered: false, reason: 'network', detail: String(error) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function exchange(
    url: URL,
    headers: Headers,
    request: RequestOptions,
  ): Promise<LiveResult<HttpResponse>> {
    const { signal } = request;
    const spacingMs = request.spacingMs ?? 0;
    for (let tries = 0; ; tries++) {
      const blocked = queue.blockedFor(url.host);
      if (blocked > settings.maxWaitMs)
        return fail('rate-limited', `${url.host} asked us to wait ${Math.ceil(blocked / 1000)} s`);
      if (blocked > 0) await sleep(blocked, signal);

      const result = await attempt(url.href, headers, request);
      if (!result.answered) {
        if (result.reason === 'too-large')
          return fail('failed', `answer too large: ${result.detail}`);
        if (result.reason === 'cancelled') return fail('failed', 'cancelled');
        return fail('offline', result.detail);
      }
      const { response, text } = result;
      const status = response.status;
      if (!RETRYABLE.has(status)) {
        if (status === 401 || status === 403) return fail('unauthorised', 'key refused', status);
        if (status >= 400 && status !== 404) return fail('failed', `HTTP ${status}`, status);
        const etag = response.headers.get('etag');
        const lastModified = response.headers.get('last-modified');
        return ok({
          status,
          contentType: (response.headers.get('content-type') ?? '').toLowerCase(),
          text,
          url: response.url || url.href,
          ...(result.bytes ? { bytes: result.bytes } : {}),
          ...(etag ? { etag } : {}),
          ...(lastModified ? { lastModified } : {}),
        });
      }

      const asked = retryAfterMs(response.headers.get('retry-after'), now());
      // A service that names its own wait gets it for every request to that host, not just this one.
      if (asked !== undefined) queue.block(url.host, now() + asked);
      // A retry is still a request to a host that asked for spacing (GDELT: 5 s).
      const delay = Math.max(asked ?? 0, settings.backoffMs * 2 ** tries, spacingMs);
      const kind = status === 429 ? 'rate-limited' : 'failed';
      if (tries >= settings.maxRetries || delay > settings.maxWaitMs)
        return fail(kind, `HTTP ${status} after ${tries + 1} attempt(s)`, status);
      await sleep(delay, signal);
    }
  }

  return {
    async get(address, request = {}) {
      let url: URL;
      try {
        url = new URL(address);
      } catch {
        return fail('failed', 'not a valid address');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return fail('failed', 'only http(s) addresses are fetched');
      const headers = new Headers({ Accept: 'application/json', ...request.headers });
      if (request.wikimedia || isWikimediaHost(url.hostname))
        headers.set('Api-User-Agent', settings.userAgent);
      try {
        return await queue.run(url.host, () => exchange(url, headers, request), {
          spacingMs: request.spacingMs ?? 0,
          signal: request.signal,
        });
      } catch {
        // Only an abort while queued or backing off lands here.
        return fail('failed', 'cancelled');
      }
    },
  };
}

/**
 * The JSON in a response. Some services (GDELT) now and then send control characters inside
 * strings; those are blanked and the parse tried once more. Undefined when it is not JSON at all
 * (an HTML error page, say).
 */
export function parseJson(text: string): unknown {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/\p{Cc}/gu, ' '));
    } catch {
      return undefined;
    }
  }
}

/** A JSON object's fields, or undefined for anything else (null, arrays, strings…). */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A GET whose answer must be JSON: HTML or garbage becomes `failed` with the text's start as detail. */
export async function getJson(
  http: LiveHttp,
  url: string,
  options?: RequestOptions,
): Promise<LiveResult<{ status: number; json: unknown; url: string }>> {
  const result = await http.get(url, options);
  if (!result.ok) return result;
  const json = parseJson(result.value.text);
  if (json === undefined)
    return fail(
      'failed',
      `not JSON: ${result.value.text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 160)}`,
      result.value.status,
    );
  return ok({ status: result.value.status, json, url: result.value.url });
}
