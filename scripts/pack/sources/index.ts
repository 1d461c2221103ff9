/**
 * Every source of the knowledge base as KbItems: {@link readAllSources} runs each adapter on the
 * data directory (and the npm packages), then joins Phoenix's actors by name onto what the others
 * gave. Items are not merged here: the same id from several sources comes once per source, for
 * `kb/merge.ts` to merge and cross-check.
 *
 *   npx tsx scripts/pack/sources/index.ts --stats   items per source, kind hint and language,
 *                                                   distinct Wikidata ids over all sources
 *   BACKSTORY_DATA=/elsewhere npx tsx …             read another data directory
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isQid, type KbItem } from '../kb/item';
import { codexItems } from './codex';
import { congressItems } from './congress';
import { countryItems } from './countries';
import { dataDir } from './data-dir';
import { footballClubItems } from './football-clubs';
import { leaderItems } from './leaders';
import { NameIndex } from './name-index';
import { nsiItems } from './name-suggestion-index';
import { organisationItems } from './organisations';
import { partyItems } from './parties';
import { newPhoenixStats, type PhoenixStats, phoenixItems } from './phoenix-actors';
import { regionAndCityItems } from './regions-cities';
import { SOURCES, sourceById } from './registry';
import { universityItems } from './universities';
import { usNewspaperItems } from './us-newspapers';
import { wikilinkerItems } from './wikilinker';
import { wikitriviaItems } from './wikitrivia';
import { wikitriviaPlaceItems } from './wikitrivia-places';
import { wordnetItems } from './wordnet';

/** One source's items, under the id of the source that leads them. */
export interface SourceItems {
  source: string;
  items: KbItem[];
}

/** The adapters that need nothing but the data directory, most trusted ids first. */
const ADAPTERS: [source: string, read: (dir: string) => KbItem[]][] = [
  [SOURCES.worldCountries.id, () => countryItems()],
  [SOURCES.congress.id, congressItems],
  [SOURCES.geografia.id, leaderItems],
  [SOURCES.partyFacts.id, partyItems],
  [SOURCES.supraverden.id, organisationItems],
  [SOURCES.countriesStatesCities.id, regionAndCityItems],
  [SOURCES.wikitrivia.id, wikitriviaItems],
  [SOURCES.wikitriviaData.id, wikitriviaPlaceItems],
  [SOURCES.nameSuggestionIndex.id, () => nsiItems()],
  [SOURCES.usNewspapers.id, usNewspaperItems],
  [SOURCES.codex.id, codexItems],
  [SOURCES.wikilinker.id, wikilinkerItems],
  [SOURCES.footballClubs.id, footballClubItems],
  [SOURCES.universities.id, universityItems],
  [SOURCES.wordnet.id, () => wordnetItems()],
];

/**
 * Read every source, by source. Phoenix's actors come last, joined by name onto the items of the
 * others; `phoenix` receives how that went.
 */
export function readSources(dir = dataDir(), phoenix?: PhoenixStats): SourceItems[] {
  const out = ADAPTERS.map(([source, read]) => ({ source, items: read(dir) }));
  const index = new NameIndex();
  for (const { source, items } of out) index.add(items, sourceById(source)?.trust ?? 1);
  out.push({ source: SOURCES.phoenix.id, items: phoenixItems(dir, index, phoenix) });
  return out;
}

/** Every item of every source, one stream (items with one id may come from several sources). */
export function readAllSources(dir = dataDir()): KbItem[] {
  return readSources(dir).flatMap(({ items }) => items);
}

/** Counts for the `--stats` report. */
export function sourceStats(sources: SourceItems[]): string[] {
  const lines: string[] = [];
  const all = new Set<string>();
  const table = (title: string, counts: Map<string, number>) => {
    lines.push(title);
    for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1]))
      lines.push(`  ${key.padEnd(26)} ${count.toLocaleString('en-US')}`);
  };
  const kinds = new Map<string, number>();
  const languages = new Map<string, number>();
  lines.push('source                     items    Q-ids   labelled  with P31');
  for (const { source, items } of sources) {
    const qids = items.filter((item) => isQid(item.id));
    for (const item of qids) all.add(item.id);
    const labelled = items.filter((item) => Object.keys(item.labels).length > 0).length;
    const typed = items.filter((item) => item.claims.P31?.length).length;
    lines.push(
      `${source.padEnd(24)} ${String(items.length).padStart(8)} ${String(qids.length).padStart(8)} ${String(labelled).padStart(10)} ${String(typed).padStart(9)}`,
    );
    for (const item of items) {
      const kind = item.kindHint ?? '(none)';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      for (const lang of Object.keys(item.labels))
        languages.set(lang, (languages.get(lang) ?? 0) + 1);
    }
  }
  table('items by kind hint', kinds);
  table(
    'labels by language (top 30)',
    new Map([...languages].sort((a, b) => b[1] - a[1]).slice(0, 30)),
  );
  lines.push(`languages with labels: ${languages.size}`);
  lines.push(`distinct Wikidata ids over all sources: ${all.size.toLocaleString('en-US')}`);
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--stats')) {
    console.log('usage: npx tsx scripts/pack/sources/index.ts --stats');
    process.exit(2);
  }
  try {
    const phoenix = newPhoenixStats();
    const started = Date.now();
    const sources = readSources(dataDir(), phoenix);
    for (const line of sourceStats(sources)) console.log(line);
    console.log(
      `phoenix: ${phoenix.actors} actors, ${phoenix.joined} joined onto other sources' items, ${phoenix.ownItems} items of their own, ${phoenix.dropped} left out (no spelling with capitals); ${phoenix.namesWithCapitals} names with capitals, ${phoenix.namesLeftOut} left out`,
    );
    console.log(`read in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
