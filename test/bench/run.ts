/**
 * `npm run bench`: the matcher in Node and the extension in headless Chromium, each against a peer
 * in the same run. `--ci` runs small sizes (what CI runs); figures go to stdout and .output/bench.json.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OUTPUT as PACK, writeDefaultPack } from '../../scripts/pack/build';
import type { KnowledgePack } from '../../utils/knowledge/schema';
import { compileMatcher } from '../../utils/match/compile';
import { findMentions } from '../../utils/match/find-mentions';
import { runBrowserBench } from './browser';
import { newsPage, newsParagraphs } from './corpus';
import { runMatcherBench } from './matcher';

const ci = process.argv.includes('--ci');
await writeDefaultPack();
if (!process.argv.includes('--no-build'))
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });

const matcher = runMatcherBench({
  packPath: PACK,
  textBytes: ci ? 1_000_000 : 4_000_000,
  syntheticAliases: 100_000,
});

const pack = JSON.parse(readFileSync(PACK, 'utf8')) as KnowledgePack;
const { data } = compileMatcher(pack.entities);

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

const browser = await runBrowserBench({
  sizes: ci
    ? [
        { label: '10KB', bytes: 10_000, runs: 3 },
        { label: '1MB', bytes: 1_000_000, runs: 1 },
      ]
    : [
        { label: '10KB', bytes: 10_000, runs: 5 },
        { label: '1MB', bytes: 1_000_000, runs: 5 },
        { label: '5MB', bytes: 5_000_000, runs: 3 },
      ],
  page: (bytes) => ({ html: newsPage(bytes), names: topNames(bytes) }),
});

writeFileSync(
  resolve('.output/bench.json'),
  JSON.stringify({ date: new Date().toISOString(), ci, matcher, browser }, null, 2),
);
