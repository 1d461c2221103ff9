/**
 * A large dump-format test input, for throughput and memory figures: the real items of the parser
 * fixture (`../shared/data/maxlath+wikibase-sdk/items.jsonl`, 13 items in the dump's JSON)
 * repeated with fresh ids, in `latest-all.json`'s layout (a JSON array, one entity per line).
 *
 *   npx tsx scripts/pack/kb/synthetic-dump.ts --lines 1000000 --out /tmp/synthetic-dump.json.gz
 *
 * The mix repeats the eight small items (0.7–18 KB a line) ten times for each of the five large
 * ones (50–295 KB), so the mean line is ~13 KB, about the full dump's. Write it to /tmp: it is
 * test input, never committed. `.gz` in the name gzips it (level 1, for speed).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { ROOT } from '../paths';
import { isMain } from './cli';

/** The parser fixture, read where the shared data lives (never copied into the repository). */
export const FIXTURE_ITEMS = join(ROOT, '../shared/data/maxlath+wikibase-sdk/items.jsonl');

const SMALL_LINE = 20_000;
const SMALL_REPEATS = 10;
/** First id of the synthetic items: far above Wikidata's own, so none is a real item. */
const FIRST_ID = 900_000_000;

const PLACEHOLDER = '"@ID@"';

/** Each fixture line with a placeholder for its id (and for `title`, which repeats the id). */
function templates(): string[] {
  const out: string[] = [];
  for (const line of readFileSync(FIXTURE_ITEMS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entity = JSON.parse(line) as Record<string, unknown>;
    entity.id = '@ID@';
    if ('title' in entity) entity.title = '@ID@';
    const text = JSON.stringify(entity);
    const repeats = line.length < SMALL_LINE ? SMALL_REPEATS : 1;
    for (let i = 0; i < repeats; i++) out.push(text);
  }
  return out;
}

/** Lines of a synthetic dump, as the dump writes them (an array, one entity a line). */
export function* syntheticDump(lines: number): Generator<string> {
  const mix = templates();
  yield '[\n';
  for (let i = 0; i < lines; i++) {
    const template = mix[i % mix.length] as string;
    const line = template.replaceAll(PLACEHOLDER, `"Q${FIRST_ID + i}"`);
    yield `${line}${i + 1 < lines ? ',' : ''}\n`;
  }
  yield ']\n';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { lines: { type: 'string', default: '1000000' }, out: { type: 'string' } },
  });
  if (!values.out) throw new Error('Usage: synthetic-dump.ts --lines N --out /tmp/file.json[.gz]');
  const file = createWriteStream(values.out);
  const sink = values.out.endsWith('.gz') ? createGzip({ level: 1 }) : undefined;
  sink?.pipe(file);
  const out = sink ?? file;
  for (const line of syntheticDump(Number(values.lines))) {
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await new Promise<void>((resolve) => file.once('close', () => resolve()));
  console.log(`wrote ${values.lines} lines to ${values.out}`);
}

if (isMain(import.meta.url)) await main();
