import type { HistoryStore } from '../history/history-store';
import type { PackService } from '../knowledge/pack-service';
import type { BackgroundProtocol, PageSummary, TabStatus } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import type { Settings } from '../settings/settings';

/** What the background's message handlers work with; the entrypoint passes the real ones. */
export interface BackgroundDeps {
  packs: PackService;
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

/**
 * The background's answers to every message of its protocol. Per-tab state (what each tab's
 * content script reported) lives in `tabs`; the router has already checked each sender's role.
 */
export function backgroundHandlers(
  deps: BackgroundDeps,
  tabs: Map<number, TabStatus>,
): Handlers<BackgroundProtocol> {
  return {
    'page:ready': (payload, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined)
        tabs.set(tabId, { url: payload.url, title: payload.title, readyAt: deps.now() });
      return { ok: true };
    },
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
    'tab:status': ({ tabId }) => tabs.get(tabId) ?? null,
    'matcher:ensure': async () => ({ key: await deps.packs.ensureMatcher() }),
    'entity:card': async ({ id }, sender) => {
      const entity = await deps.packs.entity(String(id));
      const history = entity
        ? await deps.history.pagesMentioning(entity.id, sender.url ?? null)
        : [];
      return { entity, history };
    },
  };
}
