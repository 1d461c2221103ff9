import { afterEach, describe, expect, it } from 'vitest';
import { badgeText } from '@/utils/background/handlers';
import { NEW_PAGES_PER_SITE_HOUR } from '@/utils/history/history-store';
import type { MatchAnswer } from '@/utils/messages/protocol';
import { type As, builtInPack, inProcessBackground } from '../../support/background';
import { entity } from '../../support/entities';

const DARAA = entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] });
const AMMAN = entity('Q3805', 'place', 'Amman', { en: ['Amman'] });
const PACK = builtInPack([DARAA, AMMAN]);

let background = inProcessBackground(PACK);
afterEach(async () => {
  await background.close();
  background = inProcessBackground(PACK);
});

const page = (tab: number, url: string): As => ({ role: 'content', tab, url });
const card = (tab: number): As => ({ role: 'card', tab });

/** A content script's first batch on a page: it asks for its config, then sends its text. */
async function matchPage(tab: number, url: string, text: string): Promise<MatchAnswer> {
  const config = await background.ask('page:config', {}, page(tab, url));
  if (!config.ok) throw new Error(config.errors.join());
  const answer = await background.ask(
    'page:match',
    { session: `session-${tab}-abcdef`, key: config.value.key, ids: [0], texts: [text] },
    page(tab, url),
  );
  if (!answer.ok) throw new Error(answer.errors.join());
  return answer.value;
}

const value = <T>(result: { ok: true; value: T } | { ok: false; errors: string[] }): T => {
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
};

describe('background: pages', () => {
  it('tells a page whether to mark it, from the settings and its site', async () => {
    const on = value(await background.ask('page:config', {}, page(1, 'https://a.example/x')));
    expect(on).toMatchObject({ active: true, style: 'underline', firstMentionOnly: false });
    expect(on.key).toContain('backstory.default@1');
    background.setSettings({ ...background.settings(), blockedSites: ['a.example'] });
    const off = value(await background.ask('page:config', {}, page(1, 'https://news.a.example/')));
    expect(off).toMatchObject({ active: false, key: '' });
  });

  it('matches a page in batches and describes each entity once', async () => {
    const first = await matchPage(
      1,
      'https://a.example/x',
      'Troops ring Daraa as Amman urges calm.',
    );
    expect(first.mentions).toEqual([0, 12, 17, expect.any(Number), 0, 21, 26, expect.any(Number)]);
    expect(first.entities.map((found) => `${found.id} ${found.name} ${found.kind}`)).toEqual([
      'Q238217 Daraa place',
      'Q3805 Amman place',
    ]);
    const second = value(
      await background.ask(
        'page:match',
        { session: 'session-1-abcdef', key: first.key, ids: [1], texts: ['Back in Daraa.'] },
        page(1, 'https://a.example/x'),
      ),
    );
    expect(second.mentions).toHaveLength(4);
    expect(second.entities).toEqual([]);
  });

  it('answers a page matched with packs that changed with the new key and no mentions', async () => {
    const answer = value(
      await background.ask(
        'page:match',
        { session: 'session-9-abcdef', key: 'old-packs', ids: [0], texts: ['Daraa'] },
        page(9, 'https://a.example/x'),
      ),
    );
    expect(answer.mentions).toEqual([]);
    expect(answer.key).toContain('backstory.default@1');
  });

  it('starts a page with one message: how to mark it, and its first batch matched', async () => {
    const start = value(
      await background.ask(
        'page:start',
        { session: 'session-6-abcdef', key: '', ids: [0], texts: ['Troops ring Daraa.'] },
        page(6, 'https://a.example/x'),
      ),
    );
    expect(start.config).toMatchObject({ active: true, style: 'underline' });
    expect(start.answer?.key).toBe(start.config.key);
    expect(start.answer?.entities.map((found) => found.name)).toEqual(['Daraa']);
    // The background counts what it found on the badge itself.
    expect(background.badges.get(6)).toBe('1');
    const next = value(
      await background.ask(
        'page:match',
        { session: 'session-6-abcdef', key: start.config.key, ids: [1], texts: ['Amman too.'] },
        page(6, 'https://a.example/x'),
      ),
    );
    expect(next.entities.map((found) => found.name)).toEqual(['Amman']);
    expect(background.badges.get(6)).toBe('2');
  });

  it('drops the first batch of a page where Backstory is off, unmatched', async () => {
    background.setSettings({ ...background.settings(), blockedSites: ['a.example'] });
    const start = value(
      await background.ask(
        'page:start',
        { session: 'session-7-abcdef', key: '', ids: [0], texts: ['Troops ring Daraa.'] },
        page(7, 'https://a.example/x'),
      ),
    );
    expect(start).toEqual({ config: expect.objectContaining({ active: false }), answer: null });
    expect(await background.sessions.tab(7)).toBeNull();
    expect(background.badges.has(7)).toBe(false);
  });

  it('sets the badge from the count a page reports', async () => {
    await background.ask(
      'page:count',
      { active: true, entities: 3 },
      page(4, 'https://a.example/'),
    );
    expect(background.badges.get(4)).toBe('3');
    expect(badgeText({ active: false, entities: 3 })).toBe('');
    expect(badgeText({ active: true, entities: 1200 })).toBe('999+');
  });
});

describe('background: reading history', () => {
  it("records a read page with the entities the background found on it, without its query, and shows it on another page's card", async () => {
    await matchPage(1, 'https://a.example/daraa?session=secret#top', 'Daraa');
    const read = await background.ask(
      'page:read',
      { title: 'Aid reaches Daraa' },
      page(1, 'https://a.example/daraa?session=secret#top'),
    );
    expect(value(read)).toEqual({ recorded: true });
    const [recorded] = await background.history.list();
    expect(recorded?.url).toBe('https://a.example/daraa');
    expect(recorded?.entities).toEqual(['Q238217']);

    await matchPage(2, 'https://b.example/today', 'Daraa and Amman');
    const onOther = value(await background.ask('card:data', { id: 'Q238217' }, card(2)));
    expect(onOther.entity?.name).toBe('Daraa');
    expect(onOther.history.map((visit) => visit.url)).toEqual(['https://a.example/daraa']);
    // The page being read is left out of its own card.
    const onSame = value(await background.ask('card:data', { id: 'Q238217' }, card(1)));
    expect(onSame.history).toEqual([]);
  });

  it('gives history only for entities the tab’s page mentions', async () => {
    await matchPage(1, 'https://a.example/1', 'Daraa and Amman');
    await background.ask('page:read', { title: 'One' }, page(1, 'https://a.example/1'));
    await matchPage(2, 'https://b.example/2', 'Amman only');
    const asked = value(await background.ask('card:data', { id: 'Q238217' }, card(2)));
    expect(asked.entity?.name).toBe('Daraa');
    expect(asked.history).toEqual([]);
    const mentioned = value(await background.ask('card:data', { id: 'Q3805' }, card(2)));
    expect(mentioned.history).toHaveLength(1);
  });

  it('uses a same-site canonical address and ignores a canonical on another site', async () => {
    await matchPage(1, 'https://www.a.example/story?id=7', 'Daraa');
    await background.ask(
      'page:read',
      { title: 'T', canonical: 'https://a.example/2021/story' },
      page(1, 'https://www.a.example/story?id=7'),
    );
    await matchPage(2, 'https://c.example/x', 'Daraa');
    await background.ask(
      'page:read',
      { title: 'T', canonical: 'https://evil.example/planted' },
      page(2, 'https://c.example/x'),
    );
    expect((await background.history.list()).map((visit) => visit.url).sort()).toEqual([
      'https://a.example/2021/story',
      'https://c.example/x',
    ]);
  });

  it('records nothing while paused, on excluded sites, or before the page was matched', async () => {
    await matchPage(1, 'https://a.example/1', 'Daraa');
    background.setSettings({ ...background.settings(), historyPaused: true });
    expect(
      value(await background.ask('page:read', { title: 'x' }, page(1, 'https://a.example/1'))),
    ).toEqual({ recorded: false });
    background.setSettings({
      ...background.settings(),
      historyPaused: false,
      historyExcludedSites: ['a.example'],
    });
    expect(
      value(await background.ask('page:read', { title: 'x' }, page(1, 'https://a.example/1'))),
    ).toEqual({ recorded: false });
    expect(
      value(await background.ask('page:read', { title: 'x' }, page(7, 'https://b.example/'))),
    ).toEqual({ recorded: false });
    expect(await background.history.count()).toBe(0);
  });

  it('lets one site add only a few new pages an hour, however often it reloads itself', async () => {
    for (let i = 0; i < NEW_PAGES_PER_SITE_HOUR + 5; i++) {
      const url = `https://mint.example/p${i}`;
      await matchPage(1, url, 'Daraa');
      await background.ask('page:read', { title: `Planted ${i}` }, page(1, url));
      background.advance(1000);
    }
    expect(await background.history.count()).toBe(NEW_PAGES_PER_SITE_HOUR);
    background.advance(3_600_000);
    await matchPage(1, 'https://mint.example/later', 'Daraa');
    await background.ask('page:read', { title: 'Later' }, page(1, 'https://mint.example/later'));
    expect(await background.history.count()).toBe(NEW_PAGES_PER_SITE_HOUR + 1);
  });
});

describe('background: card frames', () => {
  it('hands a tab’s card token to the card frame of that tab only', async () => {
    const token = 'aaaaaaaa-1111-2222-3333-444444444444';
    value(await background.ask('card:register', { token }, page(5, 'https://a.example/')));
    expect(value(await background.ask('card:hello', {}, card(5)))).toEqual({ token });
    expect(value(await background.ask('card:hello', {}, card(6)))).toEqual({ token: null });
  });

  it('refuses card data to content scripts, and page messages to card frames', async () => {
    const asPage = await background.ask(
      'card:data',
      { id: 'Q238217' },
      page(1, 'https://a.example/'),
    );
    expect(asPage).toEqual({ ok: false, errors: ['card:data is not allowed from this sender'] });
    const asCard = await background.ask(
      'page:match',
      { session: 'session-1-abcdef', key: '', ids: [], texts: [] },
      card(1),
    );
    expect(asCard.ok).toBe(false);
  });

  it('builds a locator map for a place with coordinates, and none for other entities', async () => {
    value(
      await background.ask('user:save', {
        entity: {
          ...entity('user:tafas', 'place', 'Tafas'),
          coordinates: { lat: 32.74, lon: 35.97 },
          country: 'SY',
        },
      }),
    );
    const map = value(await background.ask('map:locator', { id: 'user:tafas' }, card(1)));
    expect(map?.alt).toMatch(/^Map: Tafas, in .*Syria/);
    expect(value(await background.ask('map:locator', { id: 'Q238217' }, card(1)))).toBeNull();
  });
});

describe('background: packs', () => {
  const extra = {
    ...PACK,
    id: 'test.extra',
    name: 'Extra',
    entities: [entity('Q810', 'place', 'Jordan')],
  };

  async function importFile(contents: string) {
    const staged = `import-${crypto.randomUUID()}`;
    await background.store.stage(new Blob([contents]), staged);
    return background.ask('packs:import', { staged });
  }

  it('imports a staged pack file and recompiles; a broken one is refused with every problem named', async () => {
    expect(value(await importFile(JSON.stringify(extra)))).toMatchObject({
      id: 'test.extra',
      name: 'Extra',
      entities: 1,
    });
    expect(background.changes.at(-1)).toContain('test.extra@1');
    expect((await matchPage(3, 'https://a.example/', 'Jordan')).entities[0]?.id).toBe('Q810');
    const broken = {
      ...extra,
      id: 'test.broken',
      entities: [
        { ...entity('Q1', 'place', 'X'), description: '' },
        { ...entity('Q2', 'planet' as 'place', 'Y') },
      ],
    };
    const refused = await importFile(JSON.stringify(broken));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors).toContain(
        'entity Q1 (X), field description: Invalid length: Expected >=1 but received 0',
      );
      expect(refused.errors.some((error) => error.startsWith('entity Q2 (Y), field kind'))).toBe(
        true,
      );
    }
    expect(value(await background.ask('packs:list', {})).imported.map((pack) => pack.id)).toEqual([
      'test.extra',
    ]);
    expect(await importFile('{ not json')).toMatchObject({ ok: false });
    const reserved = await importFile(JSON.stringify({ ...extra, id: 'backstory.user' }));
    expect(reserved.ok === false && reserved.errors[0]).toMatch(/reserved/);
    expect(value(await background.ask('packs:remove', { id: 'test.extra' }))).toEqual({
      removed: true,
    });
    expect(value(await background.ask('packs:remove', { id: 'backstory.default' }))).toEqual({
      removed: false,
    });
  });

  it("saves the reader's own entities (errors by field), and can leave them unmarked", async () => {
    const ledger = entity('user:levant-ledger', 'organisation', 'Levant Ledger', {
      en: ['Levant Ledger'],
    });
    value(await background.ask('user:save', { entity: ledger }));
    expect(value(await background.ask('packs:list', {})).user.map((item) => item.name)).toEqual([
      'Levant Ledger',
    ]);
    expect(
      (await matchPage(1, 'https://a.example/', 'The Levant Ledger reports')).mentions,
    ).toHaveLength(4);
    background.setSettings({ ...background.settings(), markOwnEntities: false });
    const unmarked = await matchPage(
      2,
      'https://b.example/',
      'The Levant Ledger reports from Daraa',
    );
    expect(unmarked.entities.map((found) => found.id)).toEqual(['Q238217']);
    expect(unmarked.mentions).toHaveLength(4);
    const invalid = await background.ask('user:save', { entity: { name: 'no id' } });
    expect(invalid.ok === false && invalid.errors.some((error) => error.startsWith('field'))).toBe(
      true,
    );
    expect(value(await background.ask('user:delete', { id: 'user:levant-ledger' }))).toEqual({
      removed: true,
    });
  });

  it('refuses payloads that fail their schema, naming the field', async () => {
    const answer = await background.ask('history:list', { limit: 5000 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.errors[0]).toMatch(/^message history:list, field limit: /);
    const forged = await background.route(
      { backstory: 1, name: 'page:match', payload: { session: 'x', key: 1 } },
      page(1, 'https://a.example/'),
    );
    expect(forged).toMatchObject({ ok: false });
  });
});
