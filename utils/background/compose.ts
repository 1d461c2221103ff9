import { CorrectionStore, type CorrectionsArea } from '../corrections/correction-store';
import { HistoryStore } from '../history/history-store';
import { KnowledgeStore } from '../knowledge/knowledge-store';
import { type BuiltInPack, PackService } from '../knowledge/pack-service';
import { SubscriptionService } from '../knowledge/subscriptions';
import { LiveCache } from '../live/cache';
import { ownNames } from '../live/discovery-names';
import { apiUserAgent, createHttpClient, type HttpClientOptions } from '../live/http';
import type { WorldAtlas } from '../map/atlas';
import { LocatorService } from '../map/locator-service';
import { BACKGROUND_MESSAGES } from '../messages/background-messages';
import { createRouter } from '../messages/router';
import type { Settings } from '../settings/settings';
import { backgroundHandlers } from './handlers';
import { type DiscoveredTab, LiveDiscovery } from './live-discovery';
import { LiveService, type LiveServiceDeps } from './live-service';
import { PageSessions, type TabState } from './page-sessions';
import type { PerTab } from './tab-storage';

/**
 * What the background needs from the browser, and nothing else: the extension's entrypoint
 * passes the real ones, the unit tests in-memory ones, and both get the same background.
 */
export interface BackgroundPlatform {
  /** The extension's own id: only messages from it are answered. */
  runtimeId: string;
  /** The extension's version, for the User-Agent of live requests. */
  version: string;
  /** Who to write to about our requests (in the User-Agent). */
  contact: string;
  now(): number;
  today(): Date;
  readSettings(): Promise<Settings>;
  /** The built-in pack, read in place from the package. */
  builtIn(): Promise<BuiltInPack>;
  /** Reader packs a much earlier version kept in extension storage; taken once, into the store. */
  takeLegacyReaderPacks?(): Promise<unknown>;
  /** The packs, and so the matcher, changed. */
  onMatcherChanged(key: string): void;
  /** Per-tab state: the page session, the card frame's token, live discovery's finds. */
  tabStates: PerTab<TabState>;
  cardTokens: PerTab<string>;
  discovered: PerTab<DiscoveredTab>;
  /** Where the reader's corrections are kept, and how their ids are made (defaults: local storage, random). */
  corrections?: { area: CorrectionsArea; newId?: () => string };
  /** IndexedDB names (tests give each background its own). */
  databases?: { knowledge?: string; history?: string; live?: string };
  /** The network for live sources, and for subscribed packs. */
  fetch: typeof fetch;
  packFetch?: typeof fetch;
  /** The HTTP client's timings (tests shorten the backoff). */
  http?: Partial<HttpClientOptions>;
  live: Pick<LiveServiceDeps, 'config' | 'permitted' | 'sourceKey'>;
  /** Has the reader granted the host of this subscription address? */
  packPermitted(url: string): Promise<boolean>;
  /** Wake the background at `when` for due subscriptions (null: none is due). */
  wakeAt(when: number | null): void;
  /** Accept loopback subscription addresses (e2e builds only). */
  loopback?: boolean;
  loadAtlas(): Promise<WorldAtlas>;
  /** Corrections changed: every open tab should match again. */
  onCorrected(): void;
  setBadge(tabId: number, text: string, count?: { active: boolean; entities: number }): void;
}

/**
 * The background's one composition root: its stores, services and message router, wired the
 * same way for the extension and for the tests. Listening to the browser's events is the
 * entrypoint's part.
 */
export function composeBackground(platform: BackgroundPlatform) {
  const { now } = platform;
  const names = platform.databases ?? {};
  const store = new KnowledgeStore(names.knowledge);
  const packs = new PackService({
    store,
    builtIn: platform.builtIn,
    ...(platform.takeLegacyReaderPacks
      ? { takeLegacyReaderPacks: platform.takeLegacyReaderPacks }
      : {}),
    now,
    onMatcherChanged: (key) => {
      maps.invalidate();
      platform.onMatcherChanged(key);
    },
  });
  const corrections = platform.corrections
    ? new CorrectionStore(platform.corrections.area, platform.corrections.newId)
    : new CorrectionStore();
  const sessions = new PageSessions({
    matcher: () => packs.matcher(),
    corrections: () => corrections.list(),
    markOwn: async () => (await platform.readSettings()).markOwnEntities,
    saveTab: platform.tabStates.set,
    loadTab: platform.tabStates.get,
    today: platform.today,
  });
  const maps = new LocatorService({
    capitals: () => packs.capitals(),
    loadAtlas: platform.loadAtlas,
  });
  const history = new HistoryStore(names.history ? { name: names.history } : {});

  // One client for live sources and subscriptions, one cache for every card: their queues and
  // expiry are what keep us polite.
  const userAgent = apiUserAgent(platform.version, platform.contact);
  const http = createHttpClient({ fetch: platform.fetch, userAgent, ...platform.http });
  const packFetch = platform.packFetch;
  const packHttp = packFetch
    ? createHttpClient({ fetch: packFetch, userAgent, ...platform.http })
    : http;
  const liveCache = new LiveCache({ ...(names.live ? { name: names.live } : {}), now });
  const live = new LiveService({
    http,
    cache: liveCache,
    ...platform.live,
    readSettings: platform.readSettings,
    entity: (id) => packs.entity(id),
    isReaderOwn: async (id) => (await packs.userEntities()).some((entity) => entity.id === id),
    now,
  });
  const subscriptions = new SubscriptionService({
    store,
    packs,
    http: packHttp,
    now,
    permitted: platform.packPermitted,
    wakeAt: platform.wakeAt,
    ...(platform.loopback ? { loopback: true } : {}),
  });
  const discovery = new LiveDiscovery({
    live,
    cache: liveCache,
    ownNames: async () => ownNames(await packs.userEntities()),
    saveTab: platform.discovered.set,
    loadTab: platform.discovered.get,
    now,
  });
  const router = createRouter(
    backgroundHandlers({
      packs,
      subscriptions,
      store,
      sessions,
      maps,
      history,
      live,
      discovery,
      tokens: platform.cardTokens,
      corrections,
      onCorrected: platform.onCorrected,
      readSettings: platform.readSettings,
      setBadge: platform.setBadge,
      now,
    }),
    BACKGROUND_MESSAGES,
    platform.runtimeId,
  );
  return {
    store,
    packs,
    corrections,
    sessions,
    maps,
    history,
    live,
    liveCache,
    subscriptions,
    discovery,
    router,
  };
}

export type ComposedBackground = ReturnType<typeof composeBackground>;
