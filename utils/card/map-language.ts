/**
 * A locator map's words in the card's language. The background builds the map with English
 * names and an English text alternative; a card in another language renames the countries with
 * `Intl.DisplayNames` (by their ISO codes) and says where the place is in its own words.
 */
import type { Translator } from '../i18n/translator';
import { ISO_COUNTRIES } from '../map/iso-countries';
import type { LocatorMap } from '../map/locator';

/** Countries named in a country map's text alternative, nearest first. */
const NAMED_NEIGHBOURS = 5;

let byNumeric: Map<string, string> | null = null;

/** ISO 3166-1 numeric ('760') → alpha-2 ('SY'). */
function alpha2(numeric: string): string | undefined {
  byNumeric ??= new Map(Object.entries(ISO_COUNTRIES).map(([code, [number]]) => [number, code]));
  return byNumeric.get(numeric);
}

/** The map with its country names and text alternative in the translator's language. */
export function localiseMap(map: LocatorMap, placeName: string, t: Translator): LocatorMap {
  if (t.language === 'en') return map;
  const names = new Intl.DisplayNames([t.locale], { type: 'region', fallback: 'none' });
  const nameOf = (id: string, english: string) => {
    const code = alpha2(id);
    return (code && names.of(code)) || english;
  };
  const country = nameOf(map.country.id, map.country.name);
  const neighbours = map.neighbours.map((neighbour) => ({
    ...neighbour,
    name: nameOf(neighbour.id, neighbour.name),
  }));
  let alt: string;
  if (map.place) {
    alt = t.t('card_map_place', placeName, country);
    if (map.capital) alt += ` ${t.t('card_map_capital')}`;
  } else {
    const around = neighbours.slice(0, NAMED_NEIGHBOURS).map((neighbour) => neighbour.name);
    alt =
      around.length > 0
        ? t.t(
            'card_map_country',
            country,
            new Intl.ListFormat([t.locale], { type: 'conjunction' }).format(around),
          )
        : t.t('card_map_country_alone', country);
  }
  return { ...map, country: { ...map.country, name: country }, neighbours, alt };
}
