import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, LiveCache } from '@/utils/live/cache';

const NAME = 'backstory-live-cache-test';
let now = Date.parse('2024-12-08T10:00:00Z');
const caches: LiveCache[] = [];

function cache(options: { maxEntries?: number } = {}) {
  const made = new LiveCache({ name: NAME, now: () => now, ...options });
  caches.push(made);
  return made;
}

afterEach(async () => {
  for (const made of caches.splice(0)) await made.close();
  now = Date.parse('2024-12-08T10:00:00Z');
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = request.onerror = resolve;
  });
});

const isSummary = (value: unknown): value is { title: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { title?: unknown }).title === 'string';

describe('live cache', () => {
  it('keeps a value for a day by default, then forgets it', async () => {
    const store = cache();
    await store.set('wikipedia:en:Daraa', { title: 'Daraa' });
    now += DAY_MS - 1;
    expect(await store.get('wikipedia:en:Daraa', isSummary)).toEqual({ title: 'Daraa' });
    now += 1;
    expect(await store.get('wikipedia:en:Daraa')).toBeUndefined();
  });

  it('honours a shorter time to live per entry', async () => {
    const store = cache();
    await store.set('gdelt:Daraa', [], 60_000);
    now += 60_000;
    expect(await store.get('gdelt:Daraa')).toBeUndefined();
  });

  it('asks once a day: concurrent and later calls share one load', async () => {
    const store = cache();
    const load = vi.fn(async () => ({ title: 'Daraa' }));
    const [a, b] = await Promise.all([store.through('k', load), store.through('k', load)]);
    expect(a).toEqual(b);
    await store.through('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    now += DAY_MS;
    await store.through('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep what `keep` refuses (errors are asked again)', async () => {
    const store = cache();
    const load = vi.fn(async () => ({ ok: false }));
    await store.through('k', load, { keep: (value) => value.ok });
    await store.through('k', load, { keep: (value) => value.ok });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('stays within its bound, dropping the oldest entries first', async () => {
    const store = cache({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      await store.set(key, key);
      now += 1000;
    }
    expect(await store.count()).toBe(3);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('e')).toBe('e');
  });

  it('ignores and removes damaged entries, and values of the wrong shape', async () => {
    const store = cache();
    await store.set('fine', { title: 'x' });
    await store.close();
    const db = await openDB(NAME, 1);
    await db.put('entries', { key: 'broken', value: 1, expires: 'tomorrow', stored: now });
    await db.put('entries', {
      key: 'old-shape',
      value: { name: 'x' },
      expires: now + 1,
      stored: now,
    });
    db.close();
    const reopened = cache();
    expect(await reopened.get('broken')).toBeUndefined();
    expect(await reopened.get('old-shape', isSummary)).toBeUndefined();
    expect(await reopened.get('fine', isSummary)).toEqual({ title: 'x' });
    expect(await reopened.count()).toBe(2);
  });

  it('clears everything', async () => {
    const store = cache();
    await store.set('a', 1);
    await store.clear();
    expect(await store.count()).toBe(0);
  });
});
