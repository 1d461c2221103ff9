import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/utils/match/compile';
import { Matcher } from '@/utils/match/matcher';
import { foldedText, scanTokens } from '@/utils/match/tokenize';
import { entity } from '../../support/entities';

/** Cases per property: small in CI, larger on demand (BACKSTORY_FUZZ_RUNS=5000 npm run test:unit). */
const RUNS = Number(process.env.BACKSTORY_FUZZ_RUNS ?? 300);
/**
 * A fixed seed unless one is given (BACKSTORY_FUZZ_SEED=random draws one): the same cases on every
 * run, so a red test means a change, not a draw. A long random run once found a disagreement on a
 * single rare character after ~7,600 cases (seed -637485663 with 30,000 runs); not yet explained.
 */
const SEED =
  process.env.BACKSTORY_FUZZ_SEED === 'random'
    ? undefined
    : Number(process.env.BACKSTORY_FUZZ_SEED ?? 20261206);

/**
 * Pieces of text that exercise every rule of the tokenizer: letters of several scripts and cases,
 * diacritics, Arabic letter forms, tatweel and proclitics, apostrophes and hyphens of every kind,
 * dots that join (U.N.) or break, digits, invisible characters, punctuation and line breaks.
 */
const PIECES = [
  'Daraa',
  'DARAA',
  'dérâa',
  'Dara’a',
  "Dara'a",
  'Assad’s',
  'al-Assad',
  'al‐Assad',
  'U',
  'N',
  'F',
  'Kennedy',
  'İstanbul',
  'Straße',
  'Ελλάδα',
  'Київ',
  'درعا',
  'بدرعا',
  'والرقة',
  'للرقة',
  'ـ',
  'ﻻ',
  '中国',
  '2024',
  '😀',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u0301',
  ' ',
  ' ',
  '\n',
  '\t',
  '.',
  ',',
  ';',
  '!',
  '?',
  ':',
  '(',
  ')',
  '"',
  '—',
  '-',
];

const texts = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 })), {
    maxLength: 30,
  })
  .map((pieces) => pieces.join(''));

interface Word {
  start: number;
  end: number;
  folded: string;
  broken: boolean;
}

function wordsOfRange(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  scanTokens(text, from, to, (start, end, _hash, _length, broken) =>
    words.push({ start, end, folded: foldedText(text, start, end), broken }),
  );
  return words;
}

/**
 * The matcher inlines the tokenizer of `tokenize.ts` for speed. To see its words from outside,
 * compile a matcher whose aliases are every word the reference tokenizer finds, and every pair of
 * words it finds unbroken: the matcher must then report exactly those spans, no more, no fewer.
 */
function spansBothWays(text: string, from: number, to: number) {
  const words = wordsOfRange(text, from, to);
  const aliases = new Set<string>();
  const expected: string[] = [];
  words.forEach((word, i) => {
    aliases.add(word.folded);
    expected.push(`${word.start}-${word.end}`);
    const next = words[i + 1];
    // A leading "the" is no part of a name as the compiler sees aliases: no pair starts with it.
    if (next && !next.broken && word.folded !== 'the') {
      aliases.add(`${word.folded} ${next.folded}`);
      expected.push(`${word.start}-${next.end}`);
    }
  });
  if (aliases.size === 0) return { expected, found: [] as string[] };
  const { data } = compileMatcher(
    [...aliases].map((alias, i) => entity(`bs:w${i}`, 'topic', `Word ${i}`, { en: [alias] })),
  );
  const found = new Matcher(data).scan(text, from, to).map((m) => `${m.start}-${m.end}`);
  return { expected, found };
}

const sorted = (spans: string[]) => [...spans].sort();

describe('the matcher’s inlined tokenizer', () => {
  it('finds the same words, folded the same, broken in the same places, as tokenize.ts', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { expected, found } = spansBothWays(text, 0, text.length);
        expect(sorted(found)).toEqual(sorted(expected));
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it('agrees on any stretch of a text, cut mid-word or mid-dot', () => {
    fc.assert(
      fc.property(
        texts.chain((text) =>
          fc
            .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
            .map(([a, b]) => ({ text, from: Math.min(a, b), to: Math.max(a, b) })),
        ),
        ({ text, from, to }) => {
          const { expected, found } = spansBothWays(text, from, to);
          expect(sorted(found)).toEqual(sorted(expected));
        },
      ),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it('sees the words a reader sees in a sentence of the story', () => {
    const text = 'U.N. envoy met al-Assad’s aides in Daraa. Then, بدرعا.';
    const { expected, found } = spansBothWays(text, 0, text.length);
    expect(sorted(found)).toEqual(sorted(expected));
    expect(wordsOfRange(text, 0, text.length).map((word) => word.folded)).toContain('daraa');
  });
});
