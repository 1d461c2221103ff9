/**
 * `npm run eval -- benchmarks`: the engine on public entity-linking benchmarks of news, read from
 * a fetched mirror of ELEVANT (github.com/ad-freiburg/elevant), which re-annotates them with
 * Wikidata ids. The benchmark files are read in place, never copied here.
 */

import { stringsOf } from '../../utils/match/matcher-data';
import {
  type BenchmarkDocument,
  type BenchmarkFigures,
  benchmarkFigures,
  type DocumentScore,
  frequentErrors,
  inUtf16,
  type Prediction,
  type ScoreOptions,
  scoreDocument,
} from './benchmark-score';
import { lineBlocks } from './documents';
import { readGitFile } from './git-file';
import type { Knowledge } from './knowledge';
import { markBlocks } from './mark';
import { percent, ratio, table } from './report';

/** Where the ELEVANT mirror is, unless `--elevant` or `BACKSTORY_ELEVANT` says otherwise. */
export const DEFAULT_ELEVANT = '/work/.mirror/ad-freiburg+elevant/repo';

/** The news benchmarks run by default. */
export const DEFAULT_BENCHMARKS = [
  'msnbc',
  'reuters-128',
  'rss-500',
  'news-fair',
  'kore50',
  'derczynski',
  'oke-2015-eval',
  'oke-2016-eval',
  'spotlight',
];

/** A benchmark's documents, from the ELEVANT repository (bare mirror or checkout). */
export function readBenchmark(elevant: string, name: string): BenchmarkDocument[] {
  return readGitFile(elevant, 'HEAD', `benchmarks/${name}.benchmark.jsonl`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BenchmarkDocument);
}

/**
 * What the engine marks in a benchmark document: its text as one page, a block per line, through
 * the same pipeline as `npm run marks`. Offsets are the document's (UTF-16).
 */
export function predict(knowledge: Knowledge, text: string): Prediction[] {
  const blocks = lineBlocks(text);
  return markBlocks(
    knowledge,
    blocks.map((block) => block.text),
  ).map((mark) => {
    const offset = blocks[mark.block]?.offset ?? 0;
    return {
      start: offset + mark.start,
      end: offset + mark.end,
      wikidata: mark.wikidata,
      id: mark.id,
      name: mark.name,
    };
  });
}

/** Mark and score every document of a benchmark. */
export function scoreBenchmark(
  knowledge: Knowledge,
  documents: readonly BenchmarkDocument[],
  options: ScoreOptions = {},
): DocumentScore[] {
  return documents.map((document) => {
    const inUnits = inUtf16(document);
    return scoreDocument(inUnits, predict(knowledge, inUnits.text), options);
  });
}

/** The Wikidata ids the knowledge holds entities for. */
export function wikidataIdsOf(knowledge: Knowledge): Set<string> {
  const ids = new Set<string>();
  for (const id of stringsOf(knowledge.matcher.data.entityIds)) {
    const qid = knowledge.wikidataId(id);
    if (qid) ids.add(qid);
  }
  return ids;
}

export interface BenchmarksOptions extends ScoreOptions {
  elevant: string;
  benchmarks: readonly string[];
  verbose?: boolean;
}

/** Everything the suite measured, as `--json` writes it. */
export interface BenchmarksResult {
  suite: 'benchmarks';
  elevant: string;
  gold: 'named' | 'all-mentions';
  benchmarks: Record<string, BenchmarkFigures>;
  /** All benchmarks' mentions together. */
  all: BenchmarkFigures;
  errors: Record<string, ReturnType<typeof frequentErrors>>;
}

/** Run the suite; lines to print, and the figures. */
export function runBenchmarks(
  knowledge: Knowledge,
  options: BenchmarksOptions,
): { lines: string[]; result: BenchmarksResult } {
  const qids = wikidataIdsOf(knowledge);
  const known = (qid: string) => qids.has(qid);
  const result: BenchmarksResult = {
    suite: 'benchmarks',
    elevant: options.elevant,
    gold: options.allMentions ? 'all-mentions' : 'named',
    benchmarks: {},
    all: benchmarkFigures([], known),
    errors: {},
  };
  const every: DocumentScore[] = [];
  const details: string[] = [];
  for (const name of options.benchmarks) {
    const scores = scoreBenchmark(knowledge, readBenchmark(options.elevant, name), options);
    every.push(...scores);
    const figures = benchmarkFigures(scores, known);
    result.benchmarks[name] = figures;
    const errors = frequentErrors(scores, known);
    result.errors[name] = errors;
    if (!options.verbose) continue;
    details.push(
      '',
      `${name}: ${figures.gold - figures.goldInKnowledge} of ${figures.gold} gold mentions name an entity not in the knowledge ` +
        `(${figures.goldEntitiesMissing} of ${figures.goldEntities} entities); recall ceiling ${percent(ratio(figures.goldInKnowledge, figures.gold))}`,
      `  false positives (strict): ${figures.errors.span} right entity with other bounds, ${figures.errors.entity} another entity on a labelled span, ` +
        `${figures.errors.extra} where nothing is labelled; ${figures.errors.withoutWikidata} of them have no Wikidata id to compare`,
      '  most frequent false positives:',
      ...errors.falsePositives.map(([key, n]) => `    ${n}× ${key}`),
      '  most frequent misses:',
      ...errors.misses.map(([key, n]) => `    ${n}× ${key}`),
    );
  }
  result.all = benchmarkFigures(every, known);
  const row = (name: string, f: BenchmarkFigures) => [
    name,
    String(f.docs),
    String(f.gold),
    percent(f.strict.precision),
    percent(f.strict.recall),
    percent(f.strict.f1),
    percent(f.nilNeutral.precision),
    percent(f.nilNeutral.recall),
    percent(f.nilNeutral.f1),
    percent(ratio(f.goldInKnowledge, f.gold)),
  ];
  const lines = [
    `Entity linking on news benchmarks (ELEVANT, ${result.gold === 'named' ? 'named-entity mentions' : 'all mentions'}; exact span and Wikidata id)`,
    ...table([
      ['', '', '', 'strict', '', '', 'NIL-neutral', '', '', ''],
      ['benchmark', 'docs', 'gold', 'P', 'R', 'F1', 'P', 'R', 'F1', 'in KB'],
      ...Object.entries(result.benchmarks).map(([name, figures]) => row(name, figures)),
      row('all', result.all),
    ]),
    ...details,
  ];
  return { lines, result };
}
