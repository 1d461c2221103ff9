import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatVisit, safeWebUrl } from '@/utils/card/format';
import { buildCard, buildTimeline, groupHistory, TIMELINE_SHOWN } from '@/utils/card/view-model';
import type { TimelineEntry } from '@/utils/knowledge/schema';
import { entity } from '../../support/entities';

const link = (url: string) => [{ title: 't', outlet: 'Wikipedia', url }];

const DARAA_TIMELINE: TimelineEntry[] = [
  { date: '2024-12-08', title: 'Assad government falls' },
  {
    date: '2011-04-25',
    title: 'Army besieges the city',
    event: 'bs:siege-2011',
    links: link('https://e.org/siege'),
  },
  {
    date: '2018-07-12',
    title: 'Government retakes Daraa al-Balad',
    event: 'bs:offensive-2018',
    links: link('https://e.org/2018'),
  },
  {
    date: '2011-03-18',
    title: 'Protests begin',
    event: 'bs:protests-2011',
    links: link('https://e.org/protests'),
  },
  { date: '2021-06-24', title: 'Siege of Daraa al-Balad', event: 'bs:siege-2021' },
  {
    date: '2021-09-01',
    title: 'Ceasefire deal',
    event: 'bs:offensive-2021',
    links: link('https://e.org/2021'),
  },
  { date: '2024-12-07', title: 'Opposition takes the city', links: link('https://e.org/2024') },
];

describe('card timeline', () => {
  it('orders entries by date, partial dates first within their period', () => {
    const timeline = buildTimeline([
      { date: '2021-08-22', title: 'c' },
      { date: '2021', title: 'a' },
      { date: '2021-08', title: 'b' },
      { date: '2011-03-18', title: 'first' },
    ]);
    expect(timeline?.items.map((item) => item.title)).toEqual(['first', 'a', 'b', 'c']);
  });

  it('shows the weightiest entry of each year, earliest among equals, at most four, the rest behind "more"', () => {
    const timeline = buildTimeline(DARAA_TIMELINE);
    const shown = timeline?.items.filter((item) => item.key).map((item) => item.title);
    expect(shown).toEqual([
      'Protests begin',
      'Government retakes Daraa al-Balad',
      'Ceasefire deal',
      'Opposition takes the city',
    ]);
    expect(shown?.length).toBeLessThanOrEqual(TIMELINE_SHOWN);
    expect(timeline?.hidden).toBe(3);
    expect(timeline?.items).toHaveLength(7);
  });

  it('keeps only the most recent years when there are more than four', () => {
    const years = ['2000', '2005', '2010', '2015', '2020', '2025'].map((date) => ({
      date,
      title: date,
    }));
    const shown = buildTimeline(years)
      ?.items.filter((item) => item.key)
      .map((item) => item.title);
    expect(shown).toEqual(['2010', '2015', '2020', '2025']);
  });

  it('has no timeline when the entity has none', () => {
    expect(buildTimeline([])).toBeNull();
  });
});

describe('card formatting', () => {
  it('formats partial dates', () => {
    expect(formatPartialDate('2011')).toBe('2011');
    expect(formatPartialDate('2011-03')).toBe('Mar 2011');
    expect(formatPartialDate('2011-03-18')).toBe('18 Mar 2011');
  });

  it('shows only web links', () => {
    expect(safeWebUrl('https://en.wikipedia.org/wiki/Daraa')).toBe(
      'https://en.wikipedia.org/wiki/Daraa',
    );
    expect(safeWebUrl('javascript:alert(1)')).toBeNull();
    expect(safeWebUrl('data:text/html,hi')).toBeNull();
    expect(safeWebUrl('not a url')).toBeNull();
  });
});

describe('reading history on a card', () => {
  const now = new Date(2026, 10, 25, 15, 0).getTime();
  const day = 86_400_000;
  const page = (url: string, visitedAt: number) => ({
    url,
    title: `T ${url}`,
    site: new URL(url).host,
    entities: ['Q1'],
    visitedAt,
  });

  it('groups earlier pages into today, this week and earlier, newest first, at most five', () => {
    const groups = groupHistory(
      [
        page('https://a.example/1', now - 3 * day),
        page('https://b.example/2', now - 60_000),
        page('https://c.example/3', now - 30 * day),
        page('https://d.example/4', now - day),
        page('https://e.example/5', now - 40 * day),
        page('https://f.example/6', now - 50 * day),
        page('javascript:alert(1)', now),
      ],
      now,
    );
    expect(groups.map((group) => [group.label, group.pages.map((p) => p.url.slice(8, 9))])).toEqual(
      [
        ['Today', ['b']],
        ['This week', ['d', 'a']],
        ['Earlier', ['c', 'e']],
      ],
    );
    expect(groups[1]?.pages[0]?.dateLabel).toBe('yesterday');
    expect(formatVisit(now - 30 * day, now)).toBe('26 Oct 2026');
  });
});

describe('a ready card', () => {
  it('carries current facts only, safe links and the kind label', () => {
    const card = buildCard(
      {
        ...entity('Q238217', 'place', 'Daraa'),
        facts: [
          { label: 'Governorate', value: 'Daraa Governorate' },
          { label: 'Controlled by', value: 'Syrian government', from: '2018-07', to: '2024-12-07' },
        ],
        sources: [
          { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Daraa' },
          { title: 'Notes' },
        ],
        timeline: [
          {
            date: '2018',
            title: 'Retaken',
            links: [{ title: 'x', outlet: 'y', url: 'https://e.org/x' }],
          },
        ],
      },
      [],
      Date.UTC(2026, 10, 25),
    );
    expect(card.kindLabel).toBe('Place');
    expect(card.facts).toEqual([{ label: 'Governorate', value: 'Daraa Governorate' }]);
    expect(card.sources.map((source) => source.url)).toEqual([
      'https://en.wikipedia.org/wiki/Daraa',
    ]);
    expect(card.timeline?.items[0]?.links[0]?.url).toBe('https://e.org/x');
  });
});
