/**
 * Country lookups shared by the data generators: ISO 3166-1 alpha-3 → alpha-2, the Wikidata id of
 * a country, and how to name it in a sentence.
 */
import { countryQid, demonyms, displayName } from './countries';
import { type Country, loadCountries } from './data';

let byAlpha3: Map<string, Country> | undefined;
let byAlpha2: Map<string, Country> | undefined;

/** The world-countries record for an alpha-3 code ("FRA"), if any. */
export function countryByAlpha3(code: string): Country | undefined {
  byAlpha3 ??= new Map(loadCountries().map((country) => [country.cca3, country]));
  return byAlpha3.get(code);
}

/** The world-countries record for an alpha-2 code ("FR"), if any. */
export function countryByAlpha2(code: string): Country | undefined {
  byAlpha2 ??= new Map(loadCountries().map((country) => [country.cca2, country]));
  return byAlpha2.get(code);
}

/** Alpha-3 → alpha-2 ("FRA" → "FR"); undefined for codes world-countries does not know. */
export function alpha2(code: string): string | undefined {
  return countryByAlpha3(code)?.cca2;
}

/** Display name of a country by alpha-2 code ("US" → "United States"). */
export function countryName(cca2: string): string {
  const country = countryByAlpha2(cca2);
  return country ? displayName(country) : cca2;
}

/**
 * Context words that place something in a country: its demonyms ("Iraqi"). The country's name
 * needs no word of its own: the country entity is related, and a related entity on the page
 * counts as a cue.
 */
export function countryDemonyms(cca2: string): string[] {
  const country = countryByAlpha2(cca2);
  return country ? demonyms(country) : [];
}

/** Wikidata id of a country by alpha-2 code, or undefined. */
export function countryQidOf(cca2: string): string | undefined {
  try {
    return countryQid(cca2);
  } catch {
    return undefined;
  }
}
