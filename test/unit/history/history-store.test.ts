import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore, historyKey, MAX_PAGES, SHOWN_PER_SITE } from '@/utils/history/history-store';

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
  it('stores one record per article, without query strings or fragments (tokens never kept)', () => {
    expect(historyKey('https://news.example/a?utm_source=x&session=secret#comments')).toBe(
      'https://news.example/a',
    );
    expect(historyKey('https://m.news.example/a?id=3', 'https://news.example/2021/a')).toBe(
      'https://news.example/2021/a',
    );
    expect(historyKey('https://news.example/a', 'https://elsewhere.example/b')).toBe(
      'https://news.example/a',
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
    await store.record(visit('https://a.example/live?page=2', ['Q858'], 2000));
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
    const small = new HistoryStore({ maxPages: 3, name: 'history-small' });
    for (let i = 1; i <= 5; i++) await small.record(visit(`https://s${i}.example/`, ['Q1'], i));
    expect((await small.list()).map((page) => page.url)).toEqual([
      'https://s5.example/',
      'https://s4.example/',
      'https://s3.example/',
    ]);
    await small.close();
    expect(MAX_PAGES).toBeGreaterThanOrEqual(1000);
  });

  it('keeps each site to its share, so no site pushes the others out', async () => {
    const small = new HistoryStore({ perSite: 2, name: 'history-share' });
    await small.record(visit('https://kept.example/real', ['Q1'], 1));
    for (let i = 1; i <= 5; i++)
      await small.record(visit(`https://flood.example/${i}`, ['Q1'], 10 * 3_600_000 * i));
    expect((await small.list()).map((page) => page.url)).toEqual([
      'https://flood.example/5',
      'https://flood.example/4',
      'https://kept.example/real',
    ]);
    await small.close();
  });

  it('adds few new pages per site per hour; revisits still refresh', async () => {
    const small = new HistoryStore({ perSiteHour: 2, name: 'history-hour' });
    expect(await small.record(visit('https://a.example/1', ['Q1'], 1000))).toBe('recorded');
    expect(await small.record(visit('https://a.example/2', ['Q1'], 2000))).toBe('recorded');
    expect(await small.record(visit('https://a.example/3', ['Q1'], 3000))).toBe('site-limit');
    expect(await small.record(visit('https://a.example/1', ['Q2'], 4000))).toBe('updated');
    expect(await small.record(visit('https://b.example/1', ['Q1'], 5000))).toBe('recorded');
    expect(await small.record(visit('https://a.example/3', ['Q1'], 3_700_000))).toBe('recorded');
    await small.close();
  });

  it('shows at most a few pages per site on a card', async () => {
    for (let i = 1; i <= 4; i++) await store.record(visit(`https://a.example/${i}`, ['Q1'], i));
    await store.record(visit('https://b.example/1', ['Q1'], 0));
    const shown = await store.pagesMentioning('Q1', null);
    expect(shown.filter((page) => page.site === 'a.example')).toHaveLength(SHOWN_PER_SITE);
    expect(shown.map((page) => page.site)).toContain('b.example');
  });
});
