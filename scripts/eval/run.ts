/**
 * `npm run eval -- <suite> [options]`: how well the engine marks text nobody here wrote.
 *
 * - `benchmarks`: public entity-linking benchmarks of news (ELEVANT's Wikidata-annotated copies).
 *   Options: `--elevant DIR` (or `BACKSTORY_ELEVANT`), `--only a,b`, `--all-mentions`.
 * - `news`: real news pages judged by hand (`test/eval/news-pages.gold.json`), read from fetched
 *   mirrors. Options: `--gold FILE`, `--mirrors DIR` (or `BACKSTORY_MIRRORS`), `--unjudged FILE`.
 * Both: `--pack FILE`, `--verbose`, `--json FILE` (every figure, as JSON).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_BENCHMARKS, DEFAULT_ELEVANT, runBenchmarks } from './benchmarks';
import type { PageGold } from './gold';
import { loadKnowledge } from './knowledge';
import { startLiveEvaluation } from './live-discovery';
import { DEFAULT_GOLD, DEFAULT_MIRRORS, type LiveRun, runNews } from './news';
import { goldTitles, sourceTitles, wikiOf } from './title-lists';

/** The fake Wikipedia for `--live`: from the sources' titles, or from the gold's own labels. */
async function liveRun(list: string, goldPath: string): Promise<LiveRun> {
  if (list !== 'titles' && list !== 'gold')
    throw new Error(`--live takes titles or gold, not ${list}`);
  const golds = JSON.parse(readFileSync(goldPath, 'utf8')) as PageGold[];
  const languages = [...new Set(['en', ...golds.map((gold) => gold.language)])];
  const titles = list === 'gold' ? goldTitles(golds) : await sourceTitles(languages);
  const wikis = Object.fromEntries([...titles].map(([lang, items]) => [lang, wikiOf(items)]));
  return { evaluation: await startLiveEvaluation(wikis), on: !values['live-off'] };
}

const USAGE = `usage: npm run eval -- <suite> [options]
  benchmarks  [--elevant DIR] [--only a,b] [--all-mentions]
  news        [--gold FILE] [--mirrors DIR] [--unjudged FILE]
              [--live titles|gold] [--live-off]   live discovery against the fake Wikipedia
  both:       [--pack FILE] [--verbose] [--json FILE]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pack: { type: 'string' },
    json: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    elevant: { type: 'string' },
    only: { type: 'string' },
    'all-mentions': { type: 'boolean' },
    gold: { type: 'string' },
    mirrors: { type: 'string' },
    unjudged: { type: 'string' },
    live: { type: 'string' },
    'live-off': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
const suite = positionals[0];
if (values.help || positionals.length !== 1 || (suite !== 'benchmarks' && suite !== 'news')) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

try {
  const knowledge = loadKnowledge(values.pack);
  const gold = values.gold ?? DEFAULT_GOLD;
  const live = suite === 'news' && values.live ? await liveRun(values.live, gold) : undefined;
  const { lines, result } =
    suite === 'benchmarks'
      ? runBenchmarks(knowledge, {
          elevant: values.elevant ?? process.env.BACKSTORY_ELEVANT ?? DEFAULT_ELEVANT,
          benchmarks: values.only?.split(',').filter(Boolean) ?? DEFAULT_BENCHMARKS,
          allMentions: values['all-mentions'],
          verbose: values.verbose,
        })
      : await runNews(knowledge, {
          gold,
          mirrors: values.mirrors ?? process.env.BACKSTORY_MIRRORS ?? DEFAULT_MIRRORS,
          verbose: values.verbose,
          unjudged: values.unjudged,
          ...(live ? { live } : {}),
        });
  await live?.evaluation.close();
  for (const line of lines) console.log(line);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  // A missing pack, gold file, mirror or benchmark: say which, without a stack.
  console.error(`eval: ${(error as Error).message}`);
  process.exit(1);
}
