import { describe, expect, it } from 'vitest';
import type { ArticleDate } from '@/utils/article-date/choose';
import { factsAt, splitTimeline, startKey } from '@/utils/card/dated';
import { buildCard } from '@/utils/card/view-model';
import type { Fact } from '@/utils/knowledge/schema';
import { entity } from '../../support/entities';

const ASSAD_FACTS: Fact[] = [
  { label: 'Born', value: '11 September 1965, Damascus' },
  { label: 'Office', value: 'President of Syria', from: '2000-07-17', to: '2024-12-08' },
  { label: 'Status', value: 'In exile in Moscow', from: '2024-12-08' },
];

const dated = (date: string): ArticleDate => ({
  date,
  source: 'meta',
  confidence: 0.9,
  detail: 'meta article:published_time',
  conflicts: [],
});

describe('dated facts', () => {
  it('orders partial dates by the start of their period', () => {
    expect(startKey('2018')).toBe('2018-01-01');
    expect(startKey('2018-07')).toBe('2018-07-01');
    expect(startKey('2018-07-12')).toBe('2018-07-12');
  });

  it('before their validity: a fact that begins later is "since", one that has not begun is not "then"', () => {
    const { then, since } = factsAt(ASSAD_FACTS, '1999-05-01');
    expect(then.map((fact) => fact.value)).toEqual(['11 September 1965, Damascus']);
    expect(since.map((fact) => `${fact.value} (${fact.note})`)).toEqual([
      'President of Syria (since 17 Jul 2000)',
      'In exile in Moscow (since 8 Dec 2024)',
    ]);
  });

  it('during their validity: stated as they stood, flagged when they changed since', () => {
    const { then, since } = factsAt(ASSAD_FACTS, '2021-08-22');
    expect(then).toEqual([
      { label: 'Born', value: '11 September 1965, Damascus' },
      { label: 'Office', value: 'President of Syria', note: 'until 8 Dec 2024', changed: true },
    ]);
    expect(since).toEqual([
      { label: 'Status', value: 'In exile in Moscow', note: 'since 8 Dec 2024' },
    ]);
  });

  it('after their validity: what ended is left out, what holds is stated plainly', () => {
    const { then, since } = factsAt(ASSAD_FACTS, '2026-11-25');
    expect(then.map((fact) => fact.value)).toEqual([
      '11 September 1965, Damascus',
      'In exile in Moscow',
    ]);
    expect(since).toEqual([]);
  });

  it('the last day of a validity is outside it (the `to` date is when it stopped)', () => {
    expect(factsAt(ASSAD_FACTS, '2024-12-08').then.map((fact) => fact.label)).toEqual([
      'Born',
      'Status',
    ]);
    expect(factsAt(ASSAD_FACTS, '2024-12-07').then.map((fact) => fact.label)).toEqual([
      'Born',
      'Office',
    ]);
  });
});

describe('timeline split at the article date', () => {
  const entries = [
    { date: '2011-03-18', title: 'Protests begin' },
    { date: '2018-07', title: '2018 offensive' },
    { date: '2021-08-22', title: 'Same day' },
    { date: '2021-09-01', title: 'Ceasefire' },
    { date: '2024-12-07', title: 'Fall' },
  ];

  it('puts entries up to and including the date before, the rest after', () => {
    const { before, since } = splitTimeline(entries, '2021-08-22');
    expect(before.map((entry) => entry.title)).toEqual([
      'Protests begin',
      '2018 offensive',
      'Same day',
    ]);
    expect(since.map((entry) => entry.title)).toEqual(['Ceasefire', 'Fall']);
  });

  it('on a 2017 article the 2018 offensive comes after', () => {
    const { since } = splitTimeline(entries, '2017-06-01');
    expect(since.map((entry) => entry.title)).toContain('2018 offensive');
  });

  it('shapes the card: headings, the article date between, facts then and since', () => {
    const daraa = { ...entity('Q238217', 'place', 'Daraa'), timeline: entries, facts: ASSAD_FACTS };
    const card = buildCard(daraa, [], Date.UTC(2026, 10, 25), dated('2021-08-22'));
    expect(card.article).toMatchObject({ date: '2021-08-22', label: '22 Aug 2021', known: true });
    expect(card.timeline?.heading).toBe('Before this article');
    expect(card.since?.heading).toBe('Since this article');
    expect(card.since?.items.map((item) => item.title)).toEqual(['Ceasefire', 'Fall']);
    expect(card.factsSince.map((fact) => fact.value)).toEqual(['In exile in Moscow']);
    const undated = buildCard(daraa, [], Date.UTC(2026, 10, 25), {
      ...dated('2026-11-25'),
      source: 'none',
    });
    expect(undated.article.known).toBe(false);
    expect(undated.timeline?.heading).toBe('Earlier coverage');
    expect(undated.since).toBeNull();
  });
});
