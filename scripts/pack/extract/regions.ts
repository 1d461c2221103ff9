/**
 * Extract first-level regions (states, provinces, governorates) with Wikidata ids from
 * dr5hn/countries-states-cities-database (`csv/states.csv`, ODbL 1.0 + DbCL 1.0).
 *
 *   npx tsx scripts/pack/extract/regions.ts   → packs/data/regions/regions.tsv
 */
import { headCommit, mirror, show, writeExtract } from './mirror';
import { parseCsv, tsvRow } from './parse';

const SOURCE = mirror('dr5hn/countries-states-cities-database');

const rows: string[] = [];
for (const row of parseCsv(show(SOURCE, 'csv/states.csv'))) {
  // Only top-level divisions: a parent means a second-level unit (an English county's district).
  if (!/^Q\d+$/.test(row.wikiDataId ?? '') || row.parent_id) continue;
  rows.push(
    tsvRow([
      row.wikiDataId,
      row.country_code,
      row.name,
      row.native,
      row.type,
      row.iso3166_2,
      Number(row.latitude).toFixed(3),
      Number(row.longitude).toFixed(3),
      row.population,
    ]),
  );
}
const { commit, date } = headCommit(SOURCE);
writeExtract(
  'regions',
  {
    'regions.tsv': `${tsvRow(['qid', 'cc', 'name', 'native', 'type', 'iso', 'lat', 'lon', 'population'])}\n${rows.join('\n')}\n`,
  },
  {
    title: 'First-level regions (countries-states-cities-database)',
    url: 'https://github.com/dr5hn/countries-states-cities-database (csv/states.csv)',
    revision: `${commit} (${date})`,
    licence:
      'Open Database License (ODbL) 1.0, contents under the Database Contents License (DbCL) 1.0',
    notes: [
      'regions.tsv: rows with a Wikidata id and no parent (first-level units); coordinates rounded to 3 decimals; native name kept (Arabic for Arab states).',
      'ODbL: this extract is a derivative database of countries-states-cities-database and is offered under ODbL 1.0 too.',
    ],
  },
);
