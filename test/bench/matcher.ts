/**
 * Node benchmark of the matcher: throughput over news-like text with the real default pack and
 * with a synthetic pack of 100,000 extra aliases, and the automaton's build time. The peer is
 * `modern-ahocorasick` (a maintained general-purpose Aho–Corasick) over the same alias strings,
 * on the same text, in the same run.
 */
import AhoCorasick from 'modern-ahocorasick';
import type { BuiltPack } from '../../scripts/pack/built-pack';
import type { Entity } from '../../utils/knowledge/schema';
import { compileMatcher } from '../../utils/match/compile';
import { Matcher } from '../../utils/match/matcher';
import { syntheticEntities } from '../support/synthetic-pack';
import { newsParagraphs } from './corpus';
import { fmt, printTable, timeMedian } from './stats';

export interface MatcherBenchOptions {
  pack: BuiltPack;
  /** Bytes of text to scan. */
  textBytes: number;
  syntheticAliases: number;
}

/** Synthetic entities with two aliases each (name and a longer form): `count` aliases in all. */
function syntheticAliasEntities(count: number): Entity[] {
  return syntheticEntities(Math.ceil(count / 2));
}

function aliasStrings(entities: readonly Entity[]): string[] {
  return entities.flatMap((entity) => [
    entity.name.toLowerCase(),
    ...Object.values(entity.aliases).flatMap((list) =>
      list.map((alias) => (typeof alias === 'string' ? alias : alias.text).toLowerCase()),
    ),
  ]);
}

export function runMatcherBench(options: MatcherBenchOptions) {
  const pack = { entities: [...options.pack.entities()] };
  const paragraphs = newsParagraphs(options.textBytes);
  const lowered = paragraphs.map((paragraph) => paragraph.toLowerCase());
  const bytes = paragraphs.reduce((sum, paragraph) => sum + Buffer.byteLength(paragraph) + 1, 0);
  const mb = bytes / 1e6;
  const rows: (string | number)[][] = [];
  const results: Record<string, number> = {};

  for (const [label, entities] of [
    ['default pack', pack.entities],
    [
      `default + ${options.syntheticAliases.toLocaleString('en')} synthetic`,
      [...pack.entities, ...syntheticAliasEntities(options.syntheticAliases)],
    ],
  ] as const) {
    let compiled = compileMatcher(entities);
    const buildMs = timeMedian(
      () => {
        compiled = compileMatcher(entities);
      },
      3,
      0,
    );
    const matcher = new Matcher(compiled.data);
    let found = 0;
    const scanMs = timeMedian(() => {
      found = 0;
      for (const paragraph of paragraphs) found += matcher.scan(paragraph).length;
    });
    const peer = new AhoCorasick(aliasStrings(entities));
    let peerFound = 0;
    const peerMs = timeMedian(
      () => {
        peerFound = 0;
        for (const paragraph of lowered) peerFound += peer.count(paragraph);
      },
      3,
      1,
    );
    const ours = mb / (scanMs / 1000);
    const theirs = mb / (peerMs / 1000);
    rows.push([
      label,
      compiled.report.aliases,
      fmt(buildMs, 0),
      fmt(ours, 0),
      found,
      fmt(theirs, 1),
      peerFound,
      `${fmt(ours / theirs, 1)}×`,
    ]);
    results[label === 'default pack' ? 'defaultMBps' : 'syntheticMBps'] = ours;
    results[label === 'default pack' ? 'defaultBuildMs' : 'syntheticBuildMs'] = buildMs;
  }
  printTable(
    `Matcher throughput in Node over ${fmt(mb, 2)} MB of news-like text (medians)`,
    ['pack', 'aliases', 'build ms', 'MB/s', 'raw matches', 'peer MB/s', 'peer matches', 'ratio'],
    rows,
  );
  console.log(
    '  peer: modern-ahocorasick count() over the lower-cased alias strings (no folding, no word bounds)',
  );
  return results;
}
