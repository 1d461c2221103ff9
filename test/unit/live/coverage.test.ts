import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, type CoverageItem, canonicalUrl, earlierCoverage } from '@/utils/live/coverage';
import { DEFAULT_ENDPOINTS } from '@/utils/live/endpoints';
import { GDELT_EARLIEST, gdeltReach, gdeltUrl, parseGdelt } from '@/utils/live/gdelt';
import { guardianUrl, parseGuardian } from '@/utils/live/guardian';
import { earlierCoverageLinks } from '@/utils/live/search-link';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fakes/fixtures/${path}`, import.meta.url), 'utf8'));
const params = (url: string | null) => Object.fromEntries(new URL(url ?? 'x:').searchParams);
const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('earlier coverage, whatever the source', () => {
  const item = (date: string, url: string, title = `Story of ${date}`): CoverageItem => ({
    title,
    url,
    outlet: 'levant-monitor.example',
    date,
  });

  it('keeps only what came before the article, newest first', () => {
    const items = [
      item('2021-08-31', 'https://a.example/1'),
      item('2021-09-01', 'https://a.example/2'),
      item('2021-09-06', 'https://a.example/3'),
      item('2021-06-25', 'https://a.example/4'),
      item('not a date', 'https://a.example/5'),
    ];
    expect(earlierCoverage(items, '2021-09-01').map((entry) => entry.date)).toEqual([
      '2021-08-31',
      '2021-06-25',
    ]);
    // A date known only to the month counts from its first day.
    expect(earlierCoverage(items, '2021-09').map((entry) => entry.date)).toEqual([
      '2021-08-31',
      '2021-06-25',
    ]);
  });

  it('lists each article once, and never the article being read', () => {
    const items = [
      item('2021-07-29', 'https://levant-monitor.example/2021/07/29/fighting'),
      item(
        '2021-07-29',
        'https://www.levant-monitor.example/2021/07/29/fighting/?utm_source=x#top',
      ),
      item('2021-07-28', 'https://levant-monitor.example/amp/other', 'Story of 2021-07-29'),
      item('2021-07-27', 'https://levant-monitor.example/reading-now'),
      item('2021-07-26', 'javascript:alert(1)'),
    ];
    const kept = earlierCoverage(items, '2021-09-01', {
      exceptUrl: 'https://levant-monitor.example/reading-now?utm_medium=social',
    });
    expect(kept.map((entry) => entry.url)).toEqual([
      'https://levant-monitor.example/2021/07/29/fighting',
    ]);
  });

  it('compares addresses without scheme, www, amp, tracking or trailing slash', () => {
    expect(canonicalUrl('https://www.example.org/a/b/?utm_campaign=x&id=2#c')).toBe(
      'example.org/a/b?id=2',
    );
    expect(canonicalUrl('https://example.org/a/b/amp')).toBe('example.org/a/b');
    expect(canonicalUrl('data:text/html,hi')).toBeNull();
  });

  it('adds days across months and years in UTC', () => {
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

describe('GDELT DOC 2.0', () => {
  it('asks for a window ending at the article’s day, in the documented form', () => {
    const url = gdeltUrl(DEFAULT_ENDPOINTS, ['Daraa', 'Deraa'], '2021-09-01');
    expect(url?.startsWith('https://api.gdeltproject.org/api/v2/doc/doc?')).toBe(true);
    expect(params(url)).toEqual({
      query: '("Daraa" OR "Deraa")',
      mode: 'ArtList',
      format: 'json',
      maxrecords: '50',
      sort: 'DateDesc',
      startdatetime: '20210603000000',
      enddatetime: '20210901000000',
    });
  });

  it('never starts before 2017, never sends short names, and asks nothing without a name', () => {
    expect(params(gdeltUrl(DEFAULT_ENDPOINTS, ['Daraa'], '2017-02-01')).startdatetime).toBe(
      '20170101000000',
    );
    expect(params(gdeltUrl(DEFAULT_ENDPOINTS, ['UN', 'SANA'], '2021-09-01')).query).toBe('"SANA"');
    expect(gdeltUrl(DEFAULT_ENDPOINTS, ['UN'], '2021-09-01')).toBeNull();
    expect(gdeltUrl(DEFAULT_ENDPOINTS, ['Daraa'], '2011-03-18')).toBeNull();
    expect(
      params(gdeltUrl(DEFAULT_ENDPOINTS, ['Daraa'], '2021-09-01', { sourceLanguage: 'english' }))
        .query,
    ).toBe('"Daraa" sourcelang:english');
  });

  it('says how far it can be trusted: three months documented, back to 2017 best effort', () => {
    expect(gdeltReach('2025-05-01', NOW)).toBe('documented');
    expect(gdeltReach('2025-03-05', NOW)).toBe('documented');
    expect(gdeltReach('2025-03-01', NOW)).toBe('best-effort');
    expect(gdeltReach('2021-09-01', NOW)).toBe('best-effort');
    expect(gdeltReach(GDELT_EARLIEST, NOW)).toBe('none');
    expect(gdeltReach('2011-03', NOW)).toBe('none');
  });

  it('reads an ArtList answer; an empty result is {}', () => {
    const articles = fixture('gdelt/artlist.json').daraa;
    const items = parseGdelt({ articles });
    expect(items?.[0]).toEqual({
      title: 'Government forces tighten siege of Daraa al-Balad',
      url: 'https://levant-monitor.example/2021/06/25/siege-daraa-al-balad',
      outlet: 'levant-monitor.example',
      date: '2021-06-25',
    });
    expect(parseGdelt({})).toEqual([]);
    expect(parseGdelt({ error: 'x' })).toBeNull();
    expect(parseGdelt('<html>')).toBeNull();
  });

  it('filters defensively: what GDELT returns from after the article is dropped', () => {
    const items = parseGdelt({ articles: fixture('gdelt/artlist.json').daraa }) ?? [];
    expect(items.map((entry) => entry.date)).toContain('2021-09-06');
    expect(earlierCoverage(items, '2021-09-01').map((entry) => entry.title)).toEqual([
      'Russian mediators put a new plan to Daraa negotiators',
      'Jordan closes Jaber crossing as clashes rage in Daraa',
      'Fighting erupts in Daraa as army pushes into old quarter',
      'Government forces tighten siege of Daraa al-Balad',
    ]);
  });
});

describe('The Guardian', () => {
  it('searches up to the day before the article, newest first, with the reader’s key', () => {
    const url = guardianUrl(DEFAULT_ENDPOINTS, ['Daraa'], '2021-09-01', ' key-123 ');
    expect(url?.startsWith('https://content.guardianapis.com/search?')).toBe(true);
    expect(params(url)).toEqual({
      q: '"Daraa"',
      'from-date': '2019-09-01',
      'to-date': '2021-08-31',
      'order-by': 'newest',
      'page-size': '20',
      'api-key': 'key-123',
    });
    expect(guardianUrl(DEFAULT_ENDPOINTS, ['Daraa'], '2021-09-01', '  ')).toBeNull();
  });

  it('reads results, filtered to before the article', () => {
    const results = fixture('guardian/search.json').daraa;
    const items = parseGuardian({ response: { status: 'ok', results } }) ?? [];
    expect(items).toHaveLength(5);
    expect(items[0]).toEqual({
      title: 'Security forces fire on protesters in Syrian city of Daraa',
      url: 'https://www.theguardian.com/world/2011/mar/18/syria-protests-daraa-fixture',
      outlet: 'The Guardian',
      date: '2011-03-18',
    });
    expect(earlierCoverage(items, '2021-09-01').map((entry) => entry.date)).toEqual([
      '2021-07-29',
      '2018-10-15',
      '2018-07-06',
      '2011-03-18',
    ]);
    expect(parseGuardian({ response: { status: 'error', message: 'Invalid key' } })).toBeNull();
  });
});

describe('search earlier coverage on this site', () => {
  it('links to the site’s own search and a web search bounded by the article’s date', () => {
    const links = earlierCoverageLinks({
      pageUrl: 'https://www.bbc.co.uk/news/world-middle-east-58000000?at_medium=x',
      name: 'Daraa',
      articleDate: '2021-09-01',
    });
    expect(links).toEqual([
      {
        kind: 'site',
        label: 'Search bbc.co.uk for Daraa',
        url: 'https://www.bbc.co.uk/search?q=Daraa',
        host: 'bbc.co.uk',
        name: 'Daraa',
        beforeArticle: false,
      },
      {
        kind: 'web',
        label: 'Search the web for Daraa on bbc.co.uk, before this article',
        url: `https://www.google.com/search?q=${encodeURIComponent('site:bbc.co.uk "Daraa" before:2021-08-31')}`,
        host: 'bbc.co.uk',
        name: 'Daraa',
        beforeArticle: true,
      },
    ]);
  });

  it('uses only the host of the page, and nothing for pages that are not on the web', () => {
    const [web] = earlierCoverageLinks({
      pageUrl: 'https://news.example/2021/09/01/secret-path?token=abc',
      name: 'Bashar "al-Assad"',
    });
    expect(web?.url).not.toContain('secret-path');
    expect(web?.url).not.toContain('token');
    expect(decodeURIComponent(web?.url ?? '')).toContain('site:news.example "Bashar al-Assad"');
    expect(earlierCoverageLinks({ pageUrl: 'file:///tmp/a.html', name: 'Daraa' })).toEqual([]);
    expect(earlierCoverageLinks({ pageUrl: 'not a url', name: 'Daraa' })).toEqual([]);
  });
});
