/**
 * The map's text alternative: what a sighted reader takes from it at a glance, in one or two
 * sentences. Pure string work, so every wording is testable.
 */

/** Where a point sits in a box, in thirds: 'north-western', 'central', 'southern', … */
export function regionWord(fractionX: number, fractionY: number): string {
  const vertical = fractionY < 1 / 3 ? 'north' : fractionY > 2 / 3 ? 'south' : '';
  const horizontal = fractionX < 1 / 3 ? 'west' : fractionX > 2 / 3 ? 'east' : '';
  if (!vertical && !horizontal) return 'central';
  if (!vertical) return `${horizontal}ern`;
  if (!horizontal) return `${vertical}ern`;
  return `${vertical}-${horizontal}ern`;
}

// Names that take "the" in running text: "in the south-western United States".
const TAKES_THE =
  /^(United |Central African|Czech Republic|Dominican Republic|DR |Democratic|Republic )|Islands$|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Caribbean Netherlands)$/;

/** The country name as it reads mid-sentence, with "the" where English wants one. */
export function inSentence(country: string): string {
  return TAKES_THE.test(country) ? `the ${country}` : country;
}

/** "A", "A and B", "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the map says about a place. */
export interface PlaceDescription {
  name: string;
  country: string;
  /**
   * From {@link regionWord}; 'outlying' when the place is on a detached part of the country
   * (Hawaii), 'small' when the country is too small for directions to mean anything (Malta).
   */
  region: string;
  /** The nearest neighbouring country, and whether the place is close to its border. */
  neighbour?: { name: string; nearBorder: boolean };
  /** The capital's name, when the map marks it. */
  capital?: string;
  /** The place is the capital. */
  isCapital?: boolean;
}

/**
 * "Map: Daraa, in south-western Syria near the border with Jordan. The capital, Damascus, is
 * also marked."
 */
export function placeAlt(place: PlaceDescription): string {
  const subject = place.isCapital ? `${place.name}, the capital,` : `${place.name},`;
  let text = `Map: ${subject} ${whereIn(place.country, place.region)}`;
  // A city-state is its own country: "Map: Singapore; the nearest …", not "Singapore, in Singapore".
  if (place.region === 'small' && sameName(place.name, place.country)) text = `Map: ${place.name}`;
  const neighbour = place.neighbour && inSentence(place.neighbour.name);
  // "in Russia, away from its mainland, near the border with Poland."
  const pause = place.region === 'outlying' ? ',' : '';
  if (place.neighbour?.nearBorder) text += `${pause} near the border with ${neighbour}.`;
  else if (neighbour) text += `; the nearest neighbouring country is ${neighbour}.`;
  else text += '.';
  if (place.capital && !place.isCapital) text += ` The capital, ${place.capital}, is also marked.`;
  return text;
}

function whereIn(country: string, region: string): string {
  if (region === 'outlying') return `in ${inSentence(country)}, away from its mainland`;
  if (region === 'small') return `in ${inSentence(country)}`;
  // "in south-western Syria", but "in the south-western United States".
  return TAKES_THE.test(country) ? `in the ${region} ${country}` : `in ${region} ${country}`;
}

/**
 * "Map: Jordan, highlighted among its neighbours Iraq, Israel, Palestine, Saudi Arabia and
 * Syria. The capital, Amman, is marked."
 */
export function countryAlt(name: string, borders: readonly string[], capital?: string): string {
  const neighbours = borders.map(inSentence);
  let text = `Map: ${name}, highlighted`;
  if (neighbours.length > 1) text += ` among its neighbours ${listOf(neighbours)}.`;
  else if (neighbours.length === 1) text += ` beside its only neighbour, ${neighbours[0]}.`;
  else text += '; it has no land borders.';
  if (capital) text += ` The capital, ${capital}, is marked.`;
  return text;
}

/** Same words, ignoring case and accents. */
export function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'base' }) === 0;
}
