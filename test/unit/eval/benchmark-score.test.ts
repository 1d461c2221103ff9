import { describe, expect, it } from 'vitest';
import {
  type BenchmarkDocument,
  type BenchmarkLabel,
  benchmarkFigures,
  frequentErrors,
  inUtf16,
  isCoreference,
  isNamedEntity,
  type Prediction,
  scoreDocument,
  scoresOf,
} from '../../../scripts/eval/benchmark-score';

const TEXT =
  'Talks in Daraa. President Bashar al-Assad met the UN envoy in the U.S. today. ' +
  'He said Jordan helped. Lorem ipsum.';

/** `[start, end)` of the `nth` occurrence of `words` in the text. */
function at(words: string, nth = 0): [number, number] {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(words, start + 1);
  if (start < 0) throw new Error(`no ${words}`);
  return [start, start + words.length];
}

let nextId = 0;
function label(
  words: string,
  entity_id: string,
  name: string,
  extra: Partial<BenchmarkLabel> = {},
) {
  return { id: nextId++, span: at(words), entity_id, name, ...extra };
}

const president = label('President Bashar al-Assad', 'Q44329', 'Bashar al-Assad', { children: [] });
const child = label('Bashar al-Assad', 'Q44329', 'Bashar al-Assad', { parent: president.id });
president.children = [child.id];

const DOCUMENT: BenchmarkDocument = {
  id: 1,
  text: TEXT,
  evaluation_span: [0, TEXT.indexOf('Lorem')],
  labels: [
    label('Daraa', 'Q238217', 'Daraa'),
    president,
    child,
    label('UN', '<NIL>', 'Unknown'),
    label('envoy', 'Q2040', 'diplomatic envoy'),
    label('U.S.', 'Q30', 'United States'),
    label('He', 'Q44329', 'Bashar al-Assad'),
    label('Jordan', 'Q810', 'Jordan'),
    label('Lorem', 'Q152', 'Lorem ipsum'),
  ],
};

function predicted(words: string, wikidata: string | null, nth = 0): Prediction {
  const [start, end] = at(words, nth);
  return { start, end, wikidata, id: wikidata ?? 'bs:something', name: words };
}

const PREDICTIONS = [
  predicted('Daraa', 'Q238217'),
  predicted('Bashar al-Assad', 'Q44329'),
  predicted('UN', 'Q1065'),
  predicted('envoy', 'Q2040'),
  predicted('U.S', 'Q30'),
  predicted('Jordan', 'Q6441'),
  predicted('Talks', null),
  predicted('Lorem', 'Q152'),
];

describe('benchmark scoring', () => {
  it('judges each prediction by exact span and Wikidata id', () => {
    const { predictions } = scoreDocument(DOCUMENT, PREDICTIONS);
    expect(predictions.map((p) => [p.surface, p.verdict, p.error])).toEqual([
      ['Talks', 'wrong', 'extra'],
      ['Daraa', 'right', undefined],
      // A child label with its root's id finds the root.
      ['Bashar al-Assad', 'right', undefined],
      // On a label without a Wikidata id: wrong only when strict.
      ['UN', 'nil', 'entity'],
      // A common noun's label: set aside, neither right nor wrong.
      ['envoy', 'aside', undefined],
      ['U.S', 'wrong', 'span'],
      ['Jordan', 'wrong', 'entity'],
      ['Lorem', 'outside', undefined],
    ]);
  });

  it('counts named mentions inside the evaluation span as gold, roots only', () => {
    const { gold } = scoreDocument(DOCUMENT, PREDICTIONS);
    expect(gold.map((g) => [g.surface, g.found])).toEqual([
      ['Daraa', true],
      ['President Bashar al-Assad', true],
      ['U.S.', false],
      ['Jordan', false],
    ]);
  });

  it('gives strict and NIL-neutral precision, the same recall', () => {
    const figures = benchmarkFigures(
      [scoreDocument(DOCUMENT, PREDICTIONS)],
      (qid) => qid !== 'Q810',
    );
    expect(figures.gold).toBe(4);
    expect(figures.strict).toMatchObject({
      truePositives: 2,
      falsePositives: 4,
      falseNegatives: 2,
    });
    expect(figures.strict.precision).toBeCloseTo(2 / 6);
    expect(figures.nilNeutral.precision).toBeCloseTo(2 / 5);
    expect(figures.nilNeutral.recall).toBe(0.5);
    expect(figures.goldInKnowledge).toBe(3);
    expect(figures.goldEntitiesMissing).toBe(1);
    expect(figures.errors).toEqual({ span: 1, entity: 2, extra: 1, withoutWikidata: 1 });
  });

  it('counts coreferences and common nouns too when asked for all mentions', () => {
    const score = scoreDocument(DOCUMENT, PREDICTIONS, { allMentions: true });
    expect(score.gold.map((g) => g.surface)).toEqual([
      'Daraa',
      'President Bashar al-Assad',
      'envoy',
      'U.S.',
      'He',
      'Jordan',
    ]);
    expect(benchmarkFigures([score], () => true).strict.truePositives).toBe(3);
  });

  it('lists the most frequent false positives and misses', () => {
    const errors = frequentErrors([scoreDocument(DOCUMENT, PREDICTIONS)], (qid) => qid !== 'Q810');
    expect(errors.falsePositives.map(([key]) => key)).toContain('un → UN (Q1065) [on NIL]');
    expect(errors.misses).toEqual([
      ['jordan → Jordan (Q810) [not in knowledge]', 1],
      ['u.s. → United States (Q30)', 1],
    ]);
  });

  it('reads code-point offsets as UTF-16 ones after astral characters', () => {
    const document = inUtf16({
      id: 2,
      text: '🙂 Daraa 🙂 Syria',
      evaluation_span: [0, 15],
      labels: [{ id: 0, span: [10, 15], entity_id: 'Q858', name: 'Syria' }],
    });
    expect(document.labels[0]?.span).toEqual([12, 17]);
    expect(document.evaluation_span).toEqual([0, 17]);
    expect(document.text.slice(12, 17)).toBe('Syria');
  });

  it('tells coreferences and common nouns from names, as ELEVANT does', () => {
    for (const mention of ['she', 'It', 'I', 'the company', 'his brother', 'these 2'])
      expect(isCoreference(mention), mention).toBe(true);
    for (const mention of ['US', 'IT', 'The Hague', 'Syria', 'This Is England'])
      expect(isCoreference(mention), mention).toBe(false);
    expect(isNamedEntity('Paris')).toBe(true);
    expect(isNamedEntity('2010 Champions Tour')).toBe(true);
    expect(isNamedEntity('performance')).toBe(false);
    expect(isNamedEntity('iPod')).toBe(false);
  });

  it('leaves a ratio with nothing to divide empty', () => {
    expect(scoresOf(0, 0, 3)).toMatchObject({ precision: null, recall: 0, f1: null });
    expect(scoresOf(1, 1, 1).f1).toBeCloseTo(0.5);
  });
});
