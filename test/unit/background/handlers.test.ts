import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundHandlers, badgeText } from '@/utils/background/handlers';
import { HistoryStore } from '@/utils/history/history-store';
import { PackService, type StoredMatcherRecord } from '@/utils/knowledge/pack-service';
import type { ReaderPackStore } from '@/utils/knowledge/reader-pack-store';
import type { KnowledgePack } from '@/utils/knowledge/schema';
import { emptyUserPack, type ReaderPacks, readerPackList } from '@/utils/knowledge/user-packs';
import { loadAtlas } from '@/utils/map/atlas';
import { LocatorService } from '@/utils/map/locator-service';
import type { PageSummary } from '@/utils/messages/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { entity } from '../../support/entities';

const DEFAULT_PACK: KnowledgePack = {
  format: 'backstory-pack',
  schemaVersion: 1,
  id: 'backstory.default',
  name: 'Default',
  version: '1',
  entities: [entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] })],
};

let history = new HistoryStore();
afterEach(async () => {
  await history.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('backstory-history');
    request.onsuccess = request.onerror = resolve;
  });
  history = new HistoryStore();
});

function setup(paused = false) {
  let readerPacks: ReaderPacks = { imported: [], user: emptyUserPack() };
  let stored: StoredMatcherRecord | null = null;
  const store: ReaderPackStore = {
    read: async () => ({ packs: readerPacks, warnings: [] }),
    write: async (packs) => {
      readerPacks = packs;
    },
  };
  const packs = new PackService({
    loadDefaultPack: async () => DEFAULT_PACK,
    loadUserPacks: async () => readerPackList(readerPacks),
    readStoredMatcher: async () => stored,
    writeStoredMatcher: async (record) => {
      stored = record;
    },
  });
  const badges = new Map<number, string>();
  const handlers = backgroundHandlers({
    packs,
    maps: new LocatorService({ entities: () => packs.all(), loadAtlas }),
    readerPacks: store,
    history,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, historyPaused: paused }),
    setBadge: (tabId, text) => badges.set(tabId, text),
    now: () => 1000,
  });
  return { handlers, badges, matcherKey: () => stored?.key, readerPacks: () => readerPacks };
}

const summary = (url: string): PageSummary => ({
  active: true,
  host: new URL(url).host,
  url,
  title: `About ${url}`,
  entities: [{ id: 'Q238217', name: 'Daraa', kind: 'place', count: 2 }],
});
const tab = (id: number, url: string) => ({ id: 'ext', url, tab: { id } });

describe('background handlers', () => {
  it('sets the badge and records the page, then lists it on the card of another page', async () => {
    const { handlers, badges } = setup();
    await handlers['page:summary'](
      summary('https://a.example/first'),
      tab(1, 'https://a.example/first'),
    );
    expect(badges.get(1)).toBe('1');
    const card = await handlers['entity:card'](
      { id: 'Q238217' },
      tab(2, 'https://b.example/second'),
    );
    expect(card.entity?.name).toBe('Daraa');
    expect(card.history.map((page) => page.url)).toEqual(['https://a.example/first']);
    const own = await handlers['entity:card']({ id: 'Q238217' }, tab(1, 'https://a.example/first'));
    expect(own.history).toEqual([]);
  });

  it('records nothing while the history is paused, and hides the badge on inactive pages', async () => {
    const { handlers, badges } = setup(true);
    await handlers['page:summary'](
      summary('https://a.example/first'),
      tab(1, 'https://a.example/first'),
    );
    expect(await history.count()).toBe(0);
    await handlers['page:summary'](
      { ...summary('https://a.example/x'), active: false },
      tab(3, 'https://a.example/x'),
    );
    expect(badges.get(3)).toBe('');
    expect(badgeText({ ...summary('https://a.example/x'), entities: [] })).toBe('');
  });

  it('imports a valid pack and recompiles; rejects an invalid one naming the field, keeping what was there', async () => {
    const { handlers, matcherKey, readerPacks } = setup();
    const pack = {
      ...DEFAULT_PACK,
      id: 'test.extra',
      name: 'Extra',
      entities: [entity('Q810', 'place', 'Jordan')],
    };
    expect(
      await handlers['packs:import']({ data: pack }, tab(0, 'chrome-extension://x/options.html')),
    ).toMatchObject({ name: 'Extra', entities: 1 });
    expect(matcherKey()).toContain('test.extra@1');
    const broken = {
      ...pack,
      id: 'test.broken',
      entities: [{ ...entity('Q1', 'place', 'X'), description: '' }],
    };
    await expect(handlers['packs:import']({ data: broken }, tab(0, 'x'))).rejects.toThrow(
      'entity Q1 (X), field description',
    );
    expect(readerPacks().imported.map((p) => p.id)).toEqual(['test.extra']);
    await expect(
      handlers['packs:import']({ data: { ...pack, id: 'backstory.user' } }, tab(0, 'x')),
    ).rejects.toThrow('reserved');
  });

  it('builds a locator map for a place with coordinates, and none for other entities', async () => {
    const { handlers } = setup();
    await handlers['user:save'](
      {
        entity: {
          ...entity('user:tafas', 'place', 'Tafas'),
          coordinates: { lat: 32.74, lon: 35.97 },
          country: 'SY',
        },
      },
      tab(0, 'x'),
    );
    const map = await handlers['map:locator']({ id: 'user:tafas' }, tab(1, 'https://a.example/'));
    expect(map?.alt).toMatch(/^Map: Tafas, in .*Syria/);
    expect(map?.place).toBeDefined();
    expect(
      await handlers['map:locator']({ id: 'Q238217' }, tab(1, 'https://a.example/')),
    ).toBeNull();
  });

  it("saves the reader's own entity so the next matcher knows it", async () => {
    const { handlers, matcherKey } = setup();
    await handlers['user:save'](
      { entity: entity('user:levant-ledger', 'organisation', 'Levant Ledger') },
      tab(0, 'x'),
    );
    expect(matcherKey()).toContain('backstory.user@1000');
    const list = await handlers['packs:list']({}, tab(0, 'x'));
    expect(list.user.map((item) => item.name)).toEqual(['Levant Ledger']);
    await expect(handlers['user:save']({ entity: { name: 'no id' } }, tab(0, 'x'))).rejects.toThrow(
      'field',
    );
    expect(await handlers['user:delete']({ id: 'user:levant-ledger' }, tab(0, 'x'))).toEqual({
      removed: true,
    });
  });
});
