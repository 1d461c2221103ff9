import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LiveCache } from '@/utils/live/cache';
import { fetchGdeltCoverage } from '@/utils/live/gdelt';
import { fetchGuardianCoverage } from '@/utils/live/guardian';
import { apiUserAgent, createHttpClient, type HttpClientOptions } from '@/utils/live/http';
import { fetchWikidataCards } from '@/utils/live/wikidata';
import { fetchSummary, lookUpTitles } from '@/utils/live/wikipedia';
import { FAKE_GUARDIAN_KEY, type LiveFake, startLiveFake } from '../../fakes/live-server';

/** The live modules against the local fake, over real HTTP on 127.0.0.1. */

let fake: LiveFake;
const AGENT = apiUserAgent('0.1.0', 'https://example.org/backstory');
const NOW = Date.parse('2025-06-01T12:00:00Z');

beforeAll(async () => {
  fake = await startLiveFake();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
});

const http = (options: Partial<HttpClientOptions> = {}) =>
  createHttpClient({ fetch, userAgent: AGENT, backoffMs: 20, ...options });
const wiki = (lang = 'en') => ({ endpoints: fake.endpoints, lang });

describe('Wikipedia against the fake', () => {
  it('reads a summary, following a redirect, and names Backstory in Api-User-Agent', async () => {
    const result = await fetchSummary(http(), 'Deraa', wiki());
    expect(result).toMatchObject({
      ok: true,
      value: { found: true, summary: { title: 'Daraa', wikidataId: 'Q238217' } },
    });
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/wikipedia/en/api/rest_v1/page/summary/Deraa',
      '/wikipedia/en/api/rest_v1/page/summary/Daraa',
    ]);
    const [first] = fake.requests;
    expect(first?.headers['api-user-agent']).toBe(AGENT);
    expect(first?.headers.cookie).toBeUndefined();
    expect(first?.headers.referer).toBeUndefined();
  });

  it('gives no card for a missing page or a disambiguation page', async () => {
    expect(await fetchSummary(http(), 'Zzyzx Governorate', wiki())).toEqual({
      ok: true,
      value: { found: false, reason: 'missing' },
    });
    expect(await fetchSummary(http(), 'Jordan (disambiguation)', wiki())).toEqual({
      ok: true,
      value: { found: false, reason: 'disambiguation' },
    });
  });

  it('reads Arabic summaries from the Arabic Wikipedia', async () => {
    const result = await fetchSummary(http(), 'درعا', wiki('ar'));
    expect(result).toMatchObject({ ok: true, value: { summary: { lang: 'ar', title: 'درعا' } } });
    expect(fake.requests[0]?.path.startsWith('/wikipedia/ar/')).toBe(true);
  });

  it('looks up 120 names in three requests of at most 50, one at a time', async () => {
    const filler = Array.from({ length: 116 }, (_, index) => `Unknown place ${index}`);
    const names = ['deraa', 'Bashar Assad', 'Jordan (disambiguation)', 'Daraa al-Balad', ...filler];
    const result = await lookUpTitles(http(), names, wiki());
    expect(result.ok).toBe(true);
    const outcomes = result.ok ? result.value : new Map();
    expect(outcomes.get('deraa')).toMatchObject({
      status: 'found',
      title: 'Daraa',
      wikidataId: 'Q238217',
    });
    expect(outcomes.get('Bashar Assad')).toMatchObject({
      status: 'found',
      title: 'Bashar al-Assad',
    });
    expect(outcomes.get('Jordan (disambiguation)')).toMatchObject({ status: 'disambiguation' });
    expect(outcomes.get('Daraa al-Balad')).toMatchObject({ status: 'section' });
    expect(outcomes.get('Unknown place 115')).toEqual({ status: 'missing' });
    expect(outcomes.size).toBe(120);
    const sizes = fake.requests.map((request) => request.query.titles?.split('|').length);
    expect(sizes).toEqual([50, 50, 20]);
    const starts = fake.requests.map((request) => request.at);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('Wikidata against the fake', () => {
  it('fetches entities, then the labels of their values, and gives dated facts', async () => {
    const result = await fetchWikidataCards(http(), ['Q858', 'Q44329', 'Q999999'], {
      endpoints: fake.endpoints,
    });
    expect(result.ok).toBe(true);
    const cards = result.ok ? result.value : new Map();
    expect([...cards.keys()]).toEqual(['Q858', 'Q44329']);
    expect(cards.get('Q44329')?.facts[0]).toMatchObject({
      label: 'Office',
      value: 'President of Syria',
      from: '2000-07-17',
      to: '2024-12-08',
    });
    expect(fake.requests.map((request) => request.query.props)).toEqual([
      'labels|descriptions|claims|sitelinks',
      'labels',
    ]);
    expect(fake.requests.every((request) => request.headers['api-user-agent'] === AGENT)).toBe(
      true,
    );
  });
});

describe('earlier coverage against the fake', () => {
  it('lists GDELT coverage from before the article only, saying how far it can be trusted', async () => {
    const result = await fetchGdeltCoverage(http(), ['Daraa'], '2021-09-01', {
      endpoints: fake.endpoints,
      now: NOW,
      spacingMs: 0,
    });
    expect(result).toMatchObject({ ok: true, value: { reach: 'best-effort' } });
    const items = result.ok ? result.value.items : [];
    expect(items.map((item) => item.date)).toEqual([
      '2021-08-31',
      '2021-08-01',
      '2021-07-29',
      '2021-06-25',
    ]);
    expect(fake.requests[0]?.query).toMatchObject({
      mode: 'ArtList',
      format: 'json',
      enddatetime: '20210901000000',
    });
    // GDELT is not Wikimedia: no Api-User-Agent there.
    expect(fake.requests[0]?.headers['api-user-agent']).toBeUndefined();
  });

  it('reads GDELT’s empty {} as no coverage, and sends nothing for dates before its index', async () => {
    const empty = await fetchGdeltCoverage(http(), ['Quneitra'], '2021-09-01', {
      endpoints: fake.endpoints,
      now: NOW,
      spacingMs: 0,
    });
    expect(empty).toMatchObject({ ok: true, value: { items: [] } });
    fake.reset();
    const before = await fetchGdeltCoverage(http(), ['Daraa'], '2011-03-18', {
      endpoints: fake.endpoints,
      now: NOW,
    });
    expect(before).toEqual({ ok: true, value: { items: [], reach: 'none' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('lists Guardian coverage with the reader’s key; a wrong key is unauthorised; no key sends nothing', async () => {
    const request = { endpoints: fake.endpoints, apiKey: FAKE_GUARDIAN_KEY };
    const recent = await fetchGuardianCoverage(http(), ['Daraa'], '2021-09-01', request);
    expect(recent.ok && recent.value.map((item) => item.date)).toEqual(['2021-07-29']);
    const decade = await fetchGuardianCoverage(http(), ['Daraa'], '2021-09-01', {
      ...request,
      days: 3650,
    });
    expect(decade.ok && decade.value.map((item) => item.date)).toEqual([
      '2021-07-29',
      '2018-10-15',
      '2018-07-06',
    ]);
    expect(fake.requests[0]?.query).toMatchObject({
      'from-date': '2019-09-01',
      'to-date': '2021-08-31',
    });
    expect(
      await fetchGuardianCoverage(http(), ['Daraa'], '2021-09-01', { ...request, apiKey: 'wrong' }),
    ).toMatchObject({ ok: false, error: { kind: 'unauthorised', status: 401 } });
    fake.reset();
    expect(
      await fetchGuardianCoverage(http(), ['Daraa'], '2021-09-01', { ...request, apiKey: '' }),
    ).toMatchObject({ ok: false, error: { kind: 'unauthorised' } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the fake’s switches', () => {
  it('answers 429 with Retry-After, and the client waits it out before asking again', async () => {
    fake.setMode({ kind: 'rate-limit', retryAfterSeconds: 1, times: 1, service: 'wikipedia-rest' });
    const started = Date.now();
    const result = await fetchSummary(http(), 'Syria', wiki());
    expect(result).toMatchObject({ ok: true, value: { found: true } });
    expect(fake.requests).toHaveLength(2);
    expect((fake.requests[1]?.at ?? 0) - (fake.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('answers 500, and the client gives up after its retries with a quiet error', async () => {
    fake.setMode({ kind: 'error', status: 500 });
    const result = await fetchSummary(http({ maxRetries: 2 }), 'Syria', wiki());
    expect(result).toMatchObject({ ok: false, error: { kind: 'failed', status: 500 } });
    expect(fake.requests).toHaveLength(3);
  });

  it('answers slowly, and the client times out as offline', async () => {
    fake.setMode({ kind: 'slow', delayMs: 500 });
    const result = await fetchSummary(http({ timeoutMs: 100 }), 'Syria', wiki());
    expect(result).toMatchObject({ ok: false, error: { kind: 'offline', detail: 'timed out' } });
  });

  it('reports a closed port as offline', async () => {
    const closed = await startLiveFake();
    const endpoints = closed.endpoints;
    await closed.close();
    const result = await fetchSummary(http(), 'Syria', { endpoints, lang: 'en' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'offline' } });
  });

  it('serves its request log, so a browser test can check that nothing was asked', async () => {
    const log = await (await fetch(`${fake.origin}/__requests`)).json();
    expect(log).toEqual([]);
  });
});

describe('cache in front of the fake', () => {
  it('asks a name at most once a day', async () => {
    const cache = new LiveCache({ name: 'live-fake-test' });
    const client = http();
    const ask = () =>
      cache.through('wikipedia:en:Jordan', () => fetchSummary(client, 'Jordan', wiki()), {
        keep: (result) => result.ok,
      });
    const [a, b] = await Promise.all([ask(), ask()]);
    await ask();
    expect(a).toEqual(b);
    expect(fake.requests).toHaveLength(1);
    await cache.clear();
    await cache.close();
  });
});
