/**
 * `npm run bench`: the matcher in Node, then the built extension in Chromium and in Firefox, each
 * against a peer in the same run. `--ci` runs small sizes (what CI runs); figures go to stdout and
 * `.output/bench.json`. Every figure is a median over the runs. Parts of it: `--browser=chromium`,
 * `--pages` (pages with the default pack only: no matcher in Node, no extra pack, no cards),
 * `--sizes=10KB,1MB`, `--runs=9`, `--no-build`, `--build=DIR` (Backstory from DIR/chrome-mv3 and
 * DIR/firefox-mv2, e.g. an earlier commit's build, measured against the same floor),
 * `--subscription=N` (entities in the subscribed pack: 1,000,000, or 100,000 with `--ci`; 0: none).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDefaultPack } from '../../scripts/pack/build';
import { readBuiltPack } from '../../scripts/pack/built-pack';
import { findMentions } from '../../utils/match/find-mentions';
import { BROWSERS } from '../e2e/harness/browsers';
import { type BrowserBenchResult, runBrowserBench } from './browser';
import { newsPage, newsParagraphs } from './corpus';
import { runMatcherBench } from './matcher';
import { fmt, printTable } from './stats';
import { hostSubscription } from './subscription';

const ci = process.argv.includes('--ci');
const pagesOnly = process.argv.includes('--pages');
const runsArg = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7));
/** Another build of Backstory to measure: DIR/chrome-mv3 and DIR/firefox-mv2 (an earlier commit's). */
const buildArg = process.argv.find((arg) => arg.startsWith('--build='))?.slice(8);
const sizesArg = process.argv
  .find((arg) => arg.startsWith('--sizes='))
  ?.slice(8)
  .split(',');
const only = process.argv.find((arg) => arg.startsWith('--browser='))?.slice(10);
/** Entities in the subscribed pack (`--subscription=N`; 0: none). */
const subscriptionArg = process.argv.find((arg) => arg.startsWith('--subscription='))?.slice(15);
const subscriptionSize =
  subscriptionArg === undefined ? (ci ? 100_000 : 1_000_000) : Number(subscriptionArg);
await ensureDefaultPack();
if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
}

const built = readBuiltPack();
const matcher = pagesOnly
  ? null
  : runMatcherBench({
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

// The subscribed pack, published and served once for both browsers.
const publishing = mkdtempSync(join(tmpdir(), 'backstory-bench-publish-'));
const subscription =
  pagesOnly || !(subscriptionSize > 0)
    ? undefined
    : await hostSubscription(publishing, subscriptionSize);

const browsers: BrowserBenchResult[] = [];
for (const name of BROWSERS.filter((browser) => !only || browser === only)) {
  browsers.push(
    await runBrowserBench(name, {
      sizes: (ci
        ? [
            { label: '10KB', bytes: 10_000, runs: 3 },
            { label: '1MB', bytes: 1_000_000, runs: 1 },
          ]
        : [
            { label: '10KB', bytes: 10_000, runs: 5 },
            { label: '1MB', bytes: 1_000_000, runs: 3 },
            { label: '5MB', bytes: 5_000_000, runs: 3 },
          ]
      )
        .filter((size) => !sizesArg || sizesArg.includes(size.label))
        .map((size) => (runsArg > 0 ? { ...size, runs: runsArg } : size)),
      page: (bytes) => ({ html: newsPage(bytes), names: topNames(bytes) }),
      cardRuns: ci ? 3 : 5,
      extra: 100_000,
      pagesOnly,
      ...(subscription ? { subscription } : {}),
      ...(buildArg
        ? {
            extensionDir: resolve(buildArg, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2'),
          }
        : {}),
    }),
  );
}

await subscription?.close();
rmSync(publishing, { recursive: true, force: true });

const ms = (value: number | undefined, digits = 0) =>
  value === undefined || Number.isNaN(value) ? '—' : fmt(value, digits);

for (const result of browsers) {
  const chromium = result.browser === 'chromium';
  const cost: (string | number)[][] = [];
  const response: (string | number)[][] = [];
  for (const [packName, sizes] of Object.entries(result.pages)) {
    for (const [label, row] of Object.entries(sizes)) {
      const page = `${label} ${packName}`;
      cost.push([
        page,
        row.runs ?? 0,
        `${row.marks ?? 0} (${row.floorMarks ?? 0})`,
        ms(row.extCpuMs, 1),
        ms(row.floorCpuMs, 1),
        ms(row.floorRatio, 2),
        chromium ? `${ms(row.extTaskCpuMs, 1)} / ${ms(row.floorTaskCpuMs, 1)}` : '=',
        chromium ? ms(row.taskCpuRatio, 2) : '=',
        ms(row.extSelfTimedMs, 1),
        ms(row.peerCpuMs, 1),
        ms(row.ratio, 3),
        ms(row.floorPeerRatio, 3),
      ]);
      response.push([
        page,
        `${ms(row.toMarksMs)} (${ms(row.floorToMarksMs)})`,
        chromium
          ? `${ms(row.longestFrameAfterLoadMs)} / ${ms(row.baselineFrameAfterLoadMs)}`
          : 'n/a',
        `${ms(row.longestGapAfterLoadMs)} / ${ms(row.floorGapAfterLoadMs)} / ${ms(row.baselineGapAfterLoadMs)}`,
        chromium ? ms(row.heapAddedMb, 1) : 'n/a',
        row.peerMarks ?? 0,
      ]);
    }
  }
  printTable(
    `What a page pays in ${result.browser} (medians; ext = Backstory; floor = the minimal extension; mark.js with 20 names, no extension)`,
    [
      'page and pack',
      'runs',
      'marks (floor)',
      'ext ms',
      'floor ms',
      'ext/floor',
      'CPU ext / floor ms',
      'ext/floor',
      'self-timed ms',
      chromium ? 'mark.js ms' : 'mark.js wall ms',
      'ext/mark.js',
      'floor/mark.js',
    ],
    cost,
  );
  printTable(
    `Marks and frames in ${result.browser} (medians)`,
    [
      'page and pack',
      'to marks ms (floor)',
      'longest frame after load (no ext)',
      'longest timer gap after load (floor / no ext)',
      'heap added MB',
      'mark.js marks',
    ],
    response,
  );
  const c = result.cards;
  if (pagesOnly) continue;
  const sub = result.subscribed;
  if (subscription && sub) {
    // The page's cost by CPU time in Chromium (it does not grow while other processes hold the cores).
    const cost = chromium ? 'extTaskCpuMs' : 'extCpuMs';
    const rows = Object.values(result.pages);
    const withIt = rows.at(-1)?.['10KB']?.[cost];
    const builtIn = rows[0]?.['10KB']?.[cost];
    printTable(
      `A subscription of ${subscription.entities.toLocaleString('en')} entities in ${result.browser} (${(subscription.bytes / 1e6).toFixed(0)} MB, published in ${ms(subscription.publishMs / 1000)} s; served over https on 127.0.0.1)`,
      ['measure', 'value', 'target'],
      [
        ['click on Subscribe to “Subscribed”', `${ms(sub.subscribedMs)} ms`, ''],
        [
          'click on Subscribe to its first mark in a page open meanwhile',
          `${ms(sub.activeMs)} ms`,
          '≤ 60,000 ms',
        ],
        [
          'that page’s longest frame meanwhile (Long Animation Frames: 0 = none over 50 ms)',
          result.browser === 'chromium' ? `${ms(sub.longestFrameMs)} ms` : 'n/a',
          '≤ 50 ms',
        ],
        ['that page’s longest 10 ms timer gap meanwhile', `${ms(sub.longestGapMs)} ms`, ''],
        [
          'background memory: the extension’s process (PSS), before → after',
          `${ms(sub.memoryBeforeMb)} → ${ms(sub.memoryAfterMb)} MB`,
          'reported',
        ],
        [
          'a 10 KB page’s cost with it (and the +100k import) / with the built-in pack',
          ms((withIt ?? Number.NaN) / (builtIn ?? Number.NaN), 2),
          '≤ 1.5',
        ],
      ],
    );
  }
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
      [
        'browser start with the extension installed (the built-in pack is read in place)',
        `${ms(c.installMs)} ms`,
      ],
      [
        'then the first page: load to marks (the matcher is read meanwhile)',
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
  '\n  ext ms, floor ms: the main thread’s time in every sampled stack holding an extension frame (script evaluation, callbacks and what' +
    '\n  they call), sampled every 100 µs: V8’s profiler in Chromium (wall time to the next sample), Gecko’s in Firefox (CPU time to it).' +
    '\n  CPU (Chromium): the CPU time of the main thread’s tasks (trace category toplevel) times the share of their samples in extension' +
    '\n  frames: unlike wall-time samples, it does not grow while other processes hold the cores. self-timed: Backstory’s own sum.' +
    '\n  floor: a minimal extension (test/bench/floor) that walks the text, sends it to its background in one message and paints the offsets.' +
    '\n  mark.js: profiled the same way in Chromium; wall time in Firefox (it works synchronously).' +
    '\n  Timer gap: the longest gap of the page’s own 10 ms timer after load (Firefox has no Long Animation Frames).',
);

writeFileSync(
  resolve('.output/bench.json'),
  JSON.stringify({ date: new Date().toISOString(), ci, matcher, browsers }, null, 2),
);
