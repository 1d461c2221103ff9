/**
 * One `place` entity per country and territory in world-countries (250), with names in English,
 * Arabic and other major languages, a Wikidata id from `country-qids.json`, facts, and guards on
 * names that are also words ("Turkey", "Chad", "Jordan").
 */
import type { Entity, Fact } from '../../../utils/knowledge/schema';
import { AliasCollector, flagsForRisk, saintVariants, withoutArticle } from './aliases';
import { type Country, loadCountries, loadLocaleNames, loadLocalJson } from './data';
import {
  COUNTRY_ALIAS_GUARDS,
  COUNTRY_CONTEXT,
  COUNTRY_DESCRIPTIONS,
  COUNTRY_EXTRA_ALIASES,
  RELAXED_WORDS,
  SAFE_FIRST_NAMES,
  STATES_WITH_CAPITALS,
  TERRITORY_OF,
} from './overrides';
import { I18N_ISO_COUNTRIES, WORLD_COUNTRIES, wikidataItem } from './sources';
import { foldText, wordRisk } from './words';

/** world-countries translation keys (ISO 639-3) → the pack's language codes. */
const TRANSLATIONS: Record<string, string> = {
  ara: 'ar',
  fra: 'fr',
  spa: 'es',
  deu: 'de',
  rus: 'ru',
  zho: 'zh',
  tur: 'tr',
  per: 'fa',
  por: 'pt',
  ces: 'cs',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
};

/** Display names where English news and Wikidata use another form than world-countries. */
const DISPLAY_NAMES: Record<string, string> = { TR: 'Turkey' };

/** Countries preferred over a namesake country: "Congo" alone is usually the DRC. */
const COUNTRY_PRIORITY: Record<string, number> = { CD: 7 };

/** Country names that take "the" in running English ("the United States", "the Maldives"). */
const TAKES_ARTICLE = new Set([
  'US',
  'GB',
  'NL',
  'PH',
  'BS',
  'GM',
  'MV',
  'CF',
  'CZ',
  'DO',
  'AE',
  'KM',
  'MH',
  'SB',
  'SC',
  'CG',
  'VA',
  'CK',
  'KY',
  'FO',
  'FK',
  'VG',
  'VI',
  'TC',
  'MP',
  'UM',
  'BQ',
  'AX',
]);

/** The country's name as it reads mid-sentence: "the United States", "France". */
export function nameInSentence(country: Country): string {
  const name = displayName(country);
  return TAKES_ARTICLE.has(country.cca2) ? `the ${name}` : name;
}

/** The name shown on cards: world-countries' common name unless English news says otherwise. */
export function displayName(country: Country): string {
  return DISPLAY_NAMES[country.cca2] ?? country.name.common;
}

/** i18n-iso-countries locales read for names (Hebrew is only there). */
const LOCALES = [
  'ar',
  'fr',
  'es',
  'de',
  'ru',
  'zh',
  'tr',
  'fa',
  'he',
  'pt',
  'cs',
  'it',
  'nl',
  'pl',
] as const;

/** Official-name shapes in altSpellings that are English ("Republic of …", "Kingdom of …"). */
const ENGLISH_FORM =
  /^(Republic|Kingdom|State|Federal|Federation|Commonwealth|Democratic|Islamic|People's|United|Union|Principality|Grand Duchy|Sultanate|Independent|Most Serene|Plurinational|Bolivarian|Oriental|Socialist|Co-operative|Hashemite|Arab|Hellenic|Swiss|Nation|Territory|Collectivity|Department|Bailiwick|Lao People's|Czech|East|Ivory|Democratic)\b/;

const COUNTRY_QIDS = loadLocalJson<{ qids: Record<string, string> }>('country-qids.json').qids;

/** Wikidata id of a country or territory by ISO 3166-1 alpha-2 code. */
export function countryQid(cca2: string): string {
  const qid = COUNTRY_QIDS[cca2];
  if (!qid) throw new Error(`No Wikidata id for country ${cca2}`);
  return qid;
}

/** Whether the country gets capital entities: sovereign states and PS, XK, TW. */
export function hasCapitals(country: Country): boolean {
  return country.independent || STATES_WITH_CAPITALS.has(country.cca2);
}

/** English demonyms ("Syrian"), for context words: never aliases, they are adjectives. */
export function demonyms(country: Country): string[] {
  const eng = country.demonyms?.eng;
  if (!eng) return [];
  return [...new Set([eng.m, eng.f].flatMap((d) => d.split(/,\s*| or /)).filter(Boolean))];
}

/** Arabic common name, for context words of the country's cities. */
export function arabicName(country: Country): string | undefined {
  return country.translations.ara?.common;
}

function namesIn(locale: string, cca2: string): string[] {
  const value = loadLocaleNames(locale)[cca2];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((name) => !/[,()]/.test(name));
}

function collectAliases(country: Country): AliasCollector {
  const aliases = new AliasCollector();
  const english = [
    country.name.common,
    country.name.official,
    ...namesIn('en', country.cca2),
    ...country.altSpellings.filter(
      (spelling) => !/[,()]/.test(spelling) && ENGLISH_FORM.test(spelling),
    ),
  ];
  for (const extra of COUNTRY_EXTRA_ALIASES[country.cca2] ?? []) aliases.add('en', extra);
  for (const name of english) {
    aliases.add('en', name);
    for (const variant of saintVariants(name)) aliases.add('en', variant);
  }
  for (const [key, lang] of Object.entries(TRANSLATIONS)) {
    const translation = country.translations[key];
    if (!translation) continue;
    aliases.addForeign(lang, translation.common);
    aliases.addForeign(lang, translation.official);
  }
  for (const locale of LOCALES) {
    for (const name of namesIn(locale, country.cca2)) aliases.addForeign(locale, name);
  }
  applyGuards(aliases);
  return aliases;
}

/** Guards from the hand-made table first, then from the word lists for one-word English names. */
function applyGuards(aliases: AliasCollector): void {
  for (const [folded, entry] of aliases.list()) {
    const table = COUNTRY_ALIAS_GUARDS[folded];
    if (table) {
      aliases.guard(folded, table);
      continue;
    }
    // Aliases given with their own flags ("US", "Emirates") were guarded by hand.
    if (entry.lang !== 'en' || typeof entry.alias !== 'string') continue;
    const risk = wordRisk(entry.alias);
    if (risk === 'first-name' && SAFE_FIRST_NAMES.has(folded)) continue;
    if (risk === 'common-word' && RELAXED_WORDS.has(folded)) {
      aliases.guard(folded, { caseSensitive: true });
      continue;
    }
    aliases.guard(folded, flagsForRisk(risk));
  }
}

function describe(country: Country, byCode: Map<string, Country>): string {
  const special = COUNTRY_DESCRIPTIONS[country.cca2];
  if (special) return special;
  const where = country.subregion || country.region;
  const sovereign = TERRITORY_OF[country.cca2];
  if (sovereign) {
    const owner = byCode.get(sovereign);
    return `Territory of ${owner ? nameInSentence(owner) : sovereign} in ${where}`;
  }
  if (!country.independent) return `Territory in ${where}`;
  return `Country in ${where}`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function summarise(country: Country, neighbours: string[]): string {
  if (country.cca2 === 'AQ') {
    return 'Antarctica is the ice-covered continent around the South Pole. It has no permanent population; under the Antarctic Treaty of 1959 it is reserved for peaceful and scientific use, and territorial claims are frozen.';
  }
  const inSentence = nameInSentence(country);
  const name = inSentence.charAt(0).toUpperCase() + inSentence.slice(1);
  const official = country.name.official;
  const where = country.subregion || country.region;
  const parts: string[] = [];
  const kind = hasCapitals(country) ? 'a country' : 'a territory';
  parts.push(
    official !== displayName(country)
      ? `${name}, officially the ${withoutArticle(official)}, is ${kind} in ${where}.`
      : `${name} is ${kind} in ${where}.`,
  );
  // Hong Kong and Macau have no capital of their own; world-countries names a district.
  const capitals = NO_CAPITAL.has(country.cca2) ? [] : country.capital;
  const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);
  if (capitals.length === 1) parts.push(sentence(`Its capital is ${capitals[0]}`));
  if (capitals.length > 1) parts.push(sentence(`Its capitals are ${joinList(capitals)}`));
  if (neighbours.length > 0) parts.push(`It borders ${joinList(neighbours)}.`);
  else parts.push('It has no land borders.');
  if (country.landlocked) parts.push('It is landlocked.');
  return parts.join(' ');
}

/** Territories whose "capital" in world-countries is a district, not a capital. */
const NO_CAPITAL = new Set(['HK', 'MO']);

function facts(country: Country): Fact[] {
  const list: Fact[] = [];
  if (country.name.official !== country.name.common) {
    list.push({ label: 'Official name', value: country.name.official });
  }
  if (country.capital.length > 0 && !NO_CAPITAL.has(country.cca2)) {
    list.push({
      label: country.capital.length > 1 ? 'Capitals' : 'Capital',
      value: country.capital.join(', '),
    });
  }
  const region = country.subregion ? `${country.subregion} (${country.region})` : country.region;
  list.push({ label: 'Region', value: region });
  const languages = Object.values(country.languages ?? {});
  if (languages.length > 0)
    list.push({ label: 'Languages', value: languages.slice(0, 6).join(', ') });
  const currencies = Object.entries(country.currencies ?? {}).map(
    ([code, currency]) => `${currency.name} (${code})`,
  );
  if (currencies.length > 0) list.push({ label: 'Currency', value: currencies.join(', ') });
  if (country.area > 0) {
    list.push({ label: 'Area', value: `${Math.round(country.area).toLocaleString('en-US')} km²` });
  }
  list.push({ label: 'ISO 3166-1 code', value: `${country.cca2} / ${country.cca3}` });
  if (country.unMember) list.push({ label: 'UN membership', value: 'Member state' });
  return list;
}

/** Context words: demonyms, capitals, biggest cities, Arabic name, and the hand-made extras. */
function contextWords(country: Country, topCities: string[]): string[] {
  const extra = COUNTRY_CONTEXT[country.cca2];
  const words = extra?.replace
    ? [...extra.add]
    : [
        ...demonyms(country),
        ...country.capital,
        ...topCities,
        ...(arabicName(country) ? [arabicName(country) as string] : []),
        ...(extra?.add ?? []),
      ];
  return [...new Set(words.map((word) => word.trim()).filter((word) => word.length > 1))].slice(
    0,
    60,
  );
}

/**
 * Build the country entities. `topCities` gives, per alpha-2 code, the names of the country's
 * biggest cities in the pack (context words); `capitalIds` the ids of its capital entities.
 */
export function buildCountries(
  topCities: Map<string, string[]>,
  capitalIds: Map<string, string[]>,
): Entity[] {
  const countries = loadCountries();
  const byCca3 = new Map(countries.map((country) => [country.cca3, country]));
  const byCca2 = new Map(countries.map((country) => [country.cca2, country]));
  return countries.map((country): Entity => {
    const qid = countryQid(country.cca2);
    const neighbours = country.borders
      .map((code) => byCca3.get(code))
      .filter((neighbour): neighbour is Country => neighbour !== undefined);
    const aliases = collectAliases(country);
    const [lat, lon] = country.latlng;
    const related = [
      ...(capitalIds.get(country.cca2) ?? []),
      ...neighbours.map((neighbour) => countryQid(neighbour.cca2)),
    ];
    const sovereign = TERRITORY_OF[country.cca2];
    if (sovereign) related.unshift(countryQid(sovereign));
    return {
      id: qid,
      kind: 'place',
      name: displayName(country),
      aliases: aliases.toRecord(),
      description: describe(country, byCca2),
      summary: summarise(country, neighbours.map(nameInSentence)),
      facts: facts(country),
      coordinates: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
      country: country.cca2,
      hints: {
        context: contextWords(country, topCities.get(country.cca2) ?? []),
        priority: COUNTRY_PRIORITY[country.cca2] ?? 6,
      },
      related: [...new Set(related)].slice(0, 50),
      sources: [WORLD_COUNTRIES, I18N_ISO_COUNTRIES, wikidataItem(qid)],
    };
  });
}

/** Folded aliases of a country's short name, for tests and the ambiguity report. */
export function countryNameKey(country: Country): string {
  return foldText(country.name.common);
}
