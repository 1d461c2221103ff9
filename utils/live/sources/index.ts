import { DEFAULT_ENDPOINTS, hostPattern, type LiveEndpoints } from '../endpoints';
import type { LiveSourceDef } from '../source';
import { gdelt } from './gdelt';
import { guardian } from './guardian';
import { wikidata } from './wikidata';
import { wikipedia } from './wikipedia';

/**
 * The live sources a reader can turn on, one by one, each off by default, in the order the options
 * page lists them. Everything that differs between sources is in its module (`defineLiveSource`):
 * the service, the settings, the options page, the local fake and the catalogue tests read this
 * list. What the reader reads about a source is in the message catalogues (`public/_locales/`),
 * under `live_<id>_name`, `live_<id>_sends` and `live_<id>_adds`.
 */
export const LIVE_SOURCES = Object.freeze([wikipedia, wikidata, gdelt, guardian] as const);

export type LiveSourceId = (typeof LIVE_SOURCES)[number]['id'];
export type LiveSource = LiveSourceDef<LiveSourceId>;

/** A source by id. */
export function liveSource(id: LiveSourceId): LiveSource {
  return LIVE_SOURCES.find((source) => source.id === id) as LiveSource;
}

/** Every source off: the settings' default, one key per source. */
export function allSourcesOff(): Record<LiveSourceId, boolean> {
  return Object.fromEntries(LIVE_SOURCES.map((source) => [source.id, false])) as Record<
    LiveSourceId,
    boolean
  >;
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
