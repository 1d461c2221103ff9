/**
 * Regions and cities from `dr5hn+countries-states-cities-database` (ODbL 1.0, contents DbCL 1.0):
 * `csv/states.csv` (states, provinces, governorates and their subdivisions) and
 * `contributions/cities/<CC>.json` (cities with names in some twenty languages; the largest
 * countries' files are absent from the data directory, see its README).
 *
 * Read two ways: as the rows the breadth generator uses (`breadth/regions.ts`,
 * `breadth/more-cities.ts`: first-level regions; cities of {@link MIN_POPULATION} people or
 * capitals), and as KbItems of every row with a Wikidata id — P17 country, P131 the region it
 * lies in, P625 point, P1082 population, P300 ISO 3166-2 code, P1376 for capitals, names by
 * language.
 */
import { countryQidOf } from '../breadth/country-codes';
import type { KbItem } from '../kb/item';
import { addClaim, addLabel, ItemMap } from './build-item';
import { listData, readText } from './data-dir';
import { cell, parseCsv } from './parse';
import { SOURCES } from './registry';
import { languageOfName } from './scripts';

export const STATES_FILE = 'dr5hn+countries-states-cities-database/csv/states.csv';
export const CITIES_FOLDER = 'dr5hn+countries-states-cities-database/contributions/cities';

/** One first-level region, as the breadth generator reads it (coordinates to 3 decimals). */
export interface RegionRow {
  qid: string;
  cc: string;
  name: string;
  native: string;
  type: string;
  iso: string;
  lat: string;
  lon: string;
  population: string;
}

/** One city, as the breadth generator reads it. */
export interface CityRow {
  qid: string;
  cc: string;
  state: string;
  name: string;
  capital: string;
  lat: string;
  lon: string;
  population: string;
  ar: string;
  fa: string;
  ru: string;
  zh: string;
}

/** A city as the source has it. */
export interface RawCity {
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

/** Below this a town rarely makes international news, and its name is often a surname or word. */
export const MIN_POPULATION = 15_000;

/** Administrative parts of a city, not places in their own right. */
const SKIPPED_TYPES = new Set(['section', 'district', 'destroyed', 'area', 'adm4']);

const isQid = (value: string | null | undefined): value is string => /^Q\d+$/.test(value ?? '');

/** Every row of states.csv. */
export function readStates(dir: string): Record<string, string>[] {
  return parseCsv(readText(dir, STATES_FILE));
}

/** First-level regions with a Wikidata id (a parent means a second-level unit). */
export function regionRows(states: Record<string, string>[]): RegionRow[] {
  return states
    .filter((row) => isQid(row.wikiDataId) && !row.parent_id)
    .map((row) => ({
      qid: cell(row.wikiDataId),
      cc: cell(row.country_code),
      name: cell(row.name),
      native: cell(row.native),
      type: cell(row.type),
      iso: cell(row.iso3166_2),
      lat: Number(row.latitude).toFixed(3),
      lon: Number(row.longitude).toFixed(3),
      population: cell(row.population),
    }));
}

/** The first-level regions, for the breadth generator. */
export function readRegionRows(dir: string): RegionRow[] {
  return regionRows(readStates(dir));
}

/** Every city of every country file in the data directory. */
export function readRawCities(dir: string): RawCity[] {
  return listData(dir, CITIES_FOLDER, '.json').flatMap(
    (file) => JSON.parse(readText(dir, file)) as RawCity[],
  );
}

const ROW_LANGUAGES = { ar: 'ar', fa: 'fa', ru: 'ru', zh: 'zh-CN' } as const;

/**
 * The cities the breadth generator uses: a Wikidata id, at least {@link MIN_POPULATION} people or
 * a capital, not a section of a city; one row per id (the most populous wins), sorted by id.
 */
export function cityRows(cities: RawCity[]): CityRow[] {
  const best = new Map<string, RawCity>();
  for (const city of cities) {
    const qid = city.wikiDataId ?? '';
    if (!isQid(qid) || SKIPPED_TYPES.has(city.type ?? '')) continue;
    const population = city.population ?? 0;
    if (population < MIN_POPULATION && city.type !== 'capital') continue;
    const earlier = best.get(qid);
    if (!earlier || (earlier.population ?? 0) < population) best.set(qid, city);
  }
  return [...best.entries()]
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
    .map(([qid, city]) => ({
      qid,
      cc: cell(city.country_code),
      state: cell(city.state_code),
      name: cell(city.name),
      capital: city.type === 'capital' ? 'capital' : '',
      lat: Number(city.latitude).toFixed(3),
      lon: Number(city.longitude).toFixed(3),
      population: cell(city.population),
      ...(Object.fromEntries(
        Object.entries(ROW_LANGUAGES).map(([lang, key]) => [lang, cell(city.translations?.[key])]),
      ) as Pick<CityRow, keyof typeof ROW_LANGUAGES>),
    }));
}

/** The cities for the breadth generator. */
export function readCityRows(dir: string): CityRow[] {
  return cityRows(readRawCities(dir));
}

/**
 * The source's translation keys as Wikidata language codes. `br` is left out: the source uses it
 * for Brazilian Portuguese (a copy of `pt-BR`), while Wikidata's `br` is Breton.
 */
const TRANSLATION_LANGUAGES: Record<string, string> = {
  ar: 'ar',
  de: 'de',
  es: 'es',
  fa: 'fa',
  fr: 'fr',
  hi: 'hi',
  hr: 'hr',
  it: 'it',
  ja: 'ja',
  ko: 'ko',
  nl: 'nl',
  pl: 'pl',
  pt: 'pt',
  'pt-BR': 'pt-br',
  ru: 'ru',
  tr: 'tr',
  uk: 'uk',
  'zh-CN': 'zh',
  zh: 'zh',
  en: 'en',
  id: 'id',
  vi: 'vi',
  bn: 'bn',
};

function point(lat: string, lon: string): KbItem['point'] {
  const at = { lat: Number(lat), lon: Number(lon) };
  return Number.isFinite(at.lat) && Number.isFinite(at.lon) && (at.lat || at.lon) ? at : undefined;
}

/** Add a place's names: English, native (by script), and translations that differ from English. */
function addNames(
  item: KbItem,
  name: string,
  native: string | null | undefined,
  cc: string,
  translations?: Record<string, string> | null,
): void {
  addLabel(item, 'en', name);
  for (const [key, text] of Object.entries(translations ?? {})) {
    const lang = TRANSLATION_LANGUAGES[key];
    if (lang && text && text !== name) addLabel(item, lang, text);
  }
  if (native && native !== name) addLabel(item, languageOfName(native, cc), native);
}

/** KbItems of every region and city with a Wikidata id. */
export function regionAndCityItems(dir: string): KbItem[] {
  return regionAndCityItemsOf(readStates(dir), readRawCities(dir));
}

/** {@link regionAndCityItems} on rows already read. */
export function regionAndCityItemsOf(
  states: Record<string, string>[],
  cities: RawCity[],
): KbItem[] {
  const items = new ItemMap(SOURCES.countriesStatesCities.id);
  const stateQid = new Map<string, string>();
  const stateByCode = new Map<string, string>();
  for (const row of states) {
    if (!isQid(row.wikiDataId)) continue;
    stateQid.set(row.id ?? '', row.wikiDataId);
    stateByCode.set(`${row.country_code}:${row.iso2}`, row.wikiDataId);
  }
  for (const row of states) {
    if (!isQid(row.wikiDataId)) continue;
    const item = items.get(row.wikiDataId as KbItem['id']);
    const cc = row.country_code ?? '';
    addNames(item, row.name ?? '', row.native, cc);
    item.kindHint = 'place';
    addClaim(item, 'P17', { value: countryQidOf(cc) ?? '' });
    addClaim(item, 'P131', { value: stateQid.get(row.parent_id ?? '') ?? countryQidOf(cc) ?? '' });
    addClaim(item, 'P300', { value: row.iso3166_2 ?? '' });
    if (Number(row.population) > 0) addClaim(item, 'P1082', { value: Number(row.population) });
    item.point ??= point(row.latitude ?? '', row.longitude ?? '');
  }
  // One row per id, the most populous: the file gives some ids to many rows (every town of a
  // Panamanian district as Panama City, Q3306, whose names then included "París" and "Parita").
  const claimed = new Map<string, RawCity>();
  for (const city of cities) {
    if (!isQid(city.wikiDataId)) continue;
    const earlier = claimed.get(city.wikiDataId);
    if (!earlier || (earlier.population ?? 0) < (city.population ?? 0))
      claimed.set(city.wikiDataId, city);
  }
  for (const city of claimed.values()) {
    if (!isQid(city.wikiDataId)) continue;
    const item = items.get(city.wikiDataId as KbItem['id']);
    const cc = city.country_code;
    addNames(item, city.name, city.native, cc, city.translations);
    item.kindHint = 'place';
    const country = countryQidOf(cc);
    addClaim(item, 'P17', { value: country ?? '' });
    addClaim(item, 'P131', { value: stateByCode.get(`${cc}:${city.state_code}`) ?? '' });
    if ((city.population ?? 0) > 0) addClaim(item, 'P1082', { value: city.population ?? 0 });
    if (city.type === 'capital' && country) addClaim(item, 'P1376', { value: country });
    item.point ??= point(city.latitude, city.longitude);
  }
  return items.values();
}
