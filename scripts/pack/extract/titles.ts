/**
 * Extract the list of popular English Wikipedia article titles from the npm package
 * `compromise-wikipedia` (MIT): about 38,000 titles, lower-cased, with no ids.
 *
 *   npx tsx scripts/pack/extract/titles.ts   → packs/data/wikipedia-titles/titles.txt
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import plugin from 'compromise-wikipedia';
import { ROOT } from '../paths';
import { writeExtract } from './mirror';

const pkg = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/compromise-wikipedia/package.json'), 'utf8'),
) as { version: string };

/**
 * The plugin unpacks its list when compromise installs it, handing the titles to `buildTrie`;
 * a stand-in for compromise catches them there, so only the package's public entry is used.
 */
function unpackTitles(): string[] {
  let titles: string[] = [];
  const world = { model: {} as Record<string, unknown> };
  const nlp = {
    buildTrie: (list: string[]) => {
      titles = list;
      return {};
    },
  };
  (plugin as unknown as { mutate: (w: unknown, n: unknown) => void }).mutate(world, nlp);
  return [...titles].sort();
}

const titles = unpackTitles();
writeExtract(
  'wikipedia-titles',
  { 'titles.txt': `${titles.join('\n')}\n` },
  {
    title: 'Popular English Wikipedia titles (compromise-wikipedia)',
    url: 'https://www.npmjs.com/package/compromise-wikipedia',
    revision: `compromise-wikipedia ${pkg.version}`,
    licence: 'MIT (the package); the titles are Wikipedia article names',
    notes: [
      `titles.txt: ${titles.length} titles, one per line, lower-cased as the package ships them; no ids and no text.`,
    ],
  },
);
