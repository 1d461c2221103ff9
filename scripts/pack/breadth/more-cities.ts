/**
 * More cities, and more names for the cities already in the pack:
 * - cities with Wikidata ids from countries-states-cities (`sources/regions-cities.ts`,
 *   ODbL 1.0), with Arabic, Persian, Russian and Chinese names;
 * - Arabic, Persian and Hebrew names by GeoNames id (`packs/data/geonames`, CC BY 4.0) for the
 *   GeoNames cities the pack already has.
 * Arabic names also become the entity's Arabic display name (`translations.ar.name`).
 *
 * Guards: names stay case-sensitive; names that are words or first names, and every town under
 * {@link CONTEXT_BELOW} people (small towns are often named like people: Hamilton, Preston), need a
 * context cue: the country or region named on the page. Everyday words ("Bath", "Sale") are left
 * out unless the city has a million people.
 */
import type { Alias, Entity } from '../../../utils/knowledge/schema';
import { dataDir } from '../sources/data-dir';
import { type CityRow, readCityRows } from '../sources/regions-cities';
import { aliasText } from './aliases';
import { nameInSentence } from './countries';
import { countryByAlpha2, countryDemonyms, countryQidOf } from './country-codes';
import { readTsv } from './extracts';
import { CITIES_LEFT_TO_CURATED, EVERYDAY_NAMES } from './overrides';
import { withoutArabicArticle } from './regions';
import { foldText, wordRisk } from './words';

export type { CityRow } from '../sources/regions-cities';

/** Persian names only where Persian is spoken: elsewhere they mostly repeat the Arabic spelling. */
const PERSIAN_SPEAKING = new Set(['IR', 'AF', 'TJ']);

/** Towns smaller than this match only with a context cue. */
export const CONTEXT_BELOW = 100_000;
/** Names in Russian and Chinese only for cities this big: short names there are often words. */
const OTHER_SCRIPTS_FROM = 100_000;
const ALWAYS_KEEP = 1_000_000;

/** Guards for a city's English name, or null when the city should be left out. */
export function cityNameFlags(
  name: string,
  population: number,
): Omit<Extract<Alias, object>, 'text'> | null {
  const risk = wordRisk(name);
  if (risk === 'common-word' && population < ALWAYS_KEEP) return null;
  const strict = risk === 'common-word' || risk === 'first-name' || population < CONTEXT_BELOW;
  return { caseSensitive: true, ...(strict ? { requireContext: true } : {}) };
}

function addNames(entity: Entity, lang: string, names: Alias[]): void {
  const list = entity.aliases[lang] ?? [];
  const seen = new Set(list.map((alias) => foldText(aliasText(alias))));
  for (const alias of names) {
    const key = foldText(aliasText(alias));
    if (!key || seen.has(key)) continue;
    seen.add(key);
    list.push(alias);
  }
  if (list.length > 0) entity.aliases[lang] = list.slice(0, 200);
}

/** An Arabic (or Persian) name as an alias: one-word names of smaller places need context. */
function arabicAlias(text: string, population: number): Alias {
  return !text.includes(' ') && population < ALWAYS_KEEP ? { text, requireContext: true } : text;
}

function setArabicName(entity: Entity, name: string): void {
  if (entity.translations?.ar?.name) return;
  entity.translations = { ...entity.translations, ar: { ...entity.translations?.ar, name } };
}

/**
 * Add GeoNames' Arabic, Persian and Hebrew names to existing city entities, found by the
 * GeoNames id in their source link. Mutates the entities.
 */
export function addGeonamesNames(entities: Entity[], rows = readTsv('geonames/names.tsv')): number {
  const byId = new Map(rows.map((row) => [row.geonameid ?? '', row]));
  let added = 0;
  for (const entity of entities) {
    const source = entity.sources.find((item) => item.url?.startsWith('https://www.geonames.org/'));
    const id = source?.url?.slice('https://www.geonames.org/'.length);
    const row = id ? byId.get(id) : undefined;
    if (!row) continue;
    const population =
      Number(
        entity.facts
          ?.find((f) => f.label === 'Population')
          ?.value.split(' ')[0]
          ?.replace(/,/g, ''),
      ) || 0;
    for (const lang of ['ar', 'fa', 'he'] as const) {
      const name = row[lang];
      if (lang === 'fa' && !PERSIAN_SPEAKING.has(entity.country ?? '')) continue;
      if (name && !EVERYDAY_NAMES.has(name))
        addNames(entity, lang, [arabicAlias(name, population)]);
    }
    if (row.ar) setArabicName(entity, row.ar);
    added++;
  }
  return added;
}

/**
 * Build city entities from countries-states-cities. Cities whose id is already in
 * `existing` only lend their names in other scripts to that entity; so do cities with the same
 * name in the same country (GeoNames cities without a Wikidata id). Returns the new entities.
 */
export function buildMoreCities(
  existing: Entity[],
  rows: CityRow[] = readCityRows(dataDir()),
): Entity[] {
  const byId = new Map(existing.map((entity) => [entity.id, entity]));
  const byName = new Map<string, Entity>();
  for (const entity of existing) {
    if (entity.kind !== 'place' || !entity.country) continue;
    for (const alias of [entity.name, ...(entity.aliases.en ?? []).map(aliasText)]) {
      byName.set(`${entity.country}:${foldText(alias)}`, entity);
    }
  }
  const out: Entity[] = [];
  for (const row of rows) {
    const country = countryByAlpha2(row.cc);
    if (!country || CITIES_LEFT_TO_CURATED.has(row.cc)) continue;
    const population = Number(row.population) || 0;
    const same = byId.get(row.qid) ?? byName.get(`${row.cc}:${foldText(row.name)}`);
    const foreign: [string, Alias[]][] = [
      ['ar', row.ar && /\p{Script=Arabic}/u.test(row.ar) ? [arabicAlias(row.ar, population)] : []],
      [
        'fa',
        row.fa && PERSIAN_SPEAKING.has(row.cc) && /\p{Script=Arabic}/u.test(row.fa)
          ? [arabicAlias(row.fa, population)]
          : [],
      ],
      [
        'ru',
        row.ru && population >= OTHER_SCRIPTS_FROM && /\p{Script=Cyrillic}/u.test(row.ru)
          ? [row.ru]
          : [],
      ],
      [
        'zh',
        row.zh && population >= OTHER_SCRIPTS_FROM && /\p{Script=Han}/u.test(row.zh)
          ? [row.zh]
          : [],
      ],
    ];
    if (same) {
      for (const [lang, names] of foreign) addNames(same, lang, names);
      if (row.ar && /\p{Script=Arabic}/u.test(row.ar)) setArabicName(same, row.ar);
      continue;
    }
    // A city named like its own country ("Djibouti", "Kuwait") is that entity's business.
    if (foldText(row.name) === foldText(country.name.common)) continue;
    const flags = cityNameFlags(row.name, population);
    if (!flags) continue;
    const english: Alias[] = [{ text: row.name, ...flags }];
    const short = withoutArabicArticle(row.name);
    if (short) english.push({ text: short, ...flags });
    const entity: Entity = {
      id: row.qid,
      kind: 'place',
      name: row.name,
      aliases: { en: english },
      description: `${row.capital ? 'Capital' : 'City'} ${row.capital ? 'of' : 'in'} ${nameInSentence(country)}`,
      ...(population > 0
        ? { facts: [{ label: 'Population', value: population.toLocaleString('en-US') }] }
        : {}),
      coordinates: { lat: Number(row.lat), lon: Number(row.lon) },
      country: row.cc,
      hints: {
        // The country itself is a related entity, which counts as a cue; its demonym does not.
        context: countryDemonyms(row.cc),
        priority: population >= ALWAYS_KEEP ? 2 : population >= CONTEXT_BELOW ? 1 : 0,
      },
      related: [countryQidOf(row.cc)].filter((id): id is string => !!id),
      sources: [
        {
          title: 'countries-states-cities',
          url: `https://www.wikidata.org/wiki/${row.qid}`,
          licence: 'ODbL-1.0',
        },
      ],
    };
    for (const [lang, names] of foreign) addNames(entity, lang, names);
    if (row.ar && /\p{Script=Arabic}/u.test(row.ar)) setArabicName(entity, row.ar);
    byId.set(entity.id, entity);
    byName.set(`${row.cc}:${foldText(row.name)}`, entity);
    out.push(entity);
  }
  return out;
}

/** Whether an entity is a town from this source small enough to yield its name to others. */
export function isMinorTown(entity: Entity): boolean {
  if (entity.kind !== 'place' || entity.sources[0]?.title !== 'countries-states-cities')
    return false;
  if (entity.description.startsWith('Capital')) return false;
  const population =
    Number(entity.facts?.find((fact) => fact.label === 'Population')?.value.replace(/,/g, '')) || 0;
  return population < CONTEXT_BELOW && entity.description.startsWith('City');
}
