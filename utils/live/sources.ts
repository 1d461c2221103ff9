import { DEFAULT_ENDPOINTS, hostPattern, type LiveEndpoints } from './endpoints';

/**
 * The live sources a reader can turn on, one by one, each off by default. For each: what it sends
 * where, in one plain sentence for the options page, and the host permissions it needs (asked
 * for as optional host permissions when the reader turns it on, so nothing is granted up front).
 */

export type LiveSourceId = 'wikipedia' | 'wikidata' | 'gdelt' | 'guardian';

export interface LiveSource {
  id: LiveSourceId;
  name: string;
  /** What it sends where, for the reader, in one sentence. */
  sends: string;
  /** What it adds to a card. */
  adds: string;
  /** The endpoints it calls: their hosts are its permissions. */
  endpoints: readonly (keyof LiveEndpoints)[];
  /** The reader pastes a key of their own. */
  needsKey: boolean;
  /** Licence of what it returns, for the card's sources line. */
  licence: string;
  /** Always false: nothing leaves the browser until the reader says so. */
  enabledByDefault: false;
}

export const LIVE_SOURCES: readonly LiveSource[] = Object.freeze([
  {
    id: 'wikipedia',
    name: 'Wikipedia',
    sends: "Sends the names Backstory finds, never the page's address, to Wikipedia.",
    adds: 'Short descriptions and summaries for names the knowledge pack does not have.',
    endpoints: ['wikipediaRest', 'wikipediaApi'],
    needsKey: false,
    licence: 'CC BY-SA 4.0',
    enabledByDefault: false,
  },
  {
    id: 'wikidata',
    name: 'Wikidata',
    sends:
      "Sends the Wikidata ids of the people, places and groups on a card, never the page's address, to Wikidata.",
    adds: 'Dated facts — offices, leaders, capitals, populations — as of the article and since.',
    endpoints: ['wikidataApi'],
    needsKey: false,
    licence: 'CC0',
    enabledByDefault: false,
  },
  {
    id: 'gdelt',
    name: 'GDELT',
    sends:
      "Sends the name on a card and the article's date, never the page's address, to the GDELT Project.",
    adds: 'Earlier news coverage from the three months before the article (less reliably, back to 2017).',
    endpoints: ['gdelt'],
    needsKey: false,
    licence: 'GDELT terms (links and titles only)',
    enabledByDefault: false,
  },
  {
    id: 'guardian',
    name: 'The Guardian',
    sends:
      "Sends the name on a card, the article's date and your API key, never the page's address, to The Guardian.",
    adds: 'Earlier Guardian articles about the name, back to 1999.',
    endpoints: ['guardian'],
    needsKey: true,
    licence: 'Guardian Open Platform terms (links and titles only)',
    enabledByDefault: false,
  },
] satisfies LiveSource[]);

/** A source by id. */
export function liveSource(id: LiveSourceId): LiveSource {
  return LIVE_SOURCES.find((source) => source.id === id) as LiveSource;
}

/** The host permissions one source needs, as match patterns. */
export function hostPermissions(
  id: LiveSourceId,
  endpoints: LiveEndpoints = DEFAULT_ENDPOINTS,
): string[] {
  return [...new Set(liveSource(id).endpoints.map((name) => hostPattern(endpoints[name])))];
}

/** Every live source's host permissions: the manifest's `optional_host_permissions`. */
export function allHostPermissions(endpoints: LiveEndpoints = DEFAULT_ENDPOINTS): string[] {
  return [...new Set(LIVE_SOURCES.flatMap((source) => hostPermissions(source.id, endpoints)))];
}
