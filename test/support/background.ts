import 'fake-indexeddb/auto';
import { composeBackground } from '@/utils/background/compose';
import type { DiscoveredTab } from '@/utils/background/live-discovery';
import type { TabState } from '@/utils/background/page-sessions';
import type { Correction } from '@/utils/corrections/correction';
import { buildDist } from '@/utils/knowledge/dist/build-dist';
import type { BuiltInPack } from '@/utils/knowledge/pack-service';
import type { Entity, KnowledgePack } from '@/utils/knowledge/schema';
import { WIKIMEDIA_IMAGES } from '@/utils/live/build-config';
import { DEFAULT_ENDPOINTS, type LiveEndpoints } from '@/utils/live/endpoints';
import type { HttpClientOptions } from '@/utils/live/http';
import { loadAtlas } from '@/utils/map/atlas';
import type { BackgroundProtocol } from '@/utils/messages/background-messages';
import type { Result } from '@/utils/messages/protocol';
import type { SenderInfo } from '@/utils/messages/sender';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';

export const OWN_ID = 'backstory-test';
const ORIGIN = `chrome-extension://${OWN_ID}`;
let databases = 0;

/** Who is asking: our options page, a page's content script, or the card frame in a tab. */
export type As =
  | { role: 'extension-page' }
  | { role: 'content'; tab: number; url: string }
  | { role: 'card'; tab: number };

export const OPTIONS_PAGE: As = { role: 'extension-page' };

function senderOf(as: As): SenderInfo {
  if (as.role === 'extension-page') return { id: OWN_ID, url: `${ORIGIN}/options.html` };
  if (as.role === 'card') return { id: OWN_ID, url: `${ORIGIN}/card.html`, tab: { id: as.tab } };
  return { id: OWN_ID, url: as.url, tab: { id: as.tab }, frameId: 0 };
}

/** A built-in pack made of the given entities. */
export function builtInPack(entities: Entity[], version = '1'): KnowledgePack {
  return {
    format: 'backstory-pack',
    schemaVersion: 1,
    id: 'backstory.default',
    name: 'Backstory default pack',
    version,
    sources: [{ title: 'GeoNames', licence: 'CC BY 4.0' }],
    entities,
  };
}

/** A pack in its shipping form, held in memory: the built-in pack as the package would hold it. */
export async function builtInOf(pack: KnowledgePack): Promise<BuiltInPack> {
  const { manifest, files } = await buildDist({
    id: pack.id,
    name: pack.name,
    publisher: 'Backstory',
    version: pack.version,
    licence: 'CC BY-SA 4.0',
    sources: pack.sources ?? [],
    entities: pack.entities,
  });
  return {
    manifest,
    read: async (name) => {
      const file = files.get(name);
      if (!file) throw new Error(`no ${name}`);
      return file;
    },
  };
}

/** How the in-process background reaches live services (by default: nowhere). */
export interface LiveOptions {
  /** The network. By default every request is recorded and fails as if offline. */
  fetch?: typeof fetch;
  /** Where the live sources are (a local fake's `endpoints`). */
  endpoints?: LiveEndpoints;
  /** Host permissions this "browser" has granted (match patterns). */
  granted?: string[];
  guardianKey?: string;
  /** The HTTP client's timings (tests shorten the backoff). */
  http?: Partial<HttpClientOptions>;
  /** Where subscribed packs are fetched from (by default: nowhere, as if offline). */
  packFetch?: typeof fetch;
}

/**
 * The real background in one process: knowledge and history stores (fake-indexeddb), the pack
 * service, page sessions, the locator service and the message router, all as the extension wires
 * them. Messages go through the router, so sender checks and payload schemas apply.
 */
export function inProcessBackground(
  builtIn: KnowledgePack,
  initial: Partial<Settings> = {},
  liveOptions: LiveOptions = {},
) {
  const name = `test-${++databases}`;
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...initial };
  let now = 1_000_000;
  const changes: string[] = [];
  const shipped = builtInOf(builtIn);
  /** An in-memory stand-in for per-tab session storage. */
  const perTab = <T>() => {
    const values = new Map<number, T>();
    return {
      values,
      set: async (tab: number, value: T) => void values.set(tab, structuredClone(value)),
      get: async (tab: number) => values.get(tab) ?? null,
    };
  };
  const tokens = perTab<string>();
  let storedCorrections: unknown = null;
  let correctionIds = 0;
  let corrected = 0;
  const liveRequests: string[] = [];
  const packRequests: string[] = [];
  const wakes: (number | null)[] = [];
  const badges = new Map<number, string>();
  const granted = new Set(liveOptions.granted ?? []);
  let guardianKey = liveOptions.guardianKey ?? '';
  const network: typeof fetch =
    liveOptions.fetch ??
    (async () => {
      throw new TypeError('offline (no network in unit tests)');
    });
  const background = composeBackground({
    runtimeId: OWN_ID,
    version: '0.0.0-test',
    contact: 'https://example.org/backstory-tests',
    now: () => now,
    today: () => new Date(now),
    readSettings: async () => settings,
    builtIn: () => shipped,
    onMatcherChanged: (key) => changes.push(key),
    tabStates: perTab<TabState>(),
    cardTokens: tokens,
    discovered: perTab<DiscoveredTab>(),
    corrections: {
      area: {
        read: async () => structuredClone(storedCorrections),
        write: async (list: Correction[]) => {
          storedCorrections = structuredClone(list);
        },
      },
      newId: () => `c-test-${++correctionIds}`,
    },
    databases: { knowledge: `knowledge-${name}`, history: `history-${name}`, live: `live-${name}` },
    fetch: (input, init) => {
      liveRequests.push(String(input));
      return network(input, init);
    },
    packFetch: (input, init) => {
      packRequests.push(String(input));
      return (liveOptions.packFetch ?? network)(input, init);
    },
    ...(liveOptions.http ? { http: liveOptions.http } : {}),
    live: {
      config: {
        endpoints: liveOptions.endpoints ?? DEFAULT_ENDPOINTS,
        imageOrigins: [
          WIKIMEDIA_IMAGES,
          ...(liveOptions.endpoints ? [new URL(liveOptions.endpoints.gdelt).origin] : []),
        ],
        gdeltSpacingMs: 0,
      },
      permitted: async (origins) => origins.every((origin) => granted.has(origin)),
      sourceKey: async (id) => (id === 'guardian' ? guardianKey : ''),
    },
    packPermitted: async () => true,
    wakeAt: (when) => void wakes.push(when),
    loadAtlas,
    onCorrected: () => void corrected++,
    setBadge: (tab, text) => badges.set(tab, text),
  });
  const { router, store, packs, history, sessions, corrections, live, discovery, liveCache } =
    background;
  const { subscriptions } = background;

  /** Send a message as `as` and get the router's answer. */
  async function ask<N extends keyof BackgroundProtocol & string>(
    name: N,
    payload: BackgroundProtocol[N]['request'],
    as: As = OPTIONS_PAGE,
  ): Promise<Result<BackgroundProtocol[N]['response']>> {
    const answer = router({ backstory: 1, name, payload }, senderOf(as));
    if (!answer) throw new Error(`${name} went unanswered`);
    return (await answer) as Result<BackgroundProtocol[N]['response']>;
  }

  return {
    ask,
    /** The raw router, for messages a test forges. */
    route: (message: unknown, as: As) => router(message, senderOf(as)),
    store,
    packs,
    history,
    sessions,
    badges,
    changes,
    corrections,
    /** How many times the background told every tab to match again after a correction. */
    corrected: () => corrected,
    /** What the corrections' storage holds. */
    storedCorrections: () => storedCorrections,
    live,
    discovery,
    liveCache,
    subscriptions,
    /** Every request for a subscribed pack's files, by address. */
    packRequests,
    /** Every wake-up the subscriptions asked for (null: none due). */
    wakes,
    /** Every live request made, by address. */
    liveRequests,
    grant: (...origins: string[]) => {
      for (const origin of origins) granted.add(origin);
    },
    revoke: (...origins: string[]) => {
      for (const origin of origins) granted.delete(origin);
    },
    setGuardianKey: (key: string) => {
      guardianKey = key;
    },
    settings: () => settings,
    setSettings: (next: Settings) => {
      settings = next;
    },
    advance: (ms: number) => {
      now += ms;
    },
    async close() {
      await Promise.all([store.close(), history.close(), liveCache.close()]);
    },
  };
}
