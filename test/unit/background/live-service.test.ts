import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '@/utils/knowledge/schema';
import type { LiveAnswer } from '@/utils/live/answer';
import { DAY_MS } from '@/utils/live/cache';
import type { LivePart } from '@/utils/live/source';
import {
  allHostPermissions,
  allSourcesOff,
  hostPermissions,
  LIVE_SOURCES,
} from '@/utils/live/sources';
import type { Result } from '@/utils/messages/protocol';
import type { Settings } from '@/utils/settings/settings';
import { FAKE_GUARDIAN_KEY, type LiveFake, startLiveFake } from '../../fakes/live-server';
import {
  type As,
  builtInPack,
  inProcessBackground,
  type LiveOptions,
} from '../../support/background';
import { entity } from '../../support/entities';

/**
 * The live service's policy, through the real background and router, against the local fake over
 * real HTTP: nothing is asked unless a source is on, permitted and the page's site not excluded;
 * only names the page mentions; names and dates, never the page's address; a day's cache; 429s
 * waited out; failures reported as quiet notes, never cached.
 */

const withSources = (entityValue: Entity, urls: string[]): Entity => ({
  ...entityValue,
  sources: urls.map((url) => ({ title: 'Wikipedia', url })),
});
const DARAA = withSources(entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] }), [
  'https://en.wikipedia.org/wiki/Daraa',
]);
const SYRIA = entity('Q858', 'place', 'Syria', { en: ['Syria'] });
const RIVER = withSources(
  entity('bs:wp-jordan-river', 'place', 'Jordan River', { en: ['Jordan River'] }),
  ['https://en.wikipedia.org/wiki/Special:Search/jordan_river'],
);
const DERAA = withSources(entity('bs:wp-deraa', 'topic', 'Deraa', { en: ['Deraa'] }), [
  'https://en.wikipedia.org/wiki/Special:Search/deraa',
]);
const AMMAN = entity('Q3805', 'place', 'Amman', { en: ['Amman'] });
const PACK = builtInPack([DARAA, SYRIA, RIVER, DERAA, AMMAN]);

const PAGE = 'https://news.example/2021/08/22/daraa-talks?id=secret-token';
const TEXT = 'Troops massed around Daraa in Syria. Along the Jordan River, Deraa is quiet.';
const ALL_ON = Object.fromEntries(
  LIVE_SOURCES.map((source) => [source.id, true]),
) as Settings['liveSources'];

let fake: LiveFake;
let background: ReturnType<typeof inProcessBackground>;

beforeAll(async () => {
  fake = await startLiveFake();
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  await background?.close();
  fake.reset();
});

/** A background whose network is the fake, with `settings` and the sources' hosts `granted`. */
function start(settings: Partial<Settings> = {}, live: Partial<LiveOptions> = {}) {
  const every = allHostPermissions(fake.endpoints);
  background = inProcessBackground(
    PACK,
    { liveSources: ALL_ON, ...settings },
    {
      fetch: (input, init) => fetch(input, init),
      endpoints: fake.endpoints,
      granted: every,
      guardianKey: FAKE_GUARDIAN_KEY,
      http: { backoffMs: 50 },
      ...live,
    },
  );
  // The service's clock: a day in late 2026, so the 2021 article is GDELT's best-effort range.
  background.advance(Date.parse('2026-11-30T12:00:00Z') - 1_000_000);
  return background;
}

const content = (tab: number, url = PAGE): As => ({ role: 'content', tab, url });
const card = (tab: number): As => ({ role: 'card', tab });

/** The page in `tab` reports its text and its date, as a content script does. */
async function openPage(tab = 1, url = PAGE, text = TEXT) {
  const config = await background.ask('page:config', {}, content(tab, url));
  if (!config.ok) throw new Error(config.errors.join());
  const answer = await background.ask(
    'page:match',
    {
      session: `session-${tab}-abcdef`,
      key: config.value.key,
      ids: [0],
      texts: [text],
      evidence: {
        url,
        metas: [['article:published_time', '2021-08-22T09:40:00+03:00']],
        jsonLd: [],
        times: [],
      },
    },
    content(tab, url),
  );
  if (!answer.ok) throw new Error(answer.errors.join());
  return answer.value;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
}

async function live(id: string, part: LivePart, tab = 1): Promise<LiveAnswer> {
  return value(await background.ask('card:live', { id, part }, card(tab)));
}

const serviceRequests = () => fake.requests.filter((request) => request.service !== 'other');

describe('live service: when nothing is asked', () => {
  it('asks nothing while every source is off', async () => {
    start({ liveSources: allSourcesOff() });
    await openPage();
    for (const id of ['Q238217', 'Q858', 'bs:wp-jordan-river'])
      for (const part of ['about', 'coverage'] as const)
        expect(await live(id, part)).toEqual({ asked: [], failed: [] });
    expect(background.liveRequests).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('asks nothing for a source that is on but whose host the browser has not granted', async () => {
    // Every source on in the (synced) settings; this browser has granted nothing.
    start({}, { granted: [] });
    await openPage();
    expect(await live('Q238217', 'about')).toEqual({ asked: [], failed: [] });
    expect(await live('Q238217', 'coverage')).toEqual({ asked: [], failed: [] });
    expect(fake.requests).toEqual([]);
  });

  it('asks nothing for a page on an excluded site, in either site mode, or with Backstory off', async () => {
    start();
    await openPage();
    for (const excluded of [
      { blockedSites: ['news.example'] },
      { siteMode: 'allowed' as const, allowedSites: ['other.example'] },
      { enabled: false },
    ]) {
      background.setSettings({ ...background.settings(), ...excluded });
      expect(await live('Q238217', 'about')).toEqual({ asked: [], failed: [] });
      expect(await live('Q238217', 'coverage')).toEqual({ asked: [], failed: [] });
      background.setSettings({
        ...background.settings(),
        blockedSites: [],
        siteMode: 'all',
        enabled: true,
      });
    }
    expect(fake.requests).toEqual([]);
  });

  it('asks only about entities the tab’s page mentions, and only for the card frame', async () => {
    start();
    await openPage();
    expect(await live('Q3805', 'about')).toEqual({ asked: [], failed: [] });
    expect(await live('Q238217', 'about', 2)).toEqual({ asked: [], failed: [] });
    const fromPage = await background.ask(
      'card:live',
      { id: 'Q238217', part: 'about' },
      content(1),
    );
    expect(fromPage).toEqual({ ok: false, errors: ['card:live is not allowed from this sender'] });
    const fromOptions = await background.ask('card:live', { id: 'Q238217', part: 'about' });
    expect(fromOptions.ok).toBe(false);
    const badPart = await background.route(
      { backstory: 1, name: 'card:live', payload: { id: 'Q238217', part: 'everything' } },
      card(1),
    );
    expect(badPart).toMatchObject({ ok: false });
    expect(fake.requests).toEqual([]);
  });

  it('never looks up the reader’s own entities, even under a Wikidata id', async () => {
    start();
    for (const own of [
      entity('user:levant-ledger', 'organisation', 'Levant Ledger', { en: ['Levant Ledger'] }),
      entity('Q123456', 'person', 'Samir Haddad', { en: ['Samir Haddad'] }),
    ])
      value(await background.ask('user:save', { entity: own }));
    await openPage(1, PAGE, 'The Levant Ledger quotes Samir Haddad on Daraa.');
    for (const id of ['user:levant-ledger', 'Q123456'])
      for (const part of ['about', 'coverage'] as const)
        expect(await live(id, part)).toEqual({ asked: [], failed: [] });
    expect(fake.requests).toEqual([]);
  });

  it('asks The Guardian nothing without the reader’s key', async () => {
    start({ liveSources: { ...ALL_ON, gdelt: false } }, { guardianKey: '' });
    await openPage();
    expect(await live('Q238217', 'coverage')).toEqual({ asked: [], failed: [] });
    expect(fake.requests).toEqual([]);
  });
});

describe('live service: what a card gets', () => {
  it('fills an entity with a Wikidata id: dated facts, its English title, the page summary', async () => {
    start();
    await openPage();
    const about = await live('Q858', 'about');
    expect(about.asked).toEqual(['wikipedia', 'wikidata']);
    expect(about.failed).toEqual([]);
    expect(about.summary).toMatchObject({
      title: 'Syria',
      url: 'https://en.wikipedia.org/wiki/Syria',
      description: 'Country in West Asia',
      thumbnail: `${fake.origin}/media/Flag_of_Syria.png`,
    });
    expect(about.facts).toContainEqual(
      expect.objectContaining({
        label: 'Head of state',
        value: 'Bashar al-Assad',
        from: '2000-07-17',
        to: '2024-12-08',
      }),
    );
    // Wikidata first (its English sitelink names the page), then the summary: three requests.
    expect(serviceRequests().map((request) => request.service)).toEqual([
      'wikidata',
      'wikidata',
      'wikipedia-rest',
    ]);
  });

  it('looks a popular title up with the page’s other popular titles in one request, each remembered', async () => {
    start({ liveSources: { ...ALL_ON, wikidata: false } });
    await openPage();
    const river = await live('bs:wp-jordan-river', 'about');
    expect(river.summary?.description).toBe('River in the Middle East flowing into the Dead Sea');
    const lookups = serviceRequests().filter((request) => request.service === 'wikipedia-api');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.query.titles?.split('|').sort()).toEqual(['Deraa', 'Jordan River']);
    // "Deraa" was answered in the same batch (a redirect to Daraa): no second look-up.
    const deraa = await live('bs:wp-deraa', 'about');
    expect(deraa.summary?.title).toBe('Daraa');
    expect(serviceRequests().filter((request) => request.service === 'wikipedia-api')).toHaveLength(
      1,
    );
  });

  it('takes a pack entity’s page only when it names the same Wikidata item', async () => {
    // Wikidata off: Daraa's Wikipedia link gives the title; its summary names Q238217, as it should.
    start({ liveSources: { ...ALL_ON, wikidata: false } });
    await openPage();
    expect((await live('Q238217', 'about')).summary?.title).toBe('Daraa');
    await background.close();
    // A pack entity whose Wikipedia link leads to another item's page gets no summary.
    const WRONG = withSources(entity('Q99999999', 'place', 'Syria', { en: ['Syria'] }), [
      'https://en.wikipedia.org/wiki/Syria',
    ]);
    background = inProcessBackground(
      builtInPack([WRONG]),
      { liveSources: { ...ALL_ON, wikidata: false } },
      {
        fetch: (input, init) => fetch(input, init),
        endpoints: fake.endpoints,
        granted: hostPermissions('wikipedia', fake.endpoints),
      },
    );
    await openPage(1, PAGE, 'Syria');
    expect((await live('Q99999999', 'about')).summary).toBeUndefined();
  });

  it('earlier coverage: one name and a date window sent, never the page’s address; only articles before it', async () => {
    start();
    await openPage();
    const coverage = await live('Q238217', 'coverage');
    expect(coverage.asked).toEqual(['gdelt', 'guardian']);
    expect(coverage.failed).toEqual([]);
    expect(coverage.bestEffort).toEqual(['gdelt']);
    expect(coverage.coverage?.length).toBeGreaterThan(2);
    expect(coverage.coverage?.every((item) => item.date < '2021-08-22')).toBe(true);
    expect(coverage.coverage?.map((item) => item.outlet)).toContain('The Guardian');
    const sent = serviceRequests();
    expect(sent.map((request) => request.service).sort()).toEqual(['gdelt', 'guardian']);
    for (const request of sent) {
      const everything = JSON.stringify(request);
      expect(everything).not.toContain('news.example');
      expect(everything).not.toContain('secret-token');
      expect(request.headers.referer).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers['api-user-agent']).toBeUndefined();
    }
    const gdelt = sent.find((request) => request.service === 'gdelt');
    expect(gdelt?.query).toMatchObject({ query: '"Daraa"', enddatetime: '20210822000000' });
    const guardian = sent.find((request) => request.service === 'guardian');
    expect(guardian?.query).toMatchObject({
      q: '"Daraa"',
      'to-date': '2021-08-21',
      'api-key': FAKE_GUARDIAN_KEY,
    });
  });

  it('names Backstory to Wikimedia in Api-User-Agent, and sends no cookies or referrer', async () => {
    start();
    await openPage();
    await live('Q858', 'about');
    for (const request of serviceRequests()) {
      expect(request.headers['api-user-agent']).toBe(
        'Backstory/0.0.0-test (https://example.org/backstory-tests)',
      );
      expect(request.headers.referer).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
    }
  });
});

describe('live service: curated names without a Wikidata id', () => {
  it('asks the news archives by name, and Wikipedia and Wikidata nothing', async () => {
    background = inProcessBackground(
      builtInPack([
        entity('bs:nasib-crossing', 'place', 'Nasib crossing', { en: ['Nasib crossing'] }),
      ]),
      { liveSources: ALL_ON },
      {
        fetch: (input, init) => fetch(input, init),
        endpoints: fake.endpoints,
        granted: hostPermissions('wikipedia', fake.endpoints),
        guardianKey: FAKE_GUARDIAN_KEY,
      },
    );
    await openPage(1, PAGE, 'Trucks queued at the Nasib crossing.');
    expect(await live('bs:nasib-crossing', 'about')).toEqual({ asked: [], failed: [] });
    expect(fake.requests).toEqual([]);
    const coverage = await live('bs:nasib-crossing', 'coverage');
    expect(coverage.asked).toEqual(['gdelt', 'guardian']);
    expect(fake.requests.map((request) => request.query.query ?? request.query.q)).toEqual(
      expect.arrayContaining(['"Nasib crossing"']),
    );
  });
});

describe('live service: a name asked at most once a day', () => {
  it('answers again from the cache, misses too, and asks again the next day', async () => {
    start();
    await openPage();
    await live('Q858', 'about');
    await live('bs:wp-jordan-river', 'about');
    await live('Q238217', 'coverage');
    const first = serviceRequests().length;
    await live('Q858', 'about');
    await live('bs:wp-jordan-river', 'about');
    await live('Q238217', 'coverage');
    expect(serviceRequests()).toHaveLength(first);
    background.advance(DAY_MS + 1);
    await live('Q858', 'about');
    expect(serviceRequests().length).toBeGreaterThan(first);
  });

  it('forgets every stored answer when the options page asks', async () => {
    start();
    await openPage();
    await live('Q858', 'about');
    expect(await background.liveCache.count()).toBeGreaterThan(0);
    expect(value(await background.ask('live:clear', {}))).toEqual({ ok: true });
    expect(await background.liveCache.count()).toBe(0);
    expect((await background.ask('live:clear', {}, card(1))).ok).toBe(false);
  });
});

describe('live service: when a service will not answer', () => {
  it('waits out a 429 as Retry-After asks, then answers', async () => {
    start({ liveSources: { ...ALL_ON, wikipedia: false } });
    await openPage();
    fake.setMode({ kind: 'rate-limit', retryAfterSeconds: 1, times: 1, service: 'wikidata' });
    const about = await live('Q858', 'about');
    expect(about.failed).toEqual([]);
    expect(about.facts?.length).toBeGreaterThan(0);
    const asked = serviceRequests().filter((request) => request.service === 'wikidata');
    // The refused request, the same again after the wait, then the labels.
    expect(asked).toHaveLength(3);
    expect(asked[0]?.query.ids).toBe(asked[1]?.query.ids);
  });

  it('a service that keeps failing is reported quietly, the others still answer, nothing is cached', async () => {
    start();
    await openPage();
    fake.setMode({ kind: 'error', status: 503, service: 'gdelt' });
    const coverage = await live('Q238217', 'coverage');
    expect(coverage.failed).toEqual(['gdelt']);
    expect(coverage.coverage?.map((item) => item.outlet)).toEqual(['The Guardian']);
    // Retried with backoff before giving up: three attempts in all.
    expect(serviceRequests().filter((request) => request.service === 'gdelt')).toHaveLength(3);
    fake.setMode({ kind: 'normal' });
    // Not remembered as "nothing": GDELT is asked again, and answers.
    const again = await live('Q238217', 'coverage');
    expect(again.failed).toEqual([]);
    expect(again.coverage?.some((item) => item.outlet !== 'The Guardian')).toBe(true);
  });

  it('offline: every asked source is reported, the card keeps the pack, nothing is cached', async () => {
    start(
      {},
      {
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      },
    );
    await openPage();
    const about = await live('Q238217', 'about');
    expect(about.asked).toEqual(['wikipedia', 'wikidata']);
    expect(about.failed.sort()).toEqual(['wikidata', 'wikipedia']);
    expect(about.summary).toBeUndefined();
    const coverage = await live('Q238217', 'coverage');
    expect(coverage.failed.sort()).toEqual(['gdelt', 'guardian']);
    expect(await background.liveCache.count()).toBe(0);
  });
});
