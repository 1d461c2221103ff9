/**
 * `npm run bench`: the matcher in Node, then the built extension in Chromium and in Firefox, each
 * against a peer in the same run. `--ci` runs small sizes (what CI runs); figures go to stdout and
 * `.output/bench.json`. Every figure is a median over the runs.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDefaultPack } from '../../scripts/pack/build';
import { readBuiltPack } from '../../scripts/pack/built-pack';
import { findMentions } from '../../utils/match/find-mentions';
import { BROWSERS } from '../e2e/harness/browsers';
import { type BrowserBenchResult, runBrowserBench } from './browser';
import { newsPage, newsParagraphs } from './corpus';
import { runMatcherBench } from './matcher';
import { fmt, printTable } from './stats';

const ci = process.argv.includes('--ci');
const only = process.argv.find((arg) => arg.startsWith('--browser='))?.slice(10);
await ensureDefaultPack();
if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
}

const built = readBuiltPack();
const matcher = runMatcherBench({
  pack: built,
  textBytes: ci ? 1_000_000 : 4_000_000,
  syntheticAliases: 100_000,
});

const { data } = built;

/** The 20 most frequent names the extension finds on a page: what mark.js is asked to mark. */
function topNames(bytes: number): string[] {
  const paragraphs = newsParagraphs(bytes);
  const counts = new Map<string, number>();
  findMentions(data, paragraphs).forEach((mentions, p) => {
    for (const mention of mentions) {
      const surface = (paragraphs[p] as string).slice(mention.start, mention.end);
      counts.set(surface, (counts.get(surface) ?? 0) + 1);
    }
  });
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([name]) => name);
}

const browsers: BrowserBenchResult[] = [];
for (const name of BROWSERS.filter((browser) => !only || browser === only)) {
  browsers.push(
    await runBrowserBench(name, {
      sizes: ci
        ? [
            { label: '10KB', bytes: 10_000, runs: 3 },
            { label: '1MB', bytes: 1_000_000, runs: 1 },
          ]
        : [
            { label: '10KB', bytes: 10_000, runs: 5 },
            { label: '1MB', bytes: 1_000_000, runs: 3 },
            { label: '5MB', bytes: 5_000_000, runs: 3 },
          ],
      page: (bytes) => ({ html: newsPage(bytes), names: topNames(bytes) }),
      cardRuns: ci ? 3 : 5,
      extra: 100_000,
    }),
  );
}

const ms = (value: number | undefined, digits = 0) =>
  value === undefined || Number.isNaN(value) ? '—' : fmt(value, digits);

for (const result of browsers) {
  const rows: (string | number)[][] = [];
  for (const [packName, sizes] of Object.entries(result.pages)) {
    for (const [label, row] of Object.entries(sizes)) {
      rows.push([
        `${label} ${packName}`,
        row.runs ?? 0,
        row.marks ?? 0,
        ms(row.extCpuMs, 1),
        result.browser === 'chromium' ? ms(row.extSelfTimedMs, 1) : '=',
        ms(row.toMarksMs),
        result.browser === 'chromium'
          ? `${ms(row.longestFrameAfterLoadMs)} / ${ms(row.baselineFrameAfterLoadMs)}`
          : 'n/a',
        `${ms(row.longestGapAfterLoadMs)} / ${ms(row.baselineGapAfterLoadMs)}`,
        result.browser === 'chromium' ? ms(row.heapAddedMb, 1) : 'n/a',
        row.peerMarks ?? 0,
        ms(row.peerCpuMs, 1),
        ms(row.ratio, 3),
      ]);
    }
  }
  printTable(
    `Pages in ${result.browser} (medians; ext = the built extension; peer = mark.js with 20 names, no extension)`,
    [
      'page and pack',
      'runs',
      'marks',
      result.browser === 'chromium' ? 'ext CPU ms' : 'ext self-timed ms',
      'self-timed ms',
      'to marks ms',
      'longest frame after load (no ext)',
      'longest timer gap after load (no ext)',
      'heap added MB',
      'peer marks',
      result.browser === 'chromium' ? 'peer CPU ms' : 'peer wall ms',
      'ext/peer',
    ],
    rows,
  );
  const c = result.cards;
  printTable(
    `Cards, packs and size in ${result.browser} (medians)`,
    ['measure', 'value'],
    [
      [
        'hover to a shown, filled card: the page’s first card (delay 350 ms included)',
        `${ms(c.firstCardMs)} ms`,
      ],
      ['hover to a shown, filled card: later cards (delay included)', `${ms(c.laterCardMs)} ms`],
      ['card frame JS heap', result.browser === 'chromium' ? `${ms(c.frameHeapMb, 1)} MB` : 'n/a'],
      ['card of a +100k entity, background time (warm)', `${ms(c.bigPackCardBackgroundMs, 1)} ms`],
      ['same, round trip from the card frame (warm)', `${ms(c.bigPackCardRoundTripMs, 1)} ms`],
      [
        'same, background time after the worker was stopped',
        `${ms(c.coldWorkerCardBackgroundMs, 1)} ms`,
      ],
      ['same, round trip after the worker was stopped', `${ms(c.coldWorkerCardRoundTripMs, 1)} ms`],
      [
        'a page on a stopped worker: first answer (wake, matcher loaded from IndexedDB)',
        `${ms(c.coldWorkerFirstAnswerMs, 1)} ms`,
      ],
      ['then its first batch matched (round trip)', `${ms(c.coldWorkerFirstMatchMs, 1)} ms`],
      ['import of 100,000 entities through the options page', `${ms(result.import.ms)} ms`],
      ['longest timer gap of a page read meanwhile', `${ms(result.import.pageGapMs)} ms`],
      ['browser start and install, until the built-in pack is stored', `${ms(c.installMs)} ms`],
      [
        'then the first page: load to marks (the pack is compiled meanwhile)',
        `${ms(c.firstPageToMarksMs)} ms`,
      ],
      [
        'script in pages, minified (gzipped)',
        `${(result.contentScript.bytes / 1000).toFixed(1)} kB (${(result.contentScript.gzipped / 1000).toFixed(1)} kB)`,
      ],
    ],
  );
}
console.log(
  '\n  Chromium: ext CPU is V8-profiled CPU in stacks with an extension frame; self-timed is the content script’s own sum of its stretches.' +
    '\n  Firefox: only the self-timed figure exists (no profile of a content script over BiDi); peer is mark.js wall time there.' +
    '\n  Timer gap: the longest gap of the page’s own 10 ms timer after load (Firefox has no Long Animation Frames).',
);

writeFileSync(
  resolve('.output/bench.json'),
  JSON.stringify({ date: new Date().toISOString(), ci, matcher, browsers }, null, 2),
);
