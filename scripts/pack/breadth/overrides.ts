/**
 * Hand-made corrections to the generated breadth data, kept as data in `packs/overrides/*.yaml`
 * (countries, cities, office titles) and validated here with valibot: a broken entry fails the
 * build with a message naming the file, the entry and the field. This module loads them once and
 * exports them in the shapes the generators use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import { Alias, AliasObject } from '../../../utils/knowledge/schema';
import { issueLine } from '../../../utils/messages/problem';
import { ROOT } from '../paths';

/** Where the override files live. */
export const OVERRIDES_DIR = join(ROOT, 'packs/overrides');

const Flags = v.strictObject(v.omit(AliasObject, ['text']).entries);
const Alpha2 = v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 code'));
const Words = v.array(v.pipe(v.string(), v.minLength(1)));
/** `CC:name` keys: a country code and a place name as GeoNames (or the display name) spells it. */
const PlaceKey = v.pipe(v.string(), v.regex(/^[A-Z]{2}:.+$/, 'Expected CC:name'));
const Languages = v.picklist(['ar', 'he', 'fa', 'tr']);

export const CountryOverrides = v.strictObject({
  extraAliases: v.record(Alpha2, v.array(Alias)),
  deniedAliases: Words,
  aliasGuards: v.record(v.string(), Flags),
  safeFirstNames: Words,
  relaxedWords: Words,
  context: v.record(Alpha2, v.strictObject({ add: Words, replace: v.optional(v.boolean()) })),
  descriptions: v.record(Alpha2, v.pipe(v.string(), v.maxLength(200))),
  territoryOf: v.record(Alpha2, Alpha2),
  statesWithCapitals: v.array(Alpha2),
});

export const CityOverrides = v.strictObject({
  names: v.record(
    PlaceKey,
    v.strictObject({
      name: v.pipe(v.string(), v.minLength(1)),
      aliases: v.optional(v.array(Alias)),
      dropOriginal: v.optional(v.boolean()),
    }),
  ),
  excluded: v.array(PlaceKey),
  extraIds: v.record(v.string(), v.array(v.pipe(v.number(), v.integer(), v.minValue(1)))),
  forceStrict: v.array(PlaceKey),
  keepGuarded: v.array(PlaceKey),
  nativeNames: v.record(PlaceKey, v.record(Languages, v.array(Alias))),
  adminNames: v.record(Alpha2, v.record(v.string(), v.string())),
  leftToCurated: v.array(Alpha2),
  preferredNamesakes: v.array(PlaceKey),
  cityStates: v.array(Alpha2),
  everydayNames: v.array(v.pipe(v.string(), v.minLength(1))),
  descriptions: v.record(PlaceKey, v.pipe(v.string(), v.maxLength(200))),
});

const Title = v.strictObject({
  title: v.pipe(v.string(), v.minLength(1)),
  since: v.pipe(v.number(), v.integer()),
});

export const OfficeOverrides = v.strictObject({
  titles: v.record(
    Alpha2,
    v.strictObject({ state: v.optional(Title), government: v.optional(Title) }),
  ),
});

export const TitleOverrides = v.strictObject({ deniedWords: Words, deniedTitles: Words });

export const SameAsOverrides = v.strictObject({
  sameAs: v.record(
    v.pipe(v.string(), v.regex(/^bs:[a-z0-9][a-z0-9-]*$/, 'Expected a curated bs: id')),
    v.pipe(v.string(), v.regex(/^Q[1-9]\d*$/, 'Expected a Wikidata id')),
  ),
});

/** Thrown when an override file does not match its schema: one line per problem. */
export class OverridesError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid overrides:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Validate parsed override data against a schema; `file` names it in the messages, e.g.
 * `cities.yaml, field names.IQ:Basrah.aliases[0]: Invalid type: Expected … but received 5`.
 */
export function validateOverrides<S extends v.GenericSchema>(
  file: string,
  schema: S,
  data: unknown,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new OverridesError(result.issues.map((issue) => issueLine(file, issue)));
}

/** Read and validate one override file from `packs/overrides`. */
export function loadOverrides<S extends v.GenericSchema>(
  name: string,
  schema: S,
  dir = OVERRIDES_DIR,
): v.InferOutput<S> {
  return validateOverrides(name, schema, parse(readFileSync(join(dir, name), 'utf8')));
}

const countries = loadOverrides('countries.yaml', CountryOverrides);
const cities = loadOverrides('cities.yaml', CityOverrides);
const offices = loadOverrides('offices.yaml', OfficeOverrides);
const titles = loadOverrides('titles.yaml', TitleOverrides);
const sameAs = loadOverrides('same-as.yaml', SameAsOverrides);

type Flags = v.InferOutput<typeof Flags>;

/** English aliases for countries beyond what world-countries and i18n-iso-countries give. */
export const COUNTRY_EXTRA_ALIASES: Record<string, Alias[]> = countries.extraAliases;
/** Folded aliases never taken from the packages (words and other places). */
export const DENIED_ALIASES = new Set(countries.deniedAliases);
/** Guards for country aliases, by folded text. */
export const COUNTRY_ALIAS_GUARDS: Record<string, Flags> = countries.aliasGuards;
/** First names that are far more often the place: left unguarded. */
export const SAFE_FIRST_NAMES = new Set(countries.safeFirstNames);
/** Everyday words still far more often the place when capitalised: case-sensitive only. */
export const RELAXED_WORDS = new Set(countries.relaxedWords);
/** Extra context words for countries whose short name is guarded. */
export const COUNTRY_CONTEXT: Record<string, { add: string[]; replace?: boolean }> =
  countries.context;
/** Descriptions for places whose status a generic line would get wrong. */
export const COUNTRY_DESCRIPTIONS: Record<string, string> = countries.descriptions;
/** Sovereign of each dependent territory (alpha-2 → alpha-2). */
export const TERRITORY_OF: Record<string, string> = countries.territoryOf;
/** Countries treated as states (with a capital entity) though world-countries marks them dependent. */
export const STATES_WITH_CAPITALS = new Set(countries.statesWithCapitals);

/** Cities whose GeoNames name is not the one English news uses. */
export const CITY_NAMES: Record<
  string,
  { name: string; aliases?: Alias[]; dropOriginal?: boolean }
> = cities.names;
/** GeoNames entries in the population cut that are districts or oddities. */
export const CITY_EXCLUDED = new Set(cities.excluded);
/** Places below the population cut that the news mentions, by GeoNames id. */
export const CITY_EXTRA_IDS: number[] = Object.values(cities.extraIds).flat();
/** Names guarded with context though the word lists miss them. */
export const CITY_FORCE_STRICT = new Set(cities.forceStrict);
/** Cities flagged as everyday words but too notable to drop. */
export const CITY_KEEP_GUARDED = new Set(cities.keepGuarded);
/** Arabic and Hebrew names of Middle East cities. */
export const CITY_NATIVE_NAMES: Record<
  string,
  Partial<Record<'ar' | 'he' | 'fa' | 'tr', Alias[]>>
> = cities.nativeNames;
/** US state and UK nation names by GeoNames admin code. */
export const ADMIN_NAMES: Record<string, Record<string, string>> = cities.adminNames;
/** Countries whose non-capital cities are left to the curated files. */
export const CITIES_LEFT_TO_CURATED = new Set(cities.leftToCurated);
/** Namesakes preferred when a name is shared and the page gives no context. */
export const PREFERRED_NAMESAKES = new Set(cities.preferredNamesakes);
/** City-states: the country entity stands for the city too. */
export const CITY_STATES = new Set(cities.cityStates);
/** Names in other scripts that are everyday words there: never a city's alias. */
export const EVERYDAY_NAMES = new Set(cities.everydayNames);
/** Descriptions for cities whose status a generic line would get wrong. */
export const CITY_DESCRIPTIONS: Record<string, string> = cities.descriptions;

/** Titles of heads of state and government by country, with the year each applies from. */
export const OFFICE_TITLES = offices.titles;

/** Folded words that keep a popular-Wikipedia title out of the pack (slurs, pornography sites). */
export const TITLE_DENIED_WORDS = new Set(titles.deniedWords);
/** Folded popular-Wikipedia titles left out whole. */
export const TITLE_DENIED_TITLES = new Set(titles.deniedTitles);

/** Curated `bs:` ids → the Wikidata id the generated data knows the same person or body by. */
export const CURATED_SAME_AS: Record<string, string> = sameAs.sameAs;
