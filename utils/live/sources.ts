import type { MessageKey } from '../i18n/translator';
import { DEFAULT_ENDPOINTS, hostPattern, type LiveEndpoints } from './endpoints';

/**
 * The live sources a reader can turn on, one by one, each off by default. For each: what it sends
 * where, in one plain sentence for the options page, and the host permissions it needs (asked
 * for as optional host permissions when the reader turns it on, so nothing is granted up front).
 * What the reader reads about a source is in the message catalogues (`public/_locales/`), named
 * here by key: the options page says it in the reader's language.
 */

export type LiveSourceId = 'wikipedia' | 'wikidata' | 'gdelt' | 'guardian';

export interface LiveSource {
  id: LiveSourceId;
  /** Its name, as a message ("Wikipedia", "ويكيبيديا"). */
  nameKey: MessageKey;
  /** What it sends where, for the reader, in one sentence (a message). */
  sendsKey: MessageKey;
  /** What it adds to a card (a message). */
  addsKey: MessageKey;
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
    nameKey: 'live_wikipedia_name',
    sendsKey: 'live_wikipedia_sends',
    addsKey: 'live_wikipedia_adds',
    endpoints: ['wikipediaRest', 'wikipediaApi'],
    needsKey: false,
    licence: 'CC BY-SA 4.0',
    enabledByDefault: false,
  },
  {
    id: 'wikidata',
    nameKey: 'live_wikidata_name',
    sendsKey: 'live_wikidata_sends',
    addsKey: 'live_wikidata_adds',
    endpoints: ['wikidataApi'],
    needsKey: false,
    licence: 'CC0',
    enabledByDefault: false,
  },
  {
    id: 'gdelt',
    nameKey: 'live_gdelt_name',
    sendsKey: 'live_gdelt_sends',
    addsKey: 'live_gdelt_adds',
    endpoints: ['gdelt'],
    needsKey: false,
    licence: 'GDELT terms (links and titles only)',
    enabledByDefault: false,
  },
  {
    id: 'guardian',
    nameKey: 'live_guardian_name',
    sendsKey: 'live_guardian_sends',
    addsKey: 'live_guardian_adds',
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
