import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { correctMark } from '@/utils/corrections/apply';
import { type Correction, foldName } from '@/utils/corrections/correction';
import { correctionsFor, correctionsKey } from '@/utils/corrections/correction-index';
import {
  CORRECTIONS_ITEM,
  CorrectionStore,
  parseStored,
} from '@/utils/corrections/correction-store';

function memoryStore() {
  let stored: unknown = null;
  let n = 0;
  const store = new CorrectionStore(
    {
      read: async () => structuredClone(stored),
      write: async (list) => {
        stored = structuredClone(list);
      },
    },
    () => `c-test-${++n}`,
  );
  return { store, stored: () => stored };
}

describe('correction store', () => {
  it('adds, lists and replaces a correction for the same name and place', async () => {
    const { store, stored } = memoryStore();
    const first = await store.add(
      { surface: 'WASHINGTON', action: 'choose', entity: 'Q61', scope: 'site' },
      'news.example',
      1000,
      'Washington, D.C.',
    );
    expect(first).toMatchObject({
      folded: 'washington',
      site: 'news.example',
      action: 'choose',
      entity: 'Q61',
      entityName: 'Washington, D.C.',
      createdAt: 1000,
    });
    await store.add({ surface: 'PM', action: 'never', scope: 'everywhere' }, 'news.example', 2000);
    // The same name on the same site: the newer choice replaces the older.
    await store.add({ surface: 'Washington', action: 'none', scope: 'site' }, 'news.example', 3000);
    const list = await store.list();
    expect(list.map((c) => `${c.folded}@${c.site ?? '*'}:${c.action}`)).toEqual([
      'pm@*:never',
      'washington@news.example:none',
    ]);
    expect(stored()).toEqual(list);
  });

  it('undoes one correction, then all', async () => {
    const { store } = memoryStore();
    const a = await store.add({ surface: 'PM', action: 'never', scope: 'site' }, 'a.example', 1);
    await store.add({ surface: 'Labour', action: 'none', scope: 'site' }, 'a.example', 2);
    expect(await store.remove(a.id)).toBe(true);
    expect(await store.remove(a.id)).toBe(false);
    expect((await store.list()).map((c) => c.surface)).toEqual(['Labour']);
    expect(await store.clear()).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it('changes its key with every change, so pages match again', async () => {
    const { store } = memoryStore();
    expect(await store.key()).toBe('');
    const a = await store.add({ surface: 'PM', action: 'never', scope: 'site' }, 'a.example', 1);
    const one = await store.key();
    expect(one).not.toBe('');
    await store.remove(a.id);
    expect(await store.key()).toBe('');
  });

  it('refuses a site correction where the page has no site', async () => {
    const { store } = memoryStore();
    await expect(
      store.add({ surface: 'PM', action: 'never', scope: 'site' }, null, 1),
    ).rejects.toThrow();
  });

  it('exports and imports: a round trip gives the same corrections', async () => {
    const { store } = memoryStore();
    await store.add({ surface: 'PM', action: 'never', scope: 'everywhere' }, 'a.example', 1);
    await store.add(
      { surface: 'Washington', action: 'choose', entity: 'Q61', scope: 'site' },
      'a.example',
      2,
    );
    const exported = JSON.parse(JSON.stringify(await store.list())) as Correction[];
    const other = memoryStore();
    expect(await other.store.importList(exported)).toBe(2);
    expect(await other.store.list()).toEqual(exported);
    // Importing again changes nothing.
    await other.store.importList(exported);
    expect(await other.store.list()).toEqual(exported);
  });

  it('lists a correction whose chosen entity left the packs as stale', async () => {
    const { store } = memoryStore();
    await store.add(
      { surface: 'Washington', action: 'choose', entity: 'Q61', scope: 'site' },
      'a.example',
      1,
    );
    await store.add(
      { surface: 'Georgia', action: 'choose', entity: 'Q230', scope: 'site' },
      'a.example',
      2,
    );
    await store.add({ surface: 'PM', action: 'never', scope: 'site' }, 'a.example', 3);
    const listed = await store.listed(async (id) => id === 'Q61');
    expect(listed.map((c) => `${c.surface} ${c.stale}`)).toEqual([
      'Washington false',
      'Georgia true',
      'PM false',
    ]);
  });

  it('drops damaged stored entries one by one, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const good: Correction = {
      id: 'c-good1',
      surface: 'PM',
      folded: 'pm',
      site: null,
      action: 'never',
      createdAt: 1,
    };
    expect(parseStored([good, { ...good, id: 'x' }, { __proto__: 1 }, 'junk'])).toEqual([good]);
    expect(parseStored('junk')).toEqual([]);
    expect(parseStored(undefined)).toEqual([]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('corrections as marks are made', () => {
  const corrections: Correction[] = [
    { id: 'c-1111', surface: 'PM', folded: 'pm', site: null, action: 'never', createdAt: 1 },
    {
      id: 'c-2222',
      surface: 'Washington',
      folded: 'washington',
      site: 'a.example',
      action: 'choose',
      entity: 'Q61',
      createdAt: 2,
    },
    {
      id: 'c-3333',
      surface: 'Washington',
      folded: 'washington',
      site: 'b.example',
      action: 'none',
      createdAt: 3,
    },
  ];
  const indexOf = (id: string) => ['Q1223', 'Q61'].indexOf(id);

  it('folds names as the matcher does', () => {
    expect(foldName('  WASHINGTON ')).toBe('washington');
    expect(foldName('Bashar al-Assad')).toBe(foldName('bashar al‐assad'));
    expect(foldName('...')).toBe('');
  });

  it('applies the site’s corrections before everywhere’s', () => {
    const text = 'WASHINGTON — The PM said';
    const onA = correctionsFor(corrections, 'a.example');
    expect(correctMark(text, 0, 10, 0, onA, indexOf)).toBe(1);
    expect(correctMark(text, 17, 19, 5, onA, indexOf)).toBeNull();
    const onB = correctionsFor(corrections, 'b.example');
    expect(correctMark(text, 0, 10, 0, onB, indexOf)).toBeNull();
    const elsewhere = correctionsFor(corrections, 'c.example');
    expect(correctMark(text, 0, 10, 0, elsewhere, indexOf)).toBe(0);
  });

  it('keeps the resolver’s choice when the chosen entity is gone (stale)', () => {
    const onA = correctionsFor(corrections, 'a.example');
    expect(correctMark('Washington', 0, 10, 0, onA, () => -1)).toBe(0);
  });

  it('keys depend on the corrections', () => {
    expect(correctionsKey([])).toBe('');
    expect(correctionsKey(corrections)).not.toBe(correctionsKey(corrections.slice(1)));
  });
});

describe('corrections in local storage', () => {
  it('are kept in the extension’s local storage only, and read back by the next wake', async () => {
    fakeBrowser.reset();
    const store = new CorrectionStore();
    await store.add({ surface: 'PM', action: 'never', scope: 'everywhere' }, 'a.example', 5);
    const key = CORRECTIONS_ITEM.replace('local:', '');
    const stored = await fakeBrowser.storage.local.get(key);
    expect(stored[key]).toEqual([expect.objectContaining({ folded: 'pm', site: null })]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    // A second store (the background waking again) reads the same list.
    expect((await new CorrectionStore().list()).map((c) => c.surface)).toEqual(['PM']);
  });
});
