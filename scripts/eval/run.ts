/**
 * `npm run eval -- <suite> [options]`: how well the engine marks text nobody here wrote.
 *
 * - `benchmarks`: public entity-linking benchmarks of news (ELEVANT's Wikidata-annotated copies).
 *   Options: `--elevant DIR` (or `BACKSTORY_ELEVANT`), `--only a,b`, `--all-mentions`.
 * - `news`: real news pages judged by hand (`test/eval/news-pages.gold.json`), read from fetched
 *   mirrors. Options: `--gold FILE`, `--mirrors DIR` (or `BACKSTORY_MIRRORS`), `--unjudged FILE`.
 * Both: `--pack FILE`, `--verbose`, `--json FILE` (every figure, as JSON).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_BENCHMARKS, DEFAULT_ELEVANT, runBenchmarks } from './benchmarks';
import { loadKnowledge } from './knowledge';
import { DEFAULT_GOLD, DEFAULT_MIRRORS, runNews } from './news';

const USAGE = `usage: npm run eval -- <suite> [options]
  benchmarks  [--elevant DIR] [--only a,b] [--all-mentions]
  news        [--gold FILE] [--mirrors DIR] [--unjudged FILE]
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
  const { lines, result } =
    suite === 'benchmarks'
      ? runBenchmarks(knowledge, {
          elevant: values.elevant ?? process.env.BACKSTORY_ELEVANT ?? DEFAULT_ELEVANT,
          benchmarks: values.only?.split(',').filter(Boolean) ?? DEFAULT_BENCHMARKS,
          allMentions: values['all-mentions'],
          verbose: values.verbose,
        })
      : runNews(knowledge, {
          gold: values.gold ?? DEFAULT_GOLD,
          mirrors: values.mirrors ?? process.env.BACKSTORY_MIRRORS ?? DEFAULT_MIRRORS,
          verbose: values.verbose,
          unjudged: values.unjudged,
        });
  for (const line of lines) console.log(line);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  // A missing pack, gold file, mirror or benchmark: say which, without a stack.
  console.error(`eval: ${(error as Error).message}`);
  process.exit(1);
}
