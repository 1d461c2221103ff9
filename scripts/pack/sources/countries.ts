/**
 * Countries and territories from the npm package world-countries (ODbL 1.0), with the Wikidata
 * ids of `breadth/country-qids.json`: English name (as the pack names them), official name and
 * other spellings as aliases, names in some twenty languages, P297 ISO code, point. Other sources
 * name countries only by id (P17, geografia's P35/P6), so these are the items their names join on.
 */
import { countryQid, displayName } from '../breadth/countries';
import { loadCountries } from '../breadth/data';
import type { KbItem } from '../kb/item';
import { addAlias, addClaim, addLabel, ItemMap } from './build-item';
import { SOURCES } from './registry';

/** world-countries' ISO 639-3 codes → Wikidata's language codes. */
const LANGUAGES: Record<string, string> = {
  ara: 'ar',
  bre: 'br',
  ces: 'cs',
  cym: 'cy',
  deu: 'de',
  est: 'et',
  fin: 'fi',
  fra: 'fr',
  hrv: 'hr',
  hun: 'hu',
  ita: 'it',
  jpn: 'ja',
  kor: 'ko',
  nld: 'nl',
  per: 'fa',
  pol: 'pl',
  por: 'pt',
  rus: 'ru',
  slk: 'sk',
  spa: 'es',
  srp: 'sr',
  swe: 'sv',
  tur: 'tr',
  urd: 'ur',
  zho: 'zh',
};

/** KbItems of the countries and territories world-countries and our id table both know. */
export function countryItems(): KbItem[] {
  const items = new ItemMap(SOURCES.worldCountries.id);
  for (const country of loadCountries()) {
    let qid: string;
    try {
      qid = countryQid(country.cca2);
    } catch {
      continue;
    }
    const item = items.get(qid as KbItem['id']);
    addLabel(item, 'en', displayName(country));
    addAlias(item, 'en', country.name.common);
    addAlias(item, 'en', country.name.official);
    // Two-letter codes ("SY") are not names.
    for (const spelling of country.altSpellings)
      if (spelling.length > 3) addAlias(item, 'en', spelling);
    for (const [code, names] of Object.entries(country.translations)) {
      const lang = LANGUAGES[code];
      if (!lang) continue;
      addLabel(item, lang, names.common);
      addAlias(item, lang, names.official);
    }
    item.kindHint = 'place';
    addClaim(item, 'P297', { value: country.cca2 });
    const [lat, lon] = country.latlng;
    if (lat !== undefined && lon !== undefined) item.point = { lat, lon };
  }
  return items.values();
}
