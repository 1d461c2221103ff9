import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveEndpoints } from '../../utils/live/endpoints';

/**
 * One small local server that answers as Wikipedia (REST summary and action API), Wikidata
 * (`wbgetentities`), GDELT DOC 2.0 and The Guardian's content search do, in their documented
 * formats, from the fixtures in `./fixtures` (written by us; every article and address in them is
 * invented, about real places, people and events). Tests point the live modules at it through
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

export type FakeService = 'wikipedia-rest' | 'wikipedia-api' | 'wikidata' | 'gdelt' | 'guardian';

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

/** The Guardian key the fake accepts; any other is refused with 401. */
export const FAKE_GUARDIAN_KEY = 'test-key';

const fixtures = new URL('./fixtures/', import.meta.url);
function fixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as T;
}

type Json = Record<string, unknown>;
interface Redirect {
  to: string;
  fragment?: string;
}

const data = {
  summaries: {
    en: fixture<Record<string, Json>>('wikipedia/en/summaries.json'),
    ar: fixture<Record<string, Json>>('wikipedia/ar/summaries.json'),
  } as Record<string, Record<string, Json>>,
  redirects: {
    en: fixture<Record<string, Redirect>>('wikipedia/en/redirects.json'),
    ar: fixture<Record<string, Redirect>>('wikipedia/ar/redirects.json'),
  } as Record<string, Record<string, Redirect>>,
  entities: fixture<{ entities: Record<string, Json> }>('wikidata/entities.json').entities,
  gdelt: fixture<Record<string, Json[]>>('gdelt/artlist.json'),
  guardian: fixture<Record<string, Json[]>>('guardian/search.json'),
};

/** MediaWiki's title normalisation, as far as the fixtures need it: underscores, first letter. */
function normaliseTitle(title: string): string {
  const spaced = title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Fills `{origin}` in fixture strings (thumbnails point back at the fake). */
function withOrigin(value: unknown, origin: string): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll('{origin}', origin));
}

interface Reply {
  status: number;
  body: string | Buffer;
  type: string;
  headers?: Record<string, string>;
}

const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(body),
  type: 'application/json; charset=utf-8',
  ...(headers ? { headers } : {}),
});
const html = (text: string, status = 200): Reply => ({
  status,
  body: `<!DOCTYPE html><html><body>${text}</body></html>`,
  type: 'text/html; charset=utf-8',
});

function restSummary(lang: string, rawTitle: string, origin: string): Reply {
  const title = normaliseTitle(rawTitle);
  const redirect = data.redirects[lang]?.[title];
  if (redirect) {
    // As the REST API does: a redirect title answers 302 to the target's summary.
    return {
      status: 302,
      body: '',
      type: 'text/plain',
      headers: { location: encodeURIComponent(redirect.to.replace(/ /g, '_')) },
    };
  }
  const page = data.summaries[lang]?.[title];
  if (!page)
    return json(
      {
        type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found',
        title: 'Not found.',
        method: 'get',
        detail: 'Page or revision not found.',
        uri: `/${lang}.wikipedia.org/v1/page/summary/${encodeURIComponent(rawTitle)}`,
      },
      404,
    );
  return json(withOrigin(page, origin));
}

function actionQuery(lang: string, query: Record<string, string>): Reply {
  if (query.action !== 'query' || query.format !== 'json' || query.formatversion !== '2')
    return json({
      error: { code: 'badvalue', info: 'The fake answers formatversion=2 JSON queries only.' },
    });
  const asked = (query.titles ?? '').split('|');
  const warnings: Json = {};
  // As MediaWiki does: more than 50 titles is answered for the first 50, with a warning.
  if (asked.length > 50)
    warnings.query = {
      warnings: 'Too many values supplied for parameter "titles". The limit is 50.',
    };
  const normalized: Json[] = [];
  const redirects: Json[] = [];
  const pages: Json[] = [];
  const seen = new Set<string>();
  for (const raw of asked.slice(0, 50)) {
    if (!raw.trim()) {
      pages.push({
        title: raw,
        invalidreason: 'The requested page title is empty.',
        invalid: true,
      });
      continue;
    }
    const normal = normaliseTitle(raw);
    if (normal !== raw) normalized.push({ fromencoded: false, from: raw, to: normal });
    const redirect = data.redirects[lang]?.[normal];
    const title = redirect?.to ?? normal;
    if (redirect)
      redirects.push({
        from: normal,
        to: redirect.to,
        ...(redirect.fragment ? { tofragment: redirect.fragment } : {}),
      });
    if (seen.has(title)) continue;
    seen.add(title);
    const page = data.summaries[lang]?.[title];
    if (!page) {
      pages.push({ ns: 0, title, missing: true });
      continue;
    }
    const disambiguation = page.type === 'disambiguation';
    const item = typeof page.wikibase_item === 'string' ? page.wikibase_item : undefined;
    pages.push({
      pageid: page.pageid,
      ns: 0,
      title,
      ...(disambiguation || item
        ? {
            pageprops: {
              ...(disambiguation ? { disambiguation: '' } : {}),
              ...(item ? { wikibase_item: item } : {}),
            },
          }
        : {}),
      ...(typeof page.description === 'string'
        ? { description: page.description, descriptionsource: 'central' }
        : {}),
    });
  }
  return json({
    batchcomplete: true,
    ...(Object.keys(warnings).length ? { warnings } : {}),
    query: {
      ...(normalized.length ? { normalized } : {}),
      ...(redirects.length ? { redirects } : {}),
      pages,
    },
  });
}

function wbgetentities(query: Record<string, string>): Reply {
  if (query.action !== 'wbgetentities')
    return json({ error: { code: 'badvalue', info: 'The fake answers wbgetentities only.' } });
  const ids = (query.ids ?? '').split('|').filter(Boolean);
  if (ids.length > 50)
    return json({
      error: {
        code: 'toomanyvalues',
        info: 'Too many values supplied for parameter "ids". The limit is 50.',
        parameter: 'ids',
        limit: 50,
      },
    });
  const bad = ids.find((id) => !/^[QPL][1-9]\d*$/.test(id));
  if (bad)
    return json({
      error: {
        code: 'no-such-entity',
        info: `Could not find an entity with the ID "${bad}".`,
        id: bad,
      },
    });
  const props = new Set(
    (query.props ?? 'info|sitelinks|aliases|labels|descriptions|claims|datatype').split('|'),
  );
  const languages = query.languages ? new Set(query.languages.split('|')) : null;
  const sites = query.sitefilter ? new Set(query.sitefilter.split('|')) : null;
  const pick = (terms: unknown) =>
    Object.fromEntries(
      Object.entries((terms ?? {}) as Json).filter(([lang]) => !languages || languages.has(lang)),
    );
  const entities: Json = {};
  for (const id of ids) {
    const entity = data.entities[id];
    if (!entity) {
      entities[id] = { id, missing: '' };
      continue;
    }
    entities[id] = {
      type: entity.type,
      id,
      ...(props.has('info')
        ? {
            pageid: entity.pageid,
            ns: 0,
            title: id,
            lastrevid: entity.lastrevid,
            modified: entity.modified,
          }
        : {}),
      ...(props.has('labels') ? { labels: pick(entity.labels) } : {}),
      ...(props.has('descriptions') ? { descriptions: pick(entity.descriptions) } : {}),
      ...(props.has('aliases') ? { aliases: pick(entity.aliases) } : {}),
      ...(props.has('claims') ? { claims: entity.claims } : {}),
      ...(props.has('sitelinks')
        ? {
            sitelinks: Object.fromEntries(
              Object.entries((entity.sitelinks ?? {}) as Json).filter(
                ([site]) => !sites || sites.has(site),
              ),
            ),
          }
        : {}),
    };
  }
  return json({ entities, success: 1 });
}

/** Quoted phrases of a query, lower-cased: `("Daraa" OR "Deraa") sourcelang:english` → daraa, deraa. */
function phrases(query: string): string[] {
  return [...query.matchAll(/"([^"]*)"/g)].map((match) => (match[1] ?? '').toLowerCase());
}

/** GDELT's `YYYYMMDDhhmmss` and `YYYYMMDDThhmmssZ` as comparable digits. */
const digits = (value: string) => value.replace(/\D/g, '').padEnd(14, '0');

function gdelt(query: Record<string, string>): Reply {
  if ((query.mode ?? '').toLowerCase() !== 'artlist' || query.format !== 'json')
    return html('The fake answers mode=ArtList&amp;format=json only.');
  const wanted = phrases(query.query ?? '');
  if (wanted.length === 0 || wanted.some((phrase) => phrase.length < 3))
    return html('The specified phrase is too short.');
  const start = digits(query.startdatetime ?? '0');
  const end = query.enddatetime ? digits(query.enddatetime) : '99999999999999';
  const max = Math.min(250, Number(query.maxrecords ?? 75) || 75);
  const seen = new Set<string>();
  const articles = wanted
    .flatMap((phrase) => data.gdelt[phrase] ?? [])
    .filter((article) => {
      const at = digits(String(article.seendate));
      if (at < start || at > end || seen.has(String(article.url))) return false;
      seen.add(String(article.url));
      return true;
    })
    .sort((a, b) => String(b.seendate).localeCompare(String(a.seendate)))
    .slice(0, max);
  // As GDELT does: no matches is an empty object, not an empty list.
  return json(articles.length ? { articles } : {});
}

function guardian(path: string, query: Record<string, string>): Reply {
  if (query['api-key'] !== FAKE_GUARDIAN_KEY) return json({ message: 'Unauthorized' }, 401);
  if (path !== '/search')
    return json({ response: { status: 'error', message: 'The fake answers /search only.' } }, 404);
  const from = query['from-date'] ?? '0000-00-00';
  const to = query['to-date'] ?? '9999-99-99';
  const size = Math.min(50, Number(query['page-size'] ?? 10) || 10);
  const order = query['order-by'] === 'oldest' ? 1 : -1;
  const seen = new Set<string>();
  const matching = phrases(query.q ?? '')
    .flatMap((phrase) => data.guardian[phrase] ?? [])
    .filter((result) => {
      const day = String(result.webPublicationDate).slice(0, 10);
      if (day < from || day > to || seen.has(String(result.id))) return false;
      seen.add(String(result.id));
      return true;
    })
    .sort(
      (a, b) => order * String(a.webPublicationDate).localeCompare(String(b.webPublicationDate)),
    );
  return json({
    response: {
      status: 'ok',
      userTier: 'developer',
      total: matching.length,
      startIndex: 1,
      pageSize: size,
      currentPage: 1,
      pages: Math.max(1, Math.ceil(matching.length / size)),
      orderBy: order === 1 ? 'oldest' : 'newest',
      results: matching.slice(0, size),
    },
  });
}

/** Which service a path belongs to, and the rest of the path. */
function route(path: string): { service: FakeService | 'other'; lang?: string; rest: string } {
  let match = /^\/wikipedia\/([a-z]{2,3})\/api\/rest_v1\/page\/summary\/(.+)$/.exec(path);
  if (match) return { service: 'wikipedia-rest', lang: match[1], rest: match[2] ?? '' };
  match = /^\/wikipedia\/([a-z]{2,3})\/w\/api\.php$/.exec(path);
  if (match) return { service: 'wikipedia-api', lang: match[1], rest: '' };
  if (path === '/wikidata/w/api.php') return { service: 'wikidata', rest: '' };
  if (path === '/gdelt/api/v2/doc/doc') return { service: 'gdelt', rest: '' };
  if (path.startsWith('/guardian/'))
    return { service: 'guardian', rest: path.slice('/guardian'.length) };
  return { service: 'other', rest: path };
}

/** Starts the fake on 127.0.0.1 (a free port unless told). */
export async function startLiveFake(options: { port?: number } = {}): Promise<LiveFake> {
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
    const { service, lang, rest } = route(url.pathname);
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
    if (service === 'other') return html('Not found', 404);
    const current = modeFor(service);
    if (current.kind === 'rate-limit')
      return service === 'gdelt'
        ? {
            ...html('Please limit requests to one every 5 seconds.', 429),
            headers: { 'retry-after': String(current.retryAfterSeconds ?? 1) },
          }
        : {
            ...json({ error: { code: 'ratelimited', info: 'Too many requests.' } }, 429),
            headers: { 'retry-after': String(current.retryAfterSeconds ?? 1) },
          };
    if (current.kind === 'error') return html('Internal error', current.status ?? 500);
    if (service === 'wikipedia-rest')
      return restSummary(lang ?? 'en', decodeURIComponent(rest), origin);
    if (service === 'wikipedia-api') return actionQuery(lang ?? 'en', query);
    if (service === 'wikidata') return wbgetentities(query);
    if (service === 'gdelt') return gdelt(query);
    return guardian(rest, query);
  }

  function delayFor(request: IncomingMessage): number {
    if (mode.kind !== 'slow') return 0;
    const service = route(new URL(request.url ?? '/', origin).pathname).service;
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
    endpoints: {
      wikipediaRest: `${origin}/wikipedia/{lang}/api/rest_v1`,
      wikipediaApi: `${origin}/wikipedia/{lang}/w/api.php`,
      wikidataApi: `${origin}/wikidata/w/api.php`,
      gdelt: `${origin}/gdelt/api/v2/doc/doc`,
      guardian: `${origin}/guardian`,
    },
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
