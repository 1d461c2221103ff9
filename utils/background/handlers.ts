import { knownDate } from '../article-date/choose';
import type { CorrectionStore } from '../corrections/correction-store';
import type { HistoryStore } from '../history/history-store';
import type { KnowledgeStore } from '../knowledge/knowledge-store';
import type { PackService } from '../knowledge/pack-service';
import type { PackSummary } from '../knowledge/pack-summary';
import type { KnowledgePack } from '../knowledge/schema';
import { ENTITY_KINDS } from '../knowledge/schema';
import type { SubscriptionService } from '../knowledge/subscriptions';
import { checkImport, MAX_IMPORT_BYTES } from '../knowledge/user-packs';
import { NOTHING_ASKED } from '../live/answer';
import { earlierCoverageLinks } from '../live/search-link';
import type { LocatorService } from '../map/locator-service';
import type { BackgroundProtocol } from '../messages/background-messages';
import type { PageConfig } from '../messages/protocol';
import { type Handlers, ProblemsError } from '../messages/router';
import type { SenderInfo } from '../messages/sender';
import { covers, isActiveOn, type Settings, siteOf } from '../settings/settings';
import { correctionHandlers, splitImport } from './correction-handlers';
import type { LiveDiscovery } from './live-discovery';
import type { LiveService } from './live-service';
import { type MatchRequest, type PageSessions, pageKey } from './page-sessions';

/** Card frame tokens by tab, kept where only the extension can read them (session storage). */
export interface CardTokens {
  set(tab: number, token: string): Promise<void>;
  get(tab: number): Promise<string | null>;
}

/** What the background's message handlers work with; the entrypoint passes the real ones. */
export interface BackgroundDeps {
  packs: PackService;
  /** Packs the reader subscribed to, kept current on a schedule. */
  subscriptions: SubscriptionService;
  store: KnowledgeStore;
  sessions: PageSessions;
  maps: LocatorService;
  history: HistoryStore;
  /** The opt-in live sources (asks nothing unless the reader turned a source on). */
  live: LiveService;
  /** Names the packs lack, found on Wikipedia (asks nothing unless Wikipedia is on). */
  discovery?: LiveDiscovery;
  tokens: CardTokens;
  /** The reader's corrections of marks (this device only). */
  corrections: CorrectionStore;
  /** Corrections changed: every open tab matches its page again. */
  onCorrected?(): void;
  readSettings(): Promise<Settings>;
  /** Show a count on a tab's toolbar button ('' hides it); `count` is what it stands for. */
  setBadge(tabId: number, text: string, count?: { active: boolean; entities: number }): void;
  now(): number;
}

/** Badge text for a page: the number of entities it mentions, hidden when none or inactive. */
export function badgeText(count: { active: boolean; entities: number }): string {
  if (!count.active || count.entities === 0) return '';
  return count.entities > 999 ? '999+' : String(count.entities);
}

/** What the options page is told of a pack file that carried corrections and no entities. */
function emptySummary(pack: KnowledgePack): PackSummary {
  return {
    id: pack.id,
    origin: 'import',
    name: pack.name,
    publisher: '',
    version: pack.version,
    built: '',
    licence: '',
    sources: [],
    entities: 0,
    bytes: 0,
  };
}

/** The sender's tab (the router has checked the role, so content scripts and card frames have one). */
function tabOf(sender: SenderInfo): number {
  const tab = sender.tab?.id;
  if (tab === undefined) throw new Error('No tab');
  return tab;
}

/**
 * The background's answers to every message of its protocol; the router has already checked
 * each sender's role and each payload's shape.
 */
export function backgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundProtocol> {
  const pageConfig = async (sender: SenderInfo): Promise<PageConfig> => {
    const settings = await deps.readSettings();
    const active = isActiveOn(settings, siteOf(sender.url ?? ''));
    return {
      active,
      style: settings.style,
      kinds: ENTITY_KINDS.filter((kind) => settings.kinds[kind]),
      firstMentionOnly: settings.firstMentionOnly,
      // Pages where Backstory is off never make the background load the matcher.
      key: active
        ? pageKey(
            (await deps.packs.matcher()).key,
            settings.markOwnEntities,
            await deps.corrections.key(),
          )
        : '',
    };
  };
  /**
   * Match a batch and put what the page's session has found on the badge, when this is its first
   * batch or the batch met new entities: the page need not report a count the background knows.
   */
  const match = async (batch: MatchRequest, sender: SenderInfo, first: boolean) => {
    const tab = tabOf(sender);
    // What the reader's corrections left unmarked stays in the background.
    const { suppressed, ...matched } = await deps.sessions.match(tab, sender.url ?? '', batch);
    // Live discovery (Wikipedia on) adds the names the packs lack, as later answers say.
    const answer = deps.discovery
      ? await deps.discovery.follow(tab, sender.url ?? '', batch, matched, suppressed)
      : matched;
    if (answer.key === batch.key && (first || answer.entities.length > 0)) {
      const entities = (await deps.sessions.tab(tab))?.found.length ?? 0;
      deps.setBadge(tab, badgeText({ active: true, entities }), { active: true, entities });
    }
    return answer;
  };
  /** An entity of the packs, or one live discovery found on the tab's page. */
  const entityOn = async (tab: number, id: string) =>
    (await deps.packs.entity(id)) ?? (await deps.discovery?.entity(tab, id)) ?? null;
  /** What the background knows of the tab's page, discovered entities included. */
  const pageOf = async (tab: number) => {
    const state = await deps.sessions.tab(tab);
    const discovered = await deps.discovery?.found(tab);
    if (!state || !discovered?.ids.length) return state;
    return {
      ...state,
      found: [...state.found, ...discovered.ids],
      ...(discovered.lang ? { lang: discovered.lang } : {}),
    };
  };
  return {
    ...correctionHandlers(deps),
    'page:start': async (batch, sender) => {
      const config = await pageConfig(sender);
      if (!config.active) return { config, answer: null };
      return { config, answer: await match({ ...batch, key: config.key }, sender, true) };
    },
    'page:config': (_payload, sender) => pageConfig(sender),
    'page:match': (batch, sender) => match(batch, sender, false),
    // The page's own count, when it differs from the session's (marks gone, marking stopped).
    'page:count': (count, sender) => {
      deps.setBadge(tabOf(sender), badgeText(count), count);
      return { ok: true };
    },
    'page:read': async ({ title, canonical }, sender) => {
      const settings = await deps.readSettings();
      const url = sender.url ?? '';
      const site = siteOf(url);
      if (
        settings.historyPaused ||
        !site ||
        settings.historyExcludedSites.some((rule) => covers(rule, site))
      )
        return { recorded: false };
      // The entities are the ones the background itself found on this tab's page, not a list the
      // page could choose.
      const state = await deps.sessions.tab(tabOf(sender));
      if (!state) return { recorded: false };
      const outcome = await deps.history.record(
        { url, title: title.slice(0, 300), site, entities: state.found, visitedAt: deps.now() },
        canonical,
      );
      return { recorded: outcome === 'recorded' || outcome === 'updated' };
    },
    'card:register': async ({ token }, sender) => {
      await deps.tokens.set(tabOf(sender), token);
      return { ok: true };
    },
    'card:hello': async (_payload, sender) => ({ token: await deps.tokens.get(tabOf(sender)) }),
    'card:data': async ({ id }, sender) => {
      const started = performance.now();
      const [entity, state] = await Promise.all([
        entityOn(tabOf(sender), id),
        pageOf(tabOf(sender)),
      ]);
      // History only for what this tab's page really mentions: a page cannot ask for the rest.
      const history =
        entity && state?.found.includes(entity.id)
          ? await deps.history.pagesMentioning(entity.id, state.url)
          : [];
      const articleDate = state?.articleDate ?? null;
      const day = knownDate(articleDate);
      // Built here from the tab's address (only its host is used); nothing is sent until clicked.
      const searchLinks =
        entity && state
          ? earlierCoverageLinks({
              pageUrl: state.url,
              name: entity.name,
              ...(day ? { articleDate: day } : {}),
            })
          : [];
      return {
        entity,
        history,
        articleDate,
        searchLinks,
        elapsedMs: performance.now() - started,
      };
    },
    'card:live': async ({ id, part }, sender) => {
      const [entity, state] = await Promise.all([
        entityOn(tabOf(sender), id),
        pageOf(tabOf(sender)),
      ]);
      if (!entity || !state) return { ...NOTHING_ASKED };
      return deps.live.answer(entity, state, part);
    },
    'map:locator': async ({ id }) => {
      const entity = await deps.packs.entity(id);
      return entity ? deps.maps.mapFor(entity) : null;
    },
    'packs:list': () => deps.packs.overview(),
    'packs:import': async ({ staged }) => {
      const file = await deps.store.unstage(staged);
      if (!file) throw new ProblemsError(['The pack file was not found; choose it again.']);
      if (file.size > MAX_IMPORT_BYTES)
        throw new ProblemsError([
          `The file is ${(file.size / 1e6).toFixed(1)} MB; packs up to ${MAX_IMPORT_BYTES / 1e6} MB can be imported.`,
        ]);
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch (error) {
        throw new ProblemsError([
          `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        ]);
      }
      // The reader's own export may carry their corrections: checked before anything is stored.
      const { pack: packData, corrections } = splitImport(data);
      if (corrections.length === 0) {
        const pack = await deps.packs.importPack(packData);
        deps.maps.invalidate();
        return pack;
      }
      // A file of corrections without entities (an export made with none) adds no empty pack.
      const checked = checkImport(packData);
      if (!checked.ok) throw new ProblemsError(checked.errors);
      const pack =
        checked.pack.entities.length > 0
          ? await deps.packs.importPack(checked.pack)
          : emptySummary(checked.pack);
      deps.maps.invalidate();
      const taken = await deps.corrections.importList(corrections);
      deps.onCorrected?.();
      return { ...pack, corrections: taken };
    },
    'packs:remove': async ({ id }) => {
      const removed = await deps.packs.removePack(id);
      if (removed) deps.maps.invalidate();
      return { removed };
    },
    'subscriptions:add': async ({ url }) => {
      const pack = await deps.subscriptions.subscribe(url);
      deps.maps.invalidate();
      return pack;
    },
    'subscriptions:check': async ({ id }) => {
      const pack = await deps.subscriptions.check(id);
      deps.maps.invalidate();
      return pack;
    },
    'subscriptions:remove': async ({ id }) => {
      const result = await deps.subscriptions.unsubscribe(id);
      if (result.removed) deps.maps.invalidate();
      return result;
    },
    'user:save': async ({ entity }) => ({ id: await deps.packs.saveUserEntity(entity) }),
    'user:delete': async ({ id }) => ({ removed: await deps.packs.deleteUserEntity(id) }),
    'history:list': ({ limit }) => deps.history.list(limit ?? 200),
    'history:clear': async () => {
      const cleared = await deps.history.count();
      await deps.history.clear();
      return { cleared };
    },
    'live:clear': async () => {
      await deps.live.clear();
      return { ok: true };
    },
  };
}
