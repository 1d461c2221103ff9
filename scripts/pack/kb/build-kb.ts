/**
 * The knowledge base's build: the adapters' items (and Wikidata's dump, when given) → pack
 * entities, with a report of every decision in counts.
 *
 *   1. the sources' items are merged by id (`merge.ts`);
 *   2. the dump is streamed: items the sources name are read whatever their sitelinks and merged
 *      into theirs; other items are read when they have `minSitelinks` sitelinks and kept when
 *      the classifier gives them a kind; offices, occupations and countries go to the label table;
 *   3. every item is classified (`classify.ts`) and those without a kind dropped;
 *   4. ids are cross-checked by name and slug items joined onto Q-ids (`merge.ts`);
 *   5. with `referencePass` and a dump file, a second pass reads the names of items facts refer to
 *      that the label table still lacks;
 *   6. items become entities (`to-entity.ts`).
 *
 * Memory: the kept items (about 2 KB each with 17 languages: 300,000 items ≈ 600 MB at the peak,
 * while entities are made), the label table (`labels.ts`), the names low-trust sources gave
 * (`merge.ts`), and with `classGraph` its closure (`class-graph.ts`). The dump itself is streamed.
 */
import type { Readable } from 'node:stream';
import type { Entity, EntityKind } from '../../../utils/knowledge/schema';
import type { ClassGraph } from './class-graph';
import { CLASS_TABLE, type ClassRow } from './classes';
import { type Classification, classify } from './classify';
import { type DumpCounters, newDumpCounters, readDump } from './dump';
import { isCountry } from './facts';
import type { KbItem, KbSource } from './item';
import { displayLabel, LabelTable } from './labels';
import { type CrossCheckReport, crossCheckIds, ItemMerger, joinSlugs } from './merge';
import { toEntity } from './to-entity';
import { sourceRegistry } from './trust';

/** Items of the dump alone need this many sitelinks unless `minSitelinks` says otherwise. */
export const DEFAULT_MIN_SITELINKS = 10;

export interface BuildKbOptions {
  /** The adapters' items (`readAllSources()`), in any order; curated first wins label ties. */
  items?: Iterable<KbItem> | AsyncIterable<KbItem>;
  /** A Wikidata dump file (`.json`, `.jsonl`, `.gz`) or `-` for standard input, or a stream. */
  dump?: string | Readable;
  /** Sitelinks an item of the dump alone needs to be read (items sources name always are). */
  minSitelinks?: number;
  /** The sources of the items (`sources/registry.ts`), for trust and licences. */
  sources?: Iterable<KbSource>;
  /** Wikidata's class hierarchy, read from the dump in a first pass (`readClassGraph`). */
  classGraph?: ClassGraph;
  /** Read the dump a second time for names of items that facts refer to (dump files only). */
  referencePass?: boolean;
  /** Keep items nothing classifies, as topics. */
  keepUnclassified?: boolean;
  /** Called every 100,000 dump lines. */
  onProgress?: (counters: DumpCounters) => void;
}

export interface KbReport {
  /** Items received per source. */
  sources: Record<string, number>;
  dump?: DumpCounters & {
    /** Items of the dump alone kept (have a kind). */
    kept: number;
    /** Items the sources name that the dump holds. */
    named: number;
    /** Items of the dump alone left out, by reason. */
    dropped: Record<string, number>;
    /** The classes most often left out, with counts ("scholarly article: 1200"). */
    droppedClasses: [string, number][];
  };
  merge: { received: number; merged: number; items: number };
  classify: {
    kept: Partial<Record<EntityKind, number>>;
    via: Record<string, number>;
    dropped: Record<string, number>;
  };
  crossCheck: CrossCheckReport;
  slugs: { joined: [string, string][]; ambiguous: number; unmatched: number };
  labels: { size: number; referencePass?: { asked: number; found: number } };
  entities: {
    count: number;
    byKind: Partial<Record<EntityKind, number>>;
    generatedDescriptions: number;
    /** Items refused: no name left, or a slug the pack's id pattern does not accept. */
    refused: number;
  };
  seconds: number;
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Properties whose values facts and descriptions name (and so need in the label table). */
const NAMED_PROPERTIES =
  'P17 P27 P131 P36 P1376 P39 P102 P106 P159 P112 P488 P169 P118 P641 P35 P6'.split(' ');

function missingReferences(items: Iterable<KbItem>, labels: LabelTable): Set<string> {
  const missing = new Set<string>();
  for (const item of items) {
    for (const property of NAMED_PROPERTIES) {
      for (const statement of item.claims[property] ?? []) {
        const id = statement.value;
        if (typeof id === 'string' && id.startsWith('Q') && !labels.has(id)) missing.add(id);
      }
    }
  }
  return missing;
}

/** Build entities from the sources' items and, optionally, Wikidata's dump. */
export async function buildKnowledgeBase(
  options: BuildKbOptions,
): Promise<{ entities: Entity[]; report: KbReport }> {
  const started = performance.now();
  const registry = sourceRegistry(options.sources);
  const merger = new ItemMerger(registry);
  const labels = LabelTable.withCountries();
  const closure: ReadonlyMap<string, ClassRow> | undefined = options.classGraph?.closure();
  const classifyOptions = { closure, keepUnclassified: options.keepUnclassified };
  const report: KbReport = {
    sources: {},
    merge: { received: 0, merged: 0, items: 0 },
    classify: { kept: {}, via: {}, dropped: {} },
    crossCheck: { contestedNames: 0, claimsDropped: 0, itemsDropped: 0, examples: [] },
    slugs: { joined: [], ambiguous: 0, unmatched: 0 },
    labels: { size: 0 },
    entities: { count: 0, byKind: {}, generatedDescriptions: 0, refused: 0 },
    seconds: 0,
  };

  for await (const item of options.items ?? []) {
    for (const source of item.sources) bump(report.sources, source);
    merger.add(item);
  }

  if (options.dump !== undefined) {
    const counters = newDumpCounters();
    const named = new Set(merger.items.keys());
    const dropped: Record<string, number> = {};
    const droppedClasses = new Map<string, number>();
    let kept = 0;
    let namedFound = 0;
    let nextProgress = 100_000;
    const filter = {
      minSitelinks: options.minSitelinks ?? DEFAULT_MIN_SITELINKS,
      wanted: (id: string) => named.has(id),
    };
    for await (const item of readDump(options.dump, filter, counters)) {
      if (options.onProgress && counters.lines >= nextProgress) {
        options.onProgress(counters);
        nextProgress += 100_000;
      }
      const verdict = classify(item, classifyOptions);
      if ((!verdict.keep && verdict.reason === 'reference') || isCountry(item)) labels.add(item);
      if (named.has(item.id)) {
        namedFound++;
        merger.add(item, true);
      } else if (!displayLabel(item)) {
        // No name in any kept language: nothing to match on a page.
        bump(dropped, 'no-name');
      } else if (verdict.keep) {
        kept++;
        merger.add(item, true);
      } else {
        bump(dropped, verdict.reason);
        if (verdict.cls)
          droppedClasses.set(verdict.cls, (droppedClasses.get(verdict.cls) ?? 0) + 1);
      }
    }
    report.dump = {
      ...counters,
      kept,
      named: namedFound,
      dropped,
      droppedClasses: [...droppedClasses].sort((a, b) => b[1] - a[1]).slice(0, 20),
    };
  }
  report.merge = { ...merger.counts, items: merger.items.size };

  const classes = new Map<string, Extract<Classification, { keep: true }>>();
  for (const [id, item] of merger.items) {
    const verdict = classify(item, classifyOptions);
    if (!verdict.keep) {
      bump(report.classify.dropped, verdict.reason);
      merger.items.delete(id);
      continue;
    }
    classes.set(id, verdict);
  }
  const kindOf = (item: KbItem) => classes.get(item.id)?.kind;
  report.crossCheck = crossCheckIds(merger, kindOf);
  const slugs = joinSlugs(merger, kindOf);
  report.slugs = {
    joined: [...slugs.joined],
    ambiguous: slugs.ambiguous,
    unmatched: slugs.unmatched,
  };

  for (const item of merger.items.values()) labels.add(item);
  if (options.referencePass && typeof options.dump === 'string' && options.dump !== '-') {
    const asked = missingReferences(merger.items.values(), labels);
    let found = 0;
    const filter = {
      minSitelinks: Number.POSITIVE_INFINITY,
      wanted: (id: string) => asked.has(id),
    };
    for await (const item of readDump(options.dump, filter)) {
      labels.add(item);
      found++;
    }
    report.labels.referencePass = { asked: asked.size, found };
  }
  report.labels.size = labels.size;

  const entities: Entity[] = [];
  const kept = new Set(merger.items.keys());
  const context = { labels, sources: registry, isEntity: (id: string) => kept.has(id) };
  for (const [id, item] of merger.items) {
    // Each item is let go once it is an entity: the peak holds the items, not items and entities.
    merger.items.delete(id);
    const verdict = classes.get(id);
    if (!verdict) continue;
    const entity = toEntity(item, verdict, context);
    if (!entity) {
      report.entities.refused++;
      continue;
    }
    entities.push(entity);
    bump(report.classify.kept, verdict.kind);
    bump(report.classify.via, verdict.via);
    bump(report.entities.byKind, entity.kind);
    if (!item.descriptions.en) report.entities.generatedDescriptions++;
  }
  entities.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  report.entities.count = entities.length;
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return { entities, report };
}

/** The report as lines of text, for the build's output. */
export function formatKbReport(report: KbReport): string[] {
  const lines = [
    `knowledge base: ${report.entities.count} entities in ${report.seconds} s`,
    `  by kind: ${JSON.stringify(report.entities.byKind)}; descriptions generated: ${report.entities.generatedDescriptions}; refused (no name, bad id): ${report.entities.refused}`,
    `  sources: ${JSON.stringify(report.sources)}`,
    `  merged by id: ${report.merge.received} items in, ${report.merge.merged} merged, ${report.merge.items} ids`,
  ];
  const dump = report.dump;
  if (dump) {
    lines.push(
      `  dump: ${dump.lines} lines, ${dump.skipped} skipped unread, ${dump.parsed} parsed, ${dump.items} items; ${dump.kept} kept, ${dump.named} named by sources; dropped ${JSON.stringify(dump.dropped)}`,
      `  dump classes left out most: ${dump.droppedClasses.map(([cls, n]) => `${CLASS_TABLE.get(cls)?.[2] ?? cls} ${n}`).join(', ')}`,
    );
  }
  const { classify, crossCheck, slugs } = report;
  lines.push(
    `  classified: ${JSON.stringify(classify.kept)} via ${JSON.stringify(classify.via)}; dropped ${JSON.stringify(classify.dropped)}`,
    `  ids cross-checked by name: ${crossCheck.contestedNames} names contested, ${crossCheck.claimsDropped} claims dropped, ${crossCheck.itemsDropped} items left nameless and dropped`,
    ...crossCheck.examples.map((example) => `    ${example}`),
    `  slugs: ${slugs.joined.length} joined onto Q-ids, ${slugs.ambiguous} ambiguous, ${slugs.unmatched} unmatched (kept as they are)`,
    `  label table: ${report.labels.size} names${report.labels.referencePass ? `; reference pass found ${report.labels.referencePass.found} of ${report.labels.referencePass.asked}` : ''}`,
  );
  return lines;
}
