/**
 * Extract cities with Wikidata ids from dr5hn/countries-states-cities-database
 * (`contributions/cities/XX.json`, ODbL 1.0 + DbCL 1.0), with their names in Arabic, Persian,
 * Russian and Chinese.
 *
 *   npx tsx scripts/pack/extract/cities.ts   → packs/data/cities/cities.tsv
 *
 * Rows: places of at least {@link MIN_POPULATION} people (the snapshot's figure) or capitals,
 * one per Wikidata id (the most populous row wins). The snapshot lacks some big countries' files
 * (US, DE, FR, ES, IT, IN, BR, MX, RU, AU and others); those countries keep their GeoNames cities.
 */
import { headCommit, list, mirror, show, writeExtract } from './mirror';
import { tsvRow } from './parse';

const SOURCE = mirror('dr5hn/countries-states-cities-database');

/** Below this a town rarely makes international news, and its name is often a surname or word. */
export const MIN_POPULATION = 15_000;

/** Administrative parts of a city, not places in their own right. */
const SKIPPED_TYPES = new Set(['section', 'district', 'destroyed', 'area', 'adm4']);

const LANGUAGES = { ar: 'ar', fa: 'fa', ru: 'ru', 'zh-CN': 'zh' } as const;

interface Raw {
  name: string;
  country_code: string;
  state_code: string | null;
  type: string | null;
  latitude: string;
  longitude: string;
  native: string | null;
  population: number | null;
  translations: Record<string, string> | null;
  wikiDataId: string | null;
}

const best = new Map<string, Raw>();
const missing: string[] = [];
for (const path of list(SOURCE, 'contributions/cities').filter((p) => p.endsWith('.json'))) {
  let cities: Raw[];
  try {
    cities = JSON.parse(show(SOURCE, path)) as Raw[];
  } catch {
    missing.push(path.replace(/^.*\//, '').replace('.json', ''));
    continue;
  }
  for (const city of cities) {
    const qid = city.wikiDataId ?? '';
    if (!/^Q\d+$/.test(qid) || SKIPPED_TYPES.has(city.type ?? '')) continue;
    const population = city.population ?? 0;
    if (population < MIN_POPULATION && city.type !== 'capital') continue;
    const earlier = best.get(qid);
    if (!earlier || (earlier.population ?? 0) < population) best.set(qid, city);
  }
}
const rows = [...best.entries()]
  .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
  .map(([qid, city]) =>
    tsvRow([
      qid,
      city.country_code,
      city.state_code,
      city.name,
      city.type === 'capital' ? 'capital' : '',
      Number(city.latitude).toFixed(3),
      Number(city.longitude).toFixed(3),
      city.population,
      ...Object.keys(LANGUAGES).map((lang) => city.translations?.[lang] ?? ''),
    ]),
  );
const { commit, date } = headCommit(SOURCE);
writeExtract(
  'cities',
  {
    'cities.tsv': `${tsvRow(['qid', 'cc', 'state', 'name', 'capital', 'lat', 'lon', 'population', ...Object.values(LANGUAGES)])}\n${rows.join('\n')}\n`,
  },
  {
    title: 'Cities (countries-states-cities-database)',
    url: 'https://github.com/dr5hn/countries-states-cities-database (contributions/cities/XX.json)',
    revision: `${commit} (${date})`,
    licence:
      'Open Database License (ODbL) 1.0, contents under the Database Contents License (DbCL) 1.0',
    notes: [
      `cities.tsv: places with a Wikidata id and at least ${MIN_POPULATION.toLocaleString('en-US')} people, or capitals; city sections and districts left out; one row per Wikidata id; coordinates rounded to 3 decimals; names in ar, fa, ru, zh from the translations.`,
      `Country files missing from the snapshot (over the mirror's 4 MB limit or absent): ${missing.join(', ') || 'none'}.`,
      'ODbL: this extract is a derivative database of countries-states-cities-database and is offered under ODbL 1.0 too.',
    ],
  },
);
