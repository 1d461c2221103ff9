/**
 * Which items a news reader needs, and their kind: from P31 "instance of" through the class table
 * (`classes.ts`), then through the P279 closure when the whole dump was read for it
 * (`class-graph.ts`), and last from the source's own `kindHint`.
 *
 * The order of the tests:
 * 1. any class that is a Wikimedia page (disambiguation, category, template, list) drops the item;
 * 2. the first of the item's own classes (preferred rank first, then Wikidata's order) that the
 *    table lists decides; then the first found through the closure;
 * 3. an item whose classes say only "leave out" (a taxon, a scholarly article, an office) is
 *    dropped, even when a source gave it a hint: Wikidata knows better what it is;
 * 4. else the source's hint; else the item is dropped as "no kind" (or kept as a topic with
 *    `keepUnclassified`).
 */
import type { EntityKind } from '../../../utils/knowledge/schema';
import { CLASS_TABLE, type ClassRow, type DropReason, isEntityKind } from './classes';
import type { KbItem } from './item';

/** What the classifier decided about one item. */
export type Classification =
  | {
      keep: true;
      kind: EntityKind;
      /** How: a listed class, a class under a listed one, the source's hint, or nothing at all. */
      via: 'class' | 'closure' | 'hint' | 'unclassified';
      /** The class that decided, and the noun generated descriptions use ("city"). */
      cls?: string;
      noun: string;
    }
  | { keep: false; reason: DropReason | 'no-kind'; cls?: string };

export interface ClassifyOptions {
  /** Rows of classes under listed ones (`ClassGraph.closure()`), when the dump was read for them. */
  closure?: ReadonlyMap<string, ClassRow>;
  /** Keep items that nothing classifies, as topics (default: drop them). */
  keepUnclassified?: boolean;
}

/** The nouns of the kinds, for items whose kind came from a hint ("place in Syria"). */
export const KIND_NOUNS: Record<EntityKind, string> = {
  person: 'person',
  place: 'place',
  organisation: 'organisation',
  event: 'event',
  group: 'group',
  topic: 'topic',
};

function firstRow(
  classes: readonly string[],
  table: ReadonlyMap<string, ClassRow> | undefined,
  test: (row: ClassRow) => boolean,
): ClassRow | undefined {
  if (!table) return undefined;
  for (const cls of classes) {
    const row = table.get(cls);
    if (row && test(row)) return row;
  }
  return undefined;
}

/** The kind of an item, or why it is left out. */
export function classify(item: KbItem, options: ClassifyOptions = {}): Classification {
  const classes = (item.claims.P31 ?? [])
    .map((statement) => statement.value)
    .filter((value): value is string => typeof value === 'string');
  const tables = [CLASS_TABLE, options.closure] as const;

  for (const table of tables) {
    const wikimedia = firstRow(classes, table, (row) => row[1] === 'wikimedia');
    if (wikimedia) return { keep: false, reason: 'wikimedia', cls: wikimedia[0] };
  }
  for (const [i, table] of tables.entries()) {
    const row = firstRow(classes, table, (candidate) => isEntityKind(candidate[1]));
    if (row && isEntityKind(row[1])) {
      return {
        keep: true,
        kind: row[1],
        via: i === 0 ? 'class' : 'closure',
        cls: row[0],
        noun: row[2],
      };
    }
  }
  for (const table of tables) {
    const row = firstRow(classes, table, () => true);
    if (row && !isEntityKind(row[1])) return { keep: false, reason: row[1], cls: row[0] };
  }
  if (item.kindHint) {
    return { keep: true, kind: item.kindHint, via: 'hint', noun: KIND_NOUNS[item.kindHint] };
  }
  if (options.keepUnclassified) {
    return { keep: true, kind: 'topic', via: 'unclassified', noun: KIND_NOUNS.topic };
  }
  return { keep: false, reason: 'no-kind' };
}
