/**
 * Extract political parties with Wikidata ids from hdigital/partyfactsdata (MIT):
 * `import/wikipedia/wikidata.csv` (ids, names) joined with `wikipedia.csv` (founding and
 * dissolution years) on the Party Facts id.
 *
 *   npx tsx scripts/pack/extract/parties.ts   → packs/data/parties/parties.tsv
 */
import { headCommit, mirror, show, writeExtract } from './mirror';
import { parseCsv, tsvRow } from './parse';

const SOURCE = mirror('hdigital/partyfactsdata');

const years = new Map(
  parseCsv(show(SOURCE, 'import/wikipedia/wikipedia.csv')).map((row) => [
    row.partyfacts_id,
    { founded: row.year_founded ?? '', dissolved: row.year_dissolved ?? '' },
  ]),
);
const seen = new Set<string>();
const rows: string[] = [];
for (const row of parseCsv(show(SOURCE, 'import/wikipedia/wikidata.csv'))) {
  const qid = row.wikidata_id ?? '';
  if (!/^Q\d+$/.test(qid) || seen.has(qid)) continue;
  seen.add(qid);
  const year = years.get(row.partyfacts_id);
  rows.push(
    tsvRow([
      qid,
      row.country,
      row.name,
      row.name_short,
      row.name_native,
      year?.founded.replace(/\.0$/, ''),
      year?.dissolved.replace(/\.0$/, ''),
    ]),
  );
}
const { commit, date } = headCommit(SOURCE);
writeExtract(
  'parties',
  {
    'parties.tsv': `${tsvRow(['qid', 'iso3', 'name', 'short', 'native', 'founded', 'dissolved'])}\n${rows.join('\n')}\n`,
  },
  {
    title: 'Political parties (Party Facts, Wikipedia/Wikidata import)',
    url: 'https://github.com/hdigital/partyfactsdata (import/wikipedia/wikidata.csv, wikipedia.csv)',
    revision: `${commit} (${date})`,
    licence:
      'MIT (Party Facts authors); names and ids come from Wikidata (CC0) and Wikipedia titles',
    notes: [
      'parties.tsv: one row per Wikidata id (first row kept when Party Facts lists an id twice); country as ISO 3166-1 alpha-3; founding and dissolution years from wikipedia.csv joined on partyfacts_id.',
    ],
  },
);
