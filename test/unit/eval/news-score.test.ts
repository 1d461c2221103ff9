import { describe, expect, it } from 'vitest';
import type { PageGold } from '../../../scripts/eval/gold';
import type { Mark } from '../../../scripts/eval/mark';
import { judgePage, totalFigures, unjudgedEntries } from '../../../scripts/eval/news-score';

const BLOCKS = [
  'Assad met envoys in Daraa al-Balad, near Daraa, and Assad left. SANA reported it.',
  'The Jordan team won; Jordan Peterson spoke; Bashar al-Assad listened.',
];

/** A mark on the `nth` occurrence of `surface` in a block. */
function mark(
  block: number,
  surface: string,
  id: string,
  name: string,
  wikidata: string | null = /^Q\d+$/.test(id) ? id : null,
  nth = 0,
): Mark {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = (BLOCKS[block] as string).indexOf(surface, start + 1);
  return { block, start, end: start + surface.length, surface, id, wikidata, name, kind: 'place' };
}

const GOLD: PageGold = {
  repo: 'example/news-pages',
  commit: 'a'.repeat(40),
  path: 'pages/daraa.html',
  outlet: 'Example News',
  language: 'en',
  date: '2018-07-06',
  entities: [
    {
      names: ['Bashar al-Assad', 'Assad'],
      qid: 'Q44329',
      label: 'Bashar al-Assad',
      kind: 'person',
    },
    { names: ['Daraa'], qid: 'Q238217', label: 'Daraa', kind: 'place' },
    { names: ['Daraa al-Balad'], label: 'Daraa al-Balad', kind: 'place' },
    { names: ['SANA'], qid: 'Q1139', label: 'SANA', kind: 'organisation', optional: true },
  ],
  traps: [{ text: 'Jordan team', note: 'a football team, not the country' }],
  judged: [
    { text: 'Envoys', id: 'bs:envoy', right: false, note: 'a common noun' },
    { text: 'SANA', id: 'Q1139', right: true },
  ],
};

const MARKS = [
  mark(0, 'Assad', 'Q44329', 'Bashar al-Assad'),
  mark(0, 'envoys', 'bs:envoy', 'Envoy'),
  mark(0, 'Daraa al-Balad', 'bs:daraa-al-balad', 'Daraa al-Balad'),
  mark(0, 'Daraa', 'bs:daraa-al-balad', 'Daraa al-Balad', null, 1),
  mark(0, 'Assad', 'Q44329', 'Bashar al-Assad', 'Q44329', 1),
  mark(0, 'SANA', 'Q1139', 'SANA'),
  mark(1, 'Jordan', 'Q810', 'Jordan'),
  mark(1, 'Jordan Peterson', 'bs:jordan-peterson', 'Jordan Peterson'),
  // No Wikidata id to compare: judged by its display name.
  mark(1, 'Bashar al-Assad', 'bs:assad', 'Bashar al-Assad'),
];

describe('judging marks on a real page', () => {
  const page = judgePage(GOLD, BLOCKS, MARKS);
  const verdicts = Object.fromEntries(
    page.marks.map((m) => [`${m.text} → ${m.id}`, [m.verdict, m.count]]),
  );

  it('judges each distinct mark once: by id and names, by label, by judgment, by trap', () => {
    expect(verdicts).toEqual({
      'Assad → Q44329': ['right', 2],
      'envoys → bs:envoy': ['wrong', 1],
      'Daraa al-Balad → bs:daraa-al-balad': ['right', 1],
      'Daraa → bs:daraa-al-balad': ['wrong', 1],
      'SANA → Q1139': ['right', 1],
      'Jordan → Q810': ['wrong', 1],
      'Jordan Peterson → bs:jordan-peterson': ['unjudged', 1],
      'Bashar al-Assad → bs:assad': ['right', 1],
    });
  });

  it('counts coverage over the gold entities that are not optional', () => {
    expect(page.missed).toEqual(['Daraa']);
    expect(page.figures).toMatchObject({
      wanted: 3,
      covered: 2,
      right: 4,
      wrong: 3,
      unjudged: 1,
      distinctMarks: 8,
    });
    expect(page.figures.precision).toBeCloseTo(4 / 7);
    expect(page.figures.pessimistic).toBe(0.5);
  });

  it('sums pages into overall figures', () => {
    const total = totalFigures([page, page]);
    expect(total).toMatchObject({ wanted: 6, covered: 4, right: 8, wrong: 6, unjudged: 2 });
    expect(total.coverage).toBeCloseTo(2 / 3);
  });

  it('hands unjudged marks back as judgments for a person to complete', () => {
    expect(unjudgedEntries(GOLD, page)).toEqual({
      repo: GOLD.repo,
      commit: GOLD.commit,
      path: GOLD.path,
      judged: [
        {
          text: 'Jordan Peterson',
          id: 'bs:jordan-peterson',
          right: null,
          note: 'Jordan Peterson (place)',
        },
      ],
    });
  });
});
