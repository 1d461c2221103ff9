import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore, historyKey, MAX_PAGES } from '@/utils/history/history-store';

const store = new HistoryStore();

afterEach(async () => {
  await store.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('backstory-history');
    request.onsuccess = request.onerror = resolve;
  });
});

const visit = (url: string, entities: string[], visitedAt: number) => ({
  url,
  title: `Title of ${url}`,
  site: new URL(url).host,
  entities,
  visitedAt,
});

describe('reading history', () => {
  it('stores one record per article, without fragments or tracking parameters', () => {
    expect(historyKey('https://news.example/a?utm_source=x&id=3#comments')).toBe(
      'https://news.example/a?id=3',
    );
    expect(historyKey('chrome://settings')).toBeNull();
  });

  it('finds earlier pages that mentioned an entity, newest first, without the current page', async () => {
    await store.record(visit('https://a.example/daraa-2018', ['Q238217', 'Q858'], 1000));
    await store.record(visit('https://b.example/daraa-2021', ['Q238217'], 2000));
    await store.record(visit('https://c.example/football', ['Q18656'], 3000));
    const pages = await store.pagesMentioning('Q238217', 'https://b.example/daraa-2021#top');
    expect(pages.map((page) => page.url)).toEqual(['https://a.example/daraa-2018']);
    expect((await store.pagesMentioning('Q238217', null)).map((page) => page.url)).toEqual([
      'https://b.example/daraa-2021',
      'https://a.example/daraa-2018',
    ]);
  });

  it('merges entities found on later visits of the same page', async () => {
    await store.record(visit('https://a.example/live', ['Q238217'], 1000));
    await store.record(visit('https://a.example/live?utm_medium=social', ['Q858'], 2000));
    const [page] = await store.list();
    expect(page?.entities.sort()).toEqual(['Q238217', 'Q858']);
    expect(await store.count()).toBe(1);
  });

  it('lists, clears, and ignores pages with no entities or no web address', async () => {
    await store.record(visit('https://a.example/1', [], 1));
    await store.record({ ...visit('https://a.example/2', ['Q1'], 2), url: 'about:blank' });
    expect(await store.count()).toBe(0);
    await store.record(visit('https://a.example/3', ['Q1'], 3));
    expect(await store.list()).toHaveLength(1);
    await store.clear();
    expect(await store.count()).toBe(0);
  });

  it('keeps at most its page limit, dropping the oldest visits', async () => {
    const small = new HistoryStore(3);
    for (let i = 1; i <= 5; i++) await small.record(visit(`https://a.example/${i}`, ['Q1'], i));
    expect((await small.list()).map((page) => page.url)).toEqual([
      'https://a.example/5',
      'https://a.example/4',
      'https://a.example/3',
    ]);
    await small.close();
    expect(MAX_PAGES).toBeGreaterThanOrEqual(1000);
  });
});
