import { describe, expect, it } from 'vitest';
import type { ArticleDate } from '@/utils/article-date/choose';
import { liveView, mergeFacts, withLive } from '@/utils/card/live-model';
import { buildCard } from '@/utils/card/view-model';
import type { Fact } from '@/utils/knowledge/schema';
import type { LiveAnswer } from '@/utils/live/answer';
import { allowedPicture, WIKIMEDIA_IMAGES } from '@/utils/live/build-config';
import { earlierCoverageLinks } from '@/utils/live/search-link';
import { entity } from '../../support/entities';

const AUGUST_2021: ArticleDate = {
  date: '2021-08-22',
  source: 'meta',
  confidence: 0.9,
  detail: 'meta article:published_time',
  conflicts: [],
};

const SYRIA_LIVE: Fact[] = [
  { label: 'Head of state', value: 'Ahmed al-Sharaa', from: '2025-01-29' },
  { label: 'Head of state', value: 'Bashar al-Assad', from: '2000-07-17', to: '2024-12-08' },
  { label: 'Capital', value: 'Damascus' },
  { label: 'Population', value: '17,500,660', from: '2020' },
  { label: 'Founded', value: '17 Apr 1946' },
];

describe('live facts merged with the pack’s', () => {
  it('adds what the pack lacks, live first, and leaves out what the pack already states', () => {
    const pack: Fact[] = [
      { label: 'Capital', value: 'Damascus' },
      { label: 'Founded', value: '17 April 1946 (independence)' },
    ];
    expect(mergeFacts(pack, SYRIA_LIVE).map((fact) => `${fact.label}: ${fact.value}`)).toEqual([
      'Head of state: Ahmed al-Sharaa',
      'Head of state: Bashar al-Assad',
      'Population: 17,500,660',
      'Capital: Damascus',
      'Founded: 17 April 1946 (independence)',
    ]);
  });

  it('compares values without case, accents or bracketed notes', () => {
    const pack: Fact[] = [{ label: 'Population', value: '97,969 (2004 census)' }];
    const live: Fact[] = [{ label: 'Population', value: '97,969', from: '2004' }];
    expect(mergeFacts(pack, live)).toEqual(pack);
  });

  it('Wikidata’s dated facts go through the card’s “then” and “Changed since this article”', () => {
    const syria = withLive(
      { ...entity('Q858', 'place', 'Syria'), facts: [{ label: 'Capital', value: 'Damascus' }] },
      { asked: ['wikidata'], failed: [], facts: SYRIA_LIVE },
    );
    const card = buildCard(syria, [], Date.parse('2026-11-30'), AUGUST_2021);
    expect(card.facts).toContainEqual({
      label: 'Head of state',
      value: 'Bashar al-Assad',
      note: 'until 8 Dec 2024',
      changed: true,
    });
    expect(card.factsSince).toContainEqual({
      label: 'Head of state',
      value: 'Ahmed al-Sharaa',
      note: 'since 29 Jan 2025',
    });
  });
});

describe('the entity with live answers', () => {
  const wikipedia = {
    title: 'Jordan River',
    url: 'https://en.wikipedia.org/wiki/Jordan_River',
    description: 'River in the Middle East',
    extract: 'The Jordan River flows south. It ends in the Dead Sea.',
  };

  it('gives a popular title Wikipedia’s description and extract', () => {
    const river = {
      ...entity('bs:wp-jordan-river', 'place', 'Jordan River'),
      description: 'Popular English Wikipedia article',
    };
    const live = withLive(river, { asked: ['wikipedia'], failed: [], summary: wikipedia });
    expect(live.description).toBe('River in the Middle East');
    expect(live.summary).toBe(wikipedia.extract);
    const noDescription = withLive(river, {
      asked: ['wikipedia'],
      failed: [],
      summary: { ...wikipedia, description: undefined },
    });
    expect(noDescription.description).toBe('The Jordan River flows south.');
  });

  it('never replaces a curated entity’s own words', () => {
    const daraa = { ...entity('Q238217', 'place', 'Daraa'), summary: 'Our own summary.' };
    const live = withLive(daraa, { asked: ['wikipedia'], failed: [], summary: wikipedia });
    expect(live.description).toBe(daraa.description);
    expect(live.summary).toBe('Our own summary.');
    expect(withLive(daraa, { asked: [], failed: [] })).toEqual(daraa);
  });
});

describe('the card’s live view', () => {
  const links = earlierCoverageLinks({
    pageUrl: 'https://news.example/a?b=c',
    name: 'Daraa',
    articleDate: '2021-08-22',
  });
  const daraa = { ...entity('Q238217', 'place', 'Daraa'), summary: 'Our own summary.' };
  const view = (live: LiveAnswer, broken = false) =>
    liveView({ entity: daraa, live, searchLinks: links, imageOrigins: [WIKIMEDIA_IMAGES], broken });

  it('always carries the search links, and says nothing when nothing was asked', () => {
    const nothing = view({ asked: [], failed: [] });
    expect(nothing.problem).toBeUndefined();
    expect(nothing.coverage).toEqual([]);
    expect(nothing.searchLinks).toEqual([
      expect.objectContaining({
        kind: 'web',
        host: 'news.example',
        name: 'Daraa',
        beforeArticle: true,
      }),
    ]);
  });

  it('notes a source that did not answer: all of them, or some', () => {
    expect(view({ asked: ['wikipedia', 'gdelt'], failed: ['wikipedia', 'gdelt'] }).problem).toBe(
      'unavailable',
    );
    expect(view({ asked: ['wikipedia', 'gdelt'], failed: ['gdelt'] }).problem).toBe(
      'partly-unavailable',
    );
    expect(view({ asked: [], failed: [] }, true).problem).toBe('unavailable');
  });

  it('shows a picture only from Wikimedia’s image host over https', () => {
    const answer = (thumbnail: string): LiveAnswer => ({
      asked: ['wikipedia'],
      failed: [],
      summary: { title: 'Syria', url: 'https://en.wikipedia.org/wiki/Syria', thumbnail },
    });
    const good =
      'https://upload.wikimedia.org/wikipedia/commons/thumb/5/53/Flag.png/320px-Flag.png';
    expect(view(answer(good)).picture).toBe(good);
    for (const bad of [
      'http://upload.wikimedia.org/x.png',
      'https://upload.wikimedia.org.evil.example/x.png',
      'https://evil.example/x.png',
      'https://user:pass@upload.wikimedia.org/x.png',
      'data:image/png;base64,AAAA',
      'javascript:alert(1)',
    ])
      expect(view(answer(bad)).picture).toBeUndefined();
    // An e2e build adds its loopback fake; nothing else is ever allowed over http.
    expect(allowedPicture('http://127.0.0.1:4000/media/x.png', ['http://127.0.0.1:4000'])).toBe(
      'http://127.0.0.1:4000/media/x.png',
    );
    expect(allowedPicture('http://10.0.0.1:4000/x.png', ['http://10.0.0.1:4000'])).toBeNull();
  });

  it('credits Wikipedia for what the card took from it: its words, or only a picture', () => {
    const wikipedia = {
      title: 'Jordan River',
      url: 'https://en.wikipedia.org/wiki/Jordan_River',
      extract: 'The Jordan River flows south.',
      thumbnail: 'https://upload.wikimedia.org/x.jpg',
    };
    const live: LiveAnswer = { asked: ['wikipedia'], failed: [], summary: wikipedia };
    const river = entity('bs:wp-jordan-river', 'place', 'Jordan River');
    const credit = (shown: typeof river, answer: LiveAnswer) =>
      liveView({ entity: shown, live: answer, searchLinks: [], imageOrigins: [WIKIMEDIA_IMAGES] })
        .wikipedia;
    expect(credit(river, live)?.used).toBe('text');
    expect(credit(daraa, live)?.used).toBe('picture');
    expect(
      credit(daraa, { ...live, summary: { ...wikipedia, thumbnail: undefined } }),
    ).toBeUndefined();
  });

  it('lists earlier coverage with its day, web links only', () => {
    const coverage = view({
      asked: ['gdelt'],
      failed: [],
      bestEffort: ['gdelt'],
      coverage: [
        { title: 'Siege', url: 'https://a.example/1', outlet: 'a.example', date: '2021-06-25' },
        { title: 'Bad', url: 'javascript:alert(1)', outlet: 'b.example', date: '2021-06-24' },
      ],
    });
    expect(coverage.coverage).toEqual([
      {
        title: 'Siege',
        url: 'https://a.example/1',
        outlet: 'a.example',
        date: '2021-06-25',
        dateLabel: '25 Jun 2021',
      },
    ]);
    expect(coverage.gdeltBestEffort).toBe(true);
  });
});
