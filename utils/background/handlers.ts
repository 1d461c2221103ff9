import type { HistoryStore } from '../history/history-store';
import type { PackService } from '../knowledge/pack-service';
import type { ReaderPackStore } from '../knowledge/reader-pack-store';
import type { KnowledgePack } from '../knowledge/schema';
import {
  checkImport,
  type ReaderPacks,
  withImported,
  withoutImported,
  withoutUserEntity,
  withUserEntity,
} from '../knowledge/user-packs';
import type { LocatorService } from '../map/locator-service';
import type { BackgroundProtocol, PackInfo, PageSummary } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import type { Settings } from '../settings/settings';

/** What the background's message handlers work with; the entrypoint passes the real ones. */
export interface BackgroundDeps {
  packs: PackService;
  maps: LocatorService;
  readerPacks: ReaderPackStore;
  history: HistoryStore;
  readSettings(): Promise<Settings>;
  /** Show a count on a tab's toolbar button ('' hides it). */
  setBadge(tabId: number, text: string): void;
  now(): number;
}

/** Badge text for a page: the number of entities it mentions, hidden when none or inactive. */
export function badgeText(summary: PageSummary): string {
  if (!summary.active || summary.entities.length === 0) return '';
  return summary.entities.length > 999 ? '999+' : String(summary.entities.length);
}

function infoOf(pack: KnowledgePack): PackInfo {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    entities: pack.entities.length,
    sources: pack.sources ?? [],
  };
}

/**
 * The background's answers to every message of its protocol; the router has already checked
 * each sender's role.
 */
export function backgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundProtocol> {
  /** Store changed reader packs, then rebuild what content scripts match with. */
  async function saveReaderPacks(packs: ReaderPacks): Promise<void> {
    await deps.readerPacks.write(packs);
    deps.packs.invalidate();
    deps.maps.invalidate();
    await deps.packs.ensureMatcher();
  }

  return {
    'page:summary': async (summary, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) deps.setBadge(tabId, badgeText(summary));
      if (!summary.active || summary.entities.length === 0) return { ok: true };
      const settings = await deps.readSettings();
      if (!settings.historyPaused) {
        await deps.history.record({
          // The sender's own address, not the one claimed in the message.
          url: sender.url ?? summary.url,
          title: summary.title.slice(0, 300),
          site: summary.host ?? '',
          entities: summary.entities.map((entity) => entity.id),
          visitedAt: deps.now(),
        });
      }
      return { ok: true };
    },
    'matcher:ensure': async () => ({ key: await deps.packs.ensureMatcher() }),
    'entity:card': async ({ id }, sender) => {
      const entity = await deps.packs.entity(String(id));
      const history = entity
        ? await deps.history.pagesMentioning(entity.id, sender.url ?? null)
        : [];
      return { entity, history };
    },
    'map:locator': async ({ id }) => {
      const entity = await deps.packs.entity(String(id));
      return entity ? deps.maps.mapFor(entity) : null;
    },
    'packs:list': async () => {
      const { packs, warnings } = await deps.readerPacks.read();
      return {
        builtIn: infoOf(await deps.packs.defaultPack()),
        imported: packs.imported.map(infoOf),
        user: packs.user.entities,
        warnings,
      };
    },
    'packs:import': async ({ data }) => {
      const checked = checkImport(data);
      if (!checked.ok) throw new Error(checked.errors.join('\n'));
      const { packs } = await deps.readerPacks.read();
      await saveReaderPacks(withImported(packs, checked.pack));
      return infoOf(checked.pack);
    },
    'packs:remove': async ({ id }) => {
      const { packs } = await deps.readerPacks.read();
      const next = withoutImported(packs, String(id));
      if (next.imported.length === packs.imported.length) return { removed: false };
      await saveReaderPacks(next);
      return { removed: true };
    },
    'user:save': async ({ entity }) => {
      const { packs } = await deps.readerPacks.read();
      const result = withUserEntity(packs, entity, deps.now());
      if (!result.ok) throw new Error(result.errors.join('\n'));
      await saveReaderPacks(result.packs);
      return { id: (entity as { id: string }).id };
    },
    'user:delete': async ({ id }) => {
      const { packs } = await deps.readerPacks.read();
      const next = withoutUserEntity(packs, String(id), deps.now());
      if (next.user.entities.length === packs.user.entities.length) return { removed: false };
      await saveReaderPacks(next);
      return { removed: true };
    },
    'history:list': ({ limit }) =>
      deps.history.list(Math.min(Math.max(Number(limit) || 200, 1), 1000)),
    'history:clear': async () => {
      const cleared = await deps.history.count();
      await deps.history.clear();
      return { cleared };
    },
  };
}
