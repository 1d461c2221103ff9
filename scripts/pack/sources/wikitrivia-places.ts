/**
 * Places from wikitrivia-data, `EdwardTheLegend+wikitrivia-data/split-items/*.json` (JSON lines;
 * the files end without a newline): id, English label and description, the English labels of the
 * item's classes (`instance_of`), population, English Wikipedia title. The class labels give the
 * kind (mostly places; dioceses, ethnic groups and a few breeds too); they carry no ids, so no
 * P31 is given.
 */
import type { KbItem } from '../kb/item';
import { addClaim, addDescription, addLabel, ItemMap, qidOf } from './build-item';
import { listData, readText } from './data-dir';
import { kindOfClassNames } from './kinds';
import { SOURCES } from './registry';

export const WIKITRIVIA_DATA_FOLDER = 'EdwardTheLegend+wikitrivia-data/split-items';

/** One line. */
export interface TriviaPlace {
  id: string;
  label?: string;
  description?: string;
  instance_of?: string[];
  population?: number | null;
  wikipedia_title?: string;
}

/** The records of JSON-lines text (blank lines skipped). */
export function parseJsonLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** KbItems of the records. */
export function wikitriviaPlaceItemsOf(records: TriviaPlace[]): KbItem[] {
  const items = new ItemMap(SOURCES.wikitriviaData.id);
  for (const record of records) {
    const qid = qidOf(record.id);
    if (!qid) continue;
    const item = items.get(qid);
    addLabel(item, 'en', record.label);
    addDescription(item, 'en', record.description);
    if (record.wikipedia_title) item.wikipedia = { en: record.wikipedia_title };
    if (record.population && record.population > 0)
      addClaim(item, 'P1082', { value: record.population });
    item.kindHint ??= kindOfClassNames(record.instance_of ?? []);
  }
  return items.values();
}

/** KbItems of wikitrivia-data's places. */
export function wikitriviaPlaceItems(dir: string): KbItem[] {
  return wikitriviaPlaceItemsOf(
    listData(dir, WIKITRIVIA_DATA_FOLDER, '.json').flatMap((file) =>
      parseJsonLines<TriviaPlace>(readText(dir, file)),
    ),
  );
}
