/**
 * wikilinker's entity list, `smagdali+wikilinker/extension/data/entities-packed.json.gz`:
 * 343,254 English names with real capitals, front-coded (`d`: each name as the length of the
 * prefix it shares with the name before and the rest), and for each name `[type, Wikidata id]`
 * (`v`; types 1 person, 2 country, 3 city, 4 organisation, 5 company).
 *
 * Trust 1: some famous names carry a wrong id ("Donald Trump" → Q27947481) and many famous items
 * are missing, so its items give only an English label and a kind hint, no statements: the merge
 * checks its ids against the other sources'.
 */
import type { KbItem } from '../kb/item';
import { addLabel, ItemMap, qidOf } from './build-item';
import { readJsonFile } from './data-dir';
import { SOURCES } from './registry';

export const WIKILINKER_FILE = 'smagdali+wikilinker/extension/data/entities-packed.json.gz';

/** The file's shape. */
export interface PackedEntities {
  d: [prefix: number, suffix: string][];
  v: [type: number, qid: string][];
}

const KINDS: Record<number, KbItem['kindHint']> = {
  1: 'person',
  2: 'place',
  3: 'place',
  4: 'organisation',
  5: 'organisation',
};

/** The names of a front-coded list, in order. */
export function unpackNames(coded: PackedEntities['d']): string[] {
  const names: string[] = [];
  let previous = '';
  for (const [prefix, suffix] of coded) {
    previous = previous.slice(0, prefix) + suffix;
    names.push(previous);
  }
  return names;
}

/** KbItems of the list: one per id, its first name the label, further names aliases. */
export function wikilinkerItemsOf(packed: PackedEntities): KbItem[] {
  const names = unpackNames(packed.d);
  const items = new ItemMap(SOURCES.wikilinker.id);
  packed.v.forEach(([type, id], i) => {
    const qid = qidOf(id);
    const name = names[i];
    if (!qid || !name) return;
    const item = items.get(qid);
    addLabel(item, 'en', name);
    item.kindHint ??= KINDS[type];
  });
  return items.values();
}

/** KbItems of wikilinker's list. */
export function wikilinkerItems(dir: string): KbItem[] {
  return wikilinkerItemsOf(readJsonFile<PackedEntities>(dir, WIKILINKER_FILE));
}
