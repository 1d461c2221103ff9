import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveEndpoints } from '../../utils/live/endpoints';
import type { LiveSourceId } from '../../utils/live/sources';
import { type FakeRoute, type FakeSource, html, json, type Reply } from './fake-source';
import { fakeSources } from './sources';
import type { Wiki } from './sources/wikipedia';

export { FAKE_GUARDIAN_KEY } from './sources/guardian';

/**
 * One small local server that answers as every registered live source does (Wikipedia's REST
 * summary and action API, Wikidata's `wbgetentities`, GDELT DOC 2.0, The Guardian's content
 * search), in their documented formats, each through its fake in `./sources/` from the fixtures
 * in `./fixtures` (written by us; every article and address in them is invented, about real
 * places, people and events). Tests point the live modules at it through
 * `endpoints`, read what was asked in `requests` (so a test can assert that nothing was sent at
 * all), and switch it into answering 429 with `Retry-After`, 500, or slowly.
 *
 * ```ts
 * const fake = await startLiveFake();
 * await fetchSummary(http, 'Daraa', { endpoints: fake.endpoints, lang: 'en' });
 * expect(fake.requests).toHaveLength(1);
 * fake.setMode({ kind: 'rate-limit', retryAfterSeconds: 2, times: 1, service: 'gdelt' });
 * await fake.close();
 * ```
 */

export type FakeService = ReturnType<typeof fakeSources>[LiveSourceId]['services'][number];

/** One request the fake received. */
export interface FakeRequest {
  service: FakeService | 'other';
  method: string;
  /** Path without the query. */
  path: string;
  /** Query parameters (the last value of each). */
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** Milliseconds since the epoch. */
  at: number;
}

/** How the fake answers from now on. */
export type FakeMode = (
  | { kind: 'normal' }
  /** 429 with `Retry-After` (seconds). */
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  /** A 5xx error page (500 unless told). */
  | { kind: 'error'; status?: number }
  /** Normal answers after a delay. */
  | { kind: 'slow'; delayMs: number }
) & {
  /** Only for this service (default: all). */
  service?: FakeService;
  /** Only the next `times` requests, then normal again (default: until changed). */
  times?: number;
};

export interface LiveFake {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every live endpoint pointed at this fake. */
  endpoints: LiveEndpoints;
  /** Every request received, oldest first (also served as JSON at `/__requests`). */
  requests: FakeRequest[];
  /** Changes how the fake answers; `{ kind: 'normal' }` undoes it. */
  setMode(mode: FakeMode): void;
  /** Forgets the request log and goes back to normal answers. */
  reset(): void;
  close(): Promise<void>;
}

/** What `/media/…` (the fixtures' thumbnails) answers: a 1×1 PNG, so a card's picture really loads. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** How a service that has no 429 page of its own says "slow down". */
const tooMany = (seconds: number): Reply => ({
  ...json({ error: { code: 'ratelimited', info: 'Too many requests.' } }, 429),
  headers: { 'retry-after': String(seconds) },
});

/** Starts the fake on 127.0.0.1 (a free port unless told). */
export async function startLiveFake(
  options: {
    port?: number;
    /** The wikis the fake Wikipedia answers from (the fixtures unless given). */
    wikis?: Record<string, Wiki>;
  } = {},
): Promise<LiveFake> {
  const sources = Object.values(fakeSources(options.wikis)) as FakeSource<FakeService>[];
  const route = (
    path: string,
  ): { source?: FakeSource<FakeService>; route?: FakeRoute<FakeService> } => {
    for (const source of sources) {
      const found = source.route(path);
      if (found) return { source, route: found };
    }
    return {};
  };
  const requests: FakeRequest[] = [];
  let mode: FakeMode = { kind: 'normal' };
  let origin = '';

  function modeFor(service: FakeService | 'other'): FakeMode {
    if (mode.kind === 'normal' || service === 'other') return { kind: 'normal' };
    if (mode.service && mode.service !== service) return { kind: 'normal' };
    const current = mode;
    if (current.times !== undefined) {
      current.times -= 1;
      if (current.times <= 0) mode = { kind: 'normal' };
    }
    return current;
  }

  function answer(request: IncomingMessage): Reply | 'log' {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/__requests') return 'log';
    const { source, route: found } = route(url.pathname);
    const service = found?.service ?? 'other';
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      service,
      method: request.method ?? 'GET',
      path: url.pathname,
      query,
      headers: { ...request.headers } as Record<string, string | undefined>,
      at: Date.now(),
    });
    if (url.pathname.startsWith('/media/')) return { status: 200, body: PIXEL, type: 'image/png' };
    if (!source || !found) return html('Not found', 404);
    const current = modeFor(service);
    if (current.kind === 'rate-limit')
      return (source.tooMany ?? tooMany)(current.retryAfterSeconds ?? 1);
    if (current.kind === 'error') return html('Internal error', current.status ?? 500);
    return source.answer(found, query, origin);
  }

  function delayFor(request: IncomingMessage): number {
    if (mode.kind !== 'slow') return 0;
    const service = route(new URL(request.url ?? '/', origin).pathname).route?.service;
    return mode.service && mode.service !== service ? 0 : mode.delayMs;
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'Api-User-Agent, Accept',
      'access-control-allow-methods': 'GET, OPTIONS',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    const delay = delayFor(request);
    const reply = answer(request);
    const send = () => {
      if (response.destroyed) return;
      if (reply === 'log') {
        response
          .writeHead(200, { ...cors, 'content-type': 'application/json' })
          .end(JSON.stringify(requests));
        return;
      }
      response
        .writeHead(reply.status, { ...cors, 'content-type': reply.type, ...(reply.headers ?? {}) })
        .end(reply.body);
    };
    if (delay > 0) setTimeout(send, delay);
    else send();
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    endpoints: Object.assign({}, ...sources.map((source) => source.endpoints(origin))),
    requests,
    setMode(next) {
      mode = { ...next };
    },
    reset() {
      requests.length = 0;
      mode = { kind: 'normal' };
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
