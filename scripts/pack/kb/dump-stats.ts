/**
 * Throughput and peak memory of the dump reader, or of the whole knowledge-base build, on a file
 * in Wikidata's dump format (or standard input).
 *
 *   npx tsx scripts/pack/kb/dump-stats.ts <file|-> [options]
 *
 *   --min-sitelinks N   skip, unparsed, lines with fewer sitelinks (default 0: parse every line)
 *   --build             run the whole build (classify, merge, entities) on the dump, not the reader alone
 *   --class-pass        read the dump once first for the P279 class graph (files only)
 *   --classes FILE      load a class graph saved by --save-classes
 *   --save-classes FILE save the class graph of --class-pass (and stop there, without --build)
 *   --reference-pass    with --build: a second pass for names that facts refer to (files only)
 *   --keep-unclassified with --build: keep items no class or hint classifies, as topics
 *
 * Prints lines, items (or entities) and MB per second, of wall-clock time and of CPU time, and the
 * peak resident memory.
 */
import { parseArgs } from 'node:util';
import { buildKnowledgeBase, formatKbReport } from './build-kb';
import { ClassGraph, readClassGraph } from './class-graph';
import { cpuSeconds, isMain, peakRssMb } from './cli';
import { type DumpCounters, newDumpCounters, readDump } from './dump';

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The figures: per second of wall-clock time, and per CPU second of this process (which a busy
 * machine does not skew; decompression by a piped bzcat or zcat is not counted in it).
 */
function rates(counters: DumpCounters, count: number, what: string, seconds: number): string {
  const mb = counters.bytes / 1e6;
  const cpu = cpuSeconds();
  return [
    `${number(counters.lines)} lines, ${number(mb)} MB`,
    `${number(counters.skipped)} skipped unparsed, ${number(counters.parsed)} parsed`,
    `${number(count)} ${what} in ${seconds.toFixed(1)} s (${cpu.toFixed(1)} CPU s)`,
    `${number(count / seconds)} ${what}/s (${number(count / cpu)} per CPU s)`,
    `${number(counters.lines / seconds)} lines/s (${number(counters.lines / cpu)} per CPU s)`,
    `${(mb / seconds).toFixed(1)} MB/s (${(mb / cpu).toFixed(1)} per CPU s)`,
    `peak RSS ${peakRssMb()} MB`,
  ].join('; ');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'min-sitelinks': { type: 'string', default: '0' },
      build: { type: 'boolean', default: false },
      'class-pass': { type: 'boolean', default: false },
      classes: { type: 'string' },
      'save-classes': { type: 'string' },
      'reference-pass': { type: 'boolean', default: false },
      'keep-unclassified': { type: 'boolean', default: false },
    },
  });
  const input = positionals[0];
  if (!input) throw new Error('Usage: dump-stats.ts <file|-> [--min-sitelinks N] [--build] …');
  const minSitelinks = Number(values['min-sitelinks']);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;

  let classGraph: ClassGraph | undefined;
  if (values.classes) classGraph = ClassGraph.load(values.classes);
  if (values['class-pass']) {
    if (input === '-') throw new Error('--class-pass needs a file: standard input reads once');
    classGraph = await readClassGraph(input);
    console.log(
      `class pass: ${classGraph.edges} P279 edges in ${elapsed().toFixed(1)} s; peak RSS ${peakRssMb()} MB`,
    );
    if (values['save-classes']) {
      classGraph.save(values['save-classes']);
      // Saving the graph for a later piped run is the job: no need to read the dump again now.
      if (!values.build) return;
    }
  }

  const counters = newDumpCounters();
  const progress = (c: DumpCounters) =>
    process.stderr.write(`\r${c.lines.toLocaleString('en-US')} lines, ${Math.round(elapsed())} s`);
  if (values.build) {
    const { entities, report } = await buildKnowledgeBase({
      dump: input,
      minSitelinks,
      classGraph,
      referencePass: values['reference-pass'],
      keepUnclassified: values['keep-unclassified'],
      onProgress: (c) => {
        Object.assign(counters, c);
        progress(c);
      },
    });
    if (report.dump) Object.assign(counters, report.dump);
    process.stderr.write('\n');
    console.log(formatKbReport(report).join('\n'));
    console.log(rates(counters, entities.length, 'entities', elapsed()));
    return;
  }
  let items = 0;
  let nextProgress = 100_000;
  for await (const _item of readDump(input, { minSitelinks }, counters)) {
    items++;
    if (counters.lines >= nextProgress) {
      progress(counters);
      nextProgress += 100_000;
    }
  }
  process.stderr.write('\n');
  console.log(rates(counters, items, 'items', elapsed()));
}

if (isMain(import.meta.url)) await main();
