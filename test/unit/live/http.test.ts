import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostQueue } from '@/utils/live/host-queue';
import {
  apiUserAgent,
  createHttpClient,
  getJson,
  type HttpClientOptions,
  parseJson,
  retryAfterMs,
} from '@/utils/live/http';

const AGENT = apiUserAgent('0.1.0', 'https://example.org/backstory');

/** A fake `fetch` that records each call and answers from a script. */
function scripted(answer: (url: string, call: number) => Response | Promise<Response> | Error) {
  const calls: { url: string; init: RequestInit; at: number }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {}, at: Date.now() });
    const reply = await answer(url, calls.length);
    if (reply instanceof Error) throw reply;
    return reply;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });

function client(fetch: typeof globalThis.fetch, options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ fetch, userAgent: AGENT, ...options });
}

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, never negative', () => {
    const now = Date.parse('2024-12-08T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sun, 08 Dec 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 08 Dec 2024 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('request etiquette', () => {
  it('sends no cookies and no referrer, asks for JSON, and names Backstory to Wikimedia only', async () => {
    const { fetch, calls } = scripted(() => json({}));
    const http = client(fetch);
    await http.get('https://en.wikipedia.org/api/rest_v1/page/summary/Daraa');
    await http.get('https://api.gdeltproject.org/api/v2/doc/doc?query=x');
    await http.get('http://127.0.0.1:9/wikipedia/en/w/api.php', { wikimedia: true });
    const [wiki, gdelt, fake] = calls.map((call) => call.init);
    expect(wiki).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      referrer: '',
      referrerPolicy: 'no-referrer',
    });
    expect(new Headers(wiki?.headers).get('Api-User-Agent')).toBe(
      'Backstory/0.1.0 (https://example.org/backstory)',
    );
    expect(new Headers(wiki?.headers).get('Accept')).toBe('application/json');
    expect(new Headers(gdelt?.headers).has('Api-User-Agent')).toBe(false);
    expect(new Headers(fake?.headers).get('Api-User-Agent')).toBe(AGENT);
  });

  it('refuses addresses that are not http(s) without a request', async () => {
    const { fetch, calls } = scripted(() => json({}));
    const result = await client(fetch).get('file:///etc/passwd');
    expect(result).toMatchObject({ ok: false, error: { kind: 'failed' } });
    expect(calls).toHaveLength(0);
  });
});

describe('errors as values', () => {
  it('reports a network failure as offline, never throwing', async () => {
    const { fetch } = scripted(() => new TypeError('fetch failed'));
    expect(await client(fetch).get('https://example.org/a')).toMatchObject({
      ok: false,
      error: { kind: 'offline' },
    });
  });

  it('treats 404 as an answer, a refused key as unauthorised, other 4xx as failed', async () => {
    const { fetch } = scripted((url) =>
      url.endsWith('404')
        ? json({ type: 'not_found' }, { status: 404 })
        : url.endsWith('401')
          ? json({ message: 'Unauthorized' }, { status: 401 })
          : json({}, { status: 400 }),
    );
    const http = client(fetch);
    expect(await http.get('https://example.org/404')).toMatchObject({
      ok: true,
      value: { status: 404 },
    });
    expect(await http.get('https://example.org/401')).toMatchObject({
      ok: false,
      error: { kind: 'unauthorised', status: 401 },
    });
    expect(await http.get('https://example.org/400')).toMatchObject({
      ok: false,
      error: { kind: 'failed', status: 400 },
    });
  });

  it('reports HTML where JSON was promised as failed, with the text as detail', async () => {
    const { fetch } = scripted(
      () =>
        new Response('<html><body>The specified phrase is too short.</body></html>', {
          headers: { 'content-type': 'text/html' },
        }),
    );
    const result = await getJson(client(fetch), 'https://api.gdeltproject.org/api/v2/doc/doc');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'failed', detail: 'not JSON: The specified phrase is too short.' },
    });
  });

  it('refuses bodies larger than the bound', async () => {
    const { fetch } = scripted(() => new Response('x'.repeat(2000)));
    expect(await client(fetch, { maxChars: 1000 }).get('https://example.org/big')).toMatchObject({
      ok: false,
      error: { kind: 'failed' },
    });
  });

  it('reads bytes with its own headers, bound and cache mode, and reports the validators', async () => {
    const body = new Uint8Array([0, 1, 2, 250]);
    const { fetch, calls } = scripted((url) =>
      url.endsWith('/big.bin')
        ? new Response(new Uint8Array(64))
        : url.endsWith('/same')
          ? new Response(null, { status: 304 })
          : new Response(body, {
              headers: { etag: '"v1"', 'last-modified': 'Sun, 06 Dec 2026 10:00:00 GMT' },
            }),
    );
    const http = client(fetch);
    const got = await http.get('https://packs.example.org/a.bin', {
      body: 'bytes',
      headers: { Accept: 'application/octet-stream' },
      cache: 'no-store',
    });
    expect(got).toMatchObject({
      ok: true,
      value: {
        status: 200,
        text: '',
        bytes: body,
        etag: '"v1"',
        lastModified: 'Sun, 06 Dec 2026 10:00:00 GMT',
      },
    });
    expect(new Headers(calls[0]?.init.headers).get('accept')).toBe('application/octet-stream');
    expect(calls[0]?.init).toMatchObject({ cache: 'no-store', credentials: 'omit' });
    const same = await http.get('https://packs.example.org/same', {
      headers: { 'If-None-Match': '"v1"' },
    });
    expect(same).toMatchObject({ ok: true, value: { status: 304 } });
    expect(new Headers(calls[1]?.init.headers).get('if-none-match')).toBe('"v1"');
    expect(
      await http.get('https://packs.example.org/big.bin', { body: 'bytes', maxChars: 32 }),
    ).toMatchObject({ ok: false, error: { kind: 'failed', detail: 'answer too large: 64 bytes' } });
  });

  it('parses JSON with stray control characters, and nothing that is not JSON', () => {
    expect(parseJson('{"title":"a\u0001b"}')).toEqual({ title: 'a b' });
    expect(parseJson('<html>')).toBeUndefined();
    expect(parseJson('{"broken":')).toBeUndefined();
  });
});

describe('timing (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2024-12-08T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives up after the timeout and reports offline', async () => {
    const { fetch } = scripted(
      (_url) =>
        new Promise<Response>(() => {
          /* never answers */
        }),
    );
    // The fake fetch ignores the signal, as a hung connection would; the timeout must still end it.
    const pending = client(fetch, { timeoutMs: 5000 }).get('https://example.org/slow');
    await vi.advanceTimersByTimeAsync(5000);
    await expect(pending).resolves.toMatchObject({
      ok: false,
      error: { kind: 'offline', detail: 'timed out' },
    });
  });

  it('sends one request at a time per host, but hosts in parallel', async () => {
    const open = new Map<string, number>();
    let most = 0;
    const { fetch, calls } = scripted(async (url) => {
      const host = new URL(url).host;
      open.set(host, (open.get(host) ?? 0) + 1);
      most = Math.max(most, open.get(host) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      open.set(host, (open.get(host) ?? 0) - 1);
      return json({ url });
    });
    const http = client(fetch);
    const all = Promise.all([
      http.get('https://en.wikipedia.org/1'),
      http.get('https://en.wikipedia.org/2'),
      http.get('https://en.wikipedia.org/3'),
      http.get('https://www.wikidata.org/1'),
    ]);
    await vi.advanceTimersByTimeAsync(100);
    // After 100 ms: the first Wikipedia request and the Wikidata one, in parallel.
    expect(calls.map((call) => call.url)).toEqual([
      'https://en.wikipedia.org/1',
      'https://www.wikidata.org/1',
      'https://en.wikipedia.org/2',
    ]);
    await vi.advanceTimersByTimeAsync(300);
    const results = await all;
    expect(results.every((result) => result.ok)).toBe(true);
    expect(most).toBe(1);
    expect(calls.map((call) => call.url)).toContain('https://en.wikipedia.org/3');
  });

  it('keeps a minimum spacing between requests to one host when asked (GDELT)', async () => {
    const { fetch, calls } = scripted(() => json({}));
    const http = client(fetch);
    const all = Promise.all([
      http.get('https://api.gdeltproject.org/a', { spacingMs: 5000 }),
      http.get('https://api.gdeltproject.org/b', { spacingMs: 5000 }),
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    const [first, second] = calls;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBe(5000);
  });

  it('backs off on 429 as long as Retry-After asks, then succeeds', async () => {
    const { fetch, calls } = scripted((_url, call) =>
      call === 1
        ? json({}, { status: 429, headers: { 'retry-after': '7' } })
        : json({ fine: true }),
    );
    const pending = client(fetch).get('https://en.wikipedia.org/x');
    await vi.advanceTimersByTimeAsync(6999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ ok: true, value: { status: 200 } });
    expect(calls).toHaveLength(2);
  });

  it('holds later requests to the same host through a Retry-After', async () => {
    const { fetch, calls } = scripted((url) =>
      url.endsWith('/first') && calls.length === 1
        ? json({}, { status: 429, headers: { 'retry-after': '10' } })
        : json({}),
    );
    const http = client(fetch);
    const first = http.get('https://en.wikipedia.org/first');
    const second = http.get('https://en.wikipedia.org/second');
    await vi.advanceTimersByTimeAsync(9000);
    expect(calls.map((call) => call.url)).toEqual(['https://en.wikipedia.org/first']);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all([first, second]);
    expect(calls.map((call) => call.url)).toEqual([
      'https://en.wikipedia.org/first',
      'https://en.wikipedia.org/first',
      'https://en.wikipedia.org/second',
    ]);
  });

  it('keeps a host’s spacing between retries too', async () => {
    const { fetch, calls } = scripted((_url, call) =>
      call === 1 ? json({}, { status: 429 }) : json({}),
    );
    const pending = client(fetch, { backoffMs: 1000 }).get('https://api.gdeltproject.org/a', {
      spacingMs: 5000,
    });
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('retries 5xx with doubling backoff, a bounded number of times', async () => {
    const { fetch, calls } = scripted(() => json({}, { status: 503 }));
    const pending = client(fetch, { maxRetries: 2, backoffMs: 1000 }).get('https://example.org/x');
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(3);
    await expect(pending).resolves.toMatchObject({
      ok: false,
      error: { kind: 'failed', status: 503 },
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
  });

  it('reports rate-limited at once when the wait asked for is too long, and for later requests', async () => {
    const { fetch, calls } = scripted(() =>
      json({}, { status: 429, headers: { 'retry-after': '3600' } }),
    );
    const http = client(fetch, { maxWaitMs: 30_000 });
    await expect(http.get('https://api.gdeltproject.org/a')).resolves.toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', status: 429 },
    });
    await expect(http.get('https://api.gdeltproject.org/b')).resolves.toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    expect(calls).toHaveLength(1);
    // Other hosts are not held up.
    await http.get('https://en.wikipedia.org/c');
    expect(calls).toHaveLength(2);
  });

  it('leaves the queue when the caller aborts, without holding up the rest', async () => {
    const { fetch, calls } = scripted(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return json({});
    });
    const http = client(fetch);
    const controller = new AbortController();
    const first = http.get('https://example.org/1');
    const second = http.get('https://example.org/2', { signal: controller.signal });
    const third = http.get('https://example.org/3');
    controller.abort();
    await vi.advanceTimersByTimeAsync(2000);
    expect(await second).toMatchObject({ ok: false, error: { detail: 'cancelled' } });
    expect((await first).ok && (await third).ok).toBe(true);
    expect(calls.map((call) => call.url)).toEqual([
      'https://example.org/1',
      'https://example.org/3',
    ]);
  });
});

describe('host queue', () => {
  it('forgets a block once it has passed', () => {
    let now = 1000;
    const queue = new HostQueue(() => now);
    queue.block('a.example', 6000);
    expect(queue.blockedFor('a.example')).toBe(5000);
    now = 7000;
    expect(queue.blockedFor('a.example')).toBe(0);
    expect(queue.blockedFor('b.example')).toBe(0);
  });
});
