import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DISCOVERED_REF_BASE, DISCOVERY_LIMITS } from '@/utils/background/live-discovery';
import { DAY_MS } from '@/utils/live/cache';
import { utcDay } from '@/utils/live/coverage';
import { hostPermissions } from '@/utils/live/sources';
import type { MatchAnswer } from '@/utils/messages/protocol';
import type { Settings } from '@/utils/settings/settings';
import { type LiveFake, startLiveFake } from '../../fakes/live-server';
import { type As, builtInPack, inProcessBackground } from '../../support/background';
import { entity } from '../../support/entities';
import { hearing, UNKNOWN_PEOPLE } from '../../support/unknown-people';

/**
 * Live discovery through the real background and router, against the fake Wikipedia over HTTP:
 * names the pack lacks get marks from Wikipedia when it is on, nothing at all is asked when it is
 * off or the site is excluded, the page's language picks the wiki, and the limits hold.
 */

const PACK = builtInPack([entity('Q1754', 'place', 'Stockholm', { en: ['Stockholm'] })]);
const PAGE = 'https://news.example/2023/12/08/prize-winners?token=secret';
const TEXTS = [
  'The microbiologist Emmanuelle Charpentier opened the meeting in Stockholm with a talk on genome editing.',
  'Svante Pääbo spoke about the genomes of Neanderthals and of the people who met them.',
  'In the afternoon Carolyn R. Bertozzi closed the day with the chemistry of living cells.',
  'The session was chaired by David Jones, who thanked the speakers and the audience.',
  '“It was a good day for science,” said Lena Marsh, who organised the meeting this year.',
];

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

function start(settings: Partial<Settings> = {}) {
  background = inProcessBackground(
    PACK,
    {
      liveSources: { wikipedia: true, wikidata: false, gdelt: false, guardian: false },
      ...settings,
    },
    {
      fetch: (input, init) => fetch(input, init),
      endpoints: fake.endpoints,
      granted: hostPermissions('wikipedia', fake.endpoints),
      http: { backoffMs: 50 },
    },
  );
  return background;
}

const content = (url = PAGE): As => ({ role: 'content', tab: 1, url });

/** A page's batches as its content script sends them, then its empty batch; every answer. */
async function readPage(
  texts: string[],
  options: { url?: string; lang?: string; session?: string } = {},
) {
  const url = options.url ?? PAGE;
  const config = await background.ask('page:config', {}, content(url));
  if (!config.ok) throw new Error(config.errors.join());
  const key = config.value.key;
  const ask = async (ids: number[], batch: string[], lang?: string) => {
    const answer = await background.ask(
      'page:match',
      {
        session: options.session ?? 'session-abcdef12',
        key,
        ids,
        texts: batch,
        ...(lang ? { lang } : {}),
      },
      content(url),
    );
    if (!answer.ok) throw new Error(answer.errors.join());
    return answer.value;
  };
  const first = await ask(
    texts.map((_, i) => i),
    texts,
    options.lang,
  );
  const last = await ask([], []);
  return { first, last };
}

/** The marked texts of released mentions, with their entities' names. */
function marks(texts: string[], answer: MatchAnswer): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 < answer.released.length; i += 4) {
    const [key, start, end, ref] = answer.released.slice(i, i + 4) as [
      number,
      number,
      number,
      number,
    ];
    const found = answer.entities.find((e) => e.ref === ref);
    out.push(`${texts[key]?.slice(start, end)} → ${found?.name}${found?.live ? ' (live)' : ''}`);
  }
  return out.sort();
}

const lookups = () => fake.requests.filter((request) => request.service === 'wikipedia-api');

describe('live discovery', () => {
  it('marks the names the pack lacks, from Wikipedia, once the page has been read', async () => {
    start();
    const { first, last } = await readPage(TEXTS);
    expect(first.pending).toBe(true);
    expect(marks(TEXTS, last)).toEqual([
      'Carolyn R. Bertozzi → Carolyn Bertozzi (live)',
      'Emmanuelle Charpentier → Emmanuelle Charpentier (live)',
      'Svante Pääbo → Svante Pääbo (live)',
    ]);
    expect(last.entities.every((found) => found.ref >= DISCOVERED_REF_BASE)).toBe(true);
    // One look-up of the candidate names only: no address, no text around them.
    expect(lookups()).toHaveLength(1);
    const [lookup] = lookups();
    expect(lookup?.path).toBe('/wikipedia/en/w/api.php');
    expect(lookup?.query.titles?.split('|').sort()).toEqual([
      'Carolyn R. Bertozzi',
      'David Jones',
      'Emmanuelle Charpentier',
      'Lena Marsh',
      'Neanderthals',
      'Svante Pääbo',
    ]);
    const sent = JSON.stringify(fake.requests);
    expect(sent).not.toContain('news.example');
    expect(sent).not.toContain('secret');
    expect(sent).not.toContain('microbiologist');
  });

  it('never asks for or marks a name the reader said not to mark', async () => {
    start();
    await background.corrections.importList([
      {
        id: 'c-stockholm1',
        surface: 'Stockholm',
        folded: 'stockholm',
        site: 'news.example',
        action: 'none',
        createdAt: 1,
      },
    ]);
    const { first, last } = await readPage(TEXTS);
    // The pack's own name is left unmarked, and Wikipedia is not asked about it instead.
    expect(first.mentions).toEqual([]);
    expect(marks(TEXTS, last)).toEqual([
      'Carolyn R. Bertozzi → Carolyn Bertozzi (live)',
      'Emmanuelle Charpentier → Emmanuelle Charpentier (live)',
      'Svante Pääbo → Svante Pääbo (live)',
    ]);
    const titles = lookups().flatMap((lookup) => lookup.query.titles?.split('|') ?? []);
    expect(titles).toContain('Carolyn R. Bertozzi');
    expect(titles).not.toContain('Stockholm');
  });

  it('opens a card for a discovered name, built from the look-up, filled in from the summary', async () => {
    start();
    await readPage(TEXTS);
    const card: As = { role: 'card', tab: 1 };
    const data = await background.ask('card:data', { id: 'Q170342' }, card);
    expect(data.ok && data.value.entity).toMatchObject({
      id: 'Q170342',
      name: 'Svante Pääbo',
      kind: 'person',
      description: 'Swedish geneticist',
    });
    const about = await background.ask('card:live', { id: 'Q170342', part: 'about' }, card);
    expect(about.ok && about.value.summary?.extract).toMatch(/ancient DNA/);
  });

  it('asks nothing at all while Wikipedia is off, or on an excluded site', async () => {
    start({ liveSources: { wikipedia: false, wikidata: false, gdelt: false, guardian: false } });
    const off = await readPage(TEXTS);
    expect(off.first.pending).toBeUndefined();
    expect(off.last.released).toEqual([]);
    await background.close();
    start({ blockedSites: ['news.example'] });
    const excluded = await readPage(TEXTS);
    expect(excluded.last.released).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('asks the Wikipedia of the page’s language', async () => {
    start();
    const arabic = [
      'استعاد المشاركون في الأمسية روايات الكاتب نجيب محفوظ عن أحياء المدينة القديمة.',
      'وختمت الأمسية بأغنيات الفنانة أم كلثوم التي ما زال الجمهور يحفظها.',
    ];
    const { last } = await readPage(arabic, { lang: 'ar' });
    expect(marks(arabic, last)).toEqual([
      'أم كلثوم → أم كلثوم (live)',
      'نجيب محفوظ → نجيب محفوظ (live)',
    ]);
    expect(lookups().map((request) => request.path)).toEqual(['/wikipedia/ar/w/api.php']);
  });

  it('never asks about the reader’s own entities, marked or not', async () => {
    start({ markOwnEntities: false });
    const own = entity('user:lena-marsh', 'person', 'Lena Marsh', { en: ['Lena Marsh'] });
    expect((await background.ask('user:save', { entity: own })).ok).toBe(true);
    await readPage(TEXTS);
    expect(lookups()[0]?.query.titles).not.toContain('Lena Marsh');
  });

  it('keeps to the daily ceiling, all pages together', async () => {
    start();
    await background.liveCache.set(
      `discovery:requests:${utcDay(1_000_000)}`,
      DISCOVERY_LIMITS.requestsPerDay,
    );
    const { last } = await readPage(TEXTS);
    expect(last.released).toEqual([]);
    expect(lookups()).toEqual([]);
    // The next day the count starts again.
    background.advance(DAY_MS);
    await readPage(TEXTS, { session: 'session-nextday1' });
    expect(lookups()).toHaveLength(1);
  });

  it('keeps to the per-page limit on a long page, most promising names first', async () => {
    start();
    const texts = UNKNOWN_PEOPLE.map(hearing);
    await readPage(texts);
    expect(lookups().length).toBe(DISCOVERY_LIMITS.requestsPerPage);
    // A second visit the same day: answers come from the day's cache, no new request.
    fake.reset();
    await readPage(texts.slice(0, 50));
    expect(lookups()).toEqual([]);
  });
});
