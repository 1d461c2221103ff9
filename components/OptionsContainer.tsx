import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ListedCorrection } from '@/utils/corrections/correction-store';
import type { VisitedPage } from '@/utils/history/history-store';
import type { PacksOverview } from '@/utils/knowledge/pack-summary';
import { MAX_IMPORT_BYTES } from '@/utils/knowledge/user-packs';
import { LIVE_SOURCES } from '@/utils/live/sources';
import type { BackgroundProtocol } from '@/utils/messages/background-messages';
import type { Result } from '@/utils/messages/protocol';
import type { Settings } from '@/utils/settings/settings';
import { useI18n } from './i18n';
import { LiveSourcesContainer, type LiveSourcesDeps } from './LiveSourcesContainer';
import { Options } from './Options';
import type { OptionsModel } from './options-model';
import { SubscriptionsContainer, type SubscriptionsDeps } from './SubscriptionsContainer';

/** The options page's window on the extension. */
export interface OptionsDeps {
  version: string;
  /** The browser's interface language (`i18n.getUILanguage()`). */
  browserLanguage?: string;
  readSettings(): Promise<Settings>;
  writeSettings(settings: Settings): Promise<void>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  ask<N extends keyof BackgroundProtocol & string>(
    name: N,
    payload: BackgroundProtocol[N]['request'],
  ): Promise<Result<BackgroundProtocol[N]['response']>>;
  /** Offer a file to the reader (a download). */
  download(name: string, contents: string): void;
  /** Put a pack file where the background can read it; returns its staging key. */
  stage(file: File): Promise<string>;
  /** A name to open the entity form with (the options page's address says it). */
  prefillName?: string;
  /** The browser's permissions and stores behind the live sources section. */
  live?: LiveSourcesDeps;
  /** The browser's permissions behind the subscriptions section. */
  subscriptions?: SubscriptionsDeps;
}

/** The options page with its state. */
export function OptionsContainer({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [packs, setPacks] = useState<PacksOverview | null>(null);
  const [history, setHistory] = useState<VisitedPage[]>([]);
  const [importResult, setImportResult] = useState<OptionsModel['importResult']>(null);
  const [entityErrors, setEntityErrors] = useState<string[]>([]);
  const [corrections, setCorrections] = useState<ListedCorrection[]>([]);
  const t = useI18n();

  const reloadPacks = useCallback(async () => {
    const answer = await deps.ask('packs:list', {});
    if (answer.ok) setPacks(answer.value);
  }, [deps]);
  const reloadHistory = useCallback(async () => {
    const answer = await deps.ask('history:list', {});
    if (answer.ok) setHistory(answer.value);
  }, [deps]);

  const reloadCorrections = useCallback(async () => {
    const answer = await deps.ask('corrections:list', {});
    if (answer.ok) setCorrections(answer.value);
  }, [deps]);

  useEffect(() => {
    void deps.readSettings().then(setSettings);
    void reloadPacks();
    void reloadHistory();
    void reloadCorrections();
    return deps.watchSettings(setSettings);
  }, [deps, reloadPacks, reloadHistory, reloadCorrections]);

  const save = (next: Settings) => {
    setSettings(next);
    void deps.writeSettings(next);
  };

  return (
    <Options
      model={{
        version: deps.version,
        ...(deps.browserLanguage ? { browserLanguage: deps.browserLanguage } : {}),
        settings,
        packs,
        history,
        importResult,
        entityErrors,
        corrections,
        ...(deps.prefillName ? { prefillName: deps.prefillName } : {}),
      }}
      live={
        deps.live && settings ? (
          <LiveSourcesContainer deps={deps.live} settings={settings} onSettings={save} />
        ) : null
      }
      subscriptions={
        deps.subscriptions && packs ? (
          <SubscriptionsContainer
            deps={deps.subscriptions}
            subscriptions={packs.subscriptions}
            hostsInUse={liveHostsInUse(deps.live, settings)}
            ask={deps.ask}
            reload={reloadPacks}
          />
        ) : null
      }
      actions={{
        onSettings: save,
        onImport: async (file) => {
          if (file.size > MAX_IMPORT_BYTES) {
            return setImportResult({
              ok: false,
              errors: [
                t.t(
                  'options_too_big',
                  t.number(Number((file.size / 1e6).toFixed(1))),
                  t.number(MAX_IMPORT_BYTES / 1e6),
                ),
              ],
            });
          }
          setImportResult({ ok: 'working', message: t.t('options_importing', file.name) });
          // The file goes to the background through IndexedDB, not as a message: packs can be
          // tens of megabytes, more than a message carries.
          const answer = await deps.ask('packs:import', { staged: await deps.stage(file) });
          if (!answer.ok) return setImportResult({ ok: false, errors: answer.errors });
          const taken = answer.value.corrections;
          setImportResult({
            ok: true,
            message: [
              t.plural('options_imported', answer.value.entities, answer.value.name),
              ...(taken ? [t.t('options_imported_corrections', t.number(taken))] : []),
            ].join(' '),
          });
          await Promise.all([reloadPacks(), reloadCorrections()]);
        },
        onRemovePack: async (id) => {
          await deps.ask('packs:remove', { id });
          await reloadPacks();
        },
        onExport: () => {
          const pack = {
            format: 'backstory-pack',
            schemaVersion: 1,
            id: 'my-entities',
            name: 'My Backstory entities',
            version: new Date().toISOString().slice(0, 10),
            entities: packs?.user ?? [],
            // The reader's corrections travel with their own pack (older files have none).
            ...(corrections.length > 0
              ? { corrections: corrections.map(({ stale: _stale, ...correction }) => correction) }
              : {}),
          };
          deps.download('backstory-my-entities.json', `${JSON.stringify(pack, null, 2)}\n`);
        },
        onSaveEntity: async (candidate, done) => {
          const answer = await deps.ask('user:save', { entity: candidate });
          if (!answer.ok) return setEntityErrors(answer.errors);
          setEntityErrors([]);
          done();
          await reloadPacks();
        },
        onDeleteEntity: async (id) => {
          await deps.ask('user:delete', { id });
          await reloadPacks();
        },
        onUndoCorrection: async (id) => {
          await deps.ask('corrections:remove', { id });
          await reloadCorrections();
        },
        onUndoAllCorrections: async () => {
          await deps.ask('corrections:clear', {});
          await reloadCorrections();
        },
        onClearHistory: async () => {
          await deps.ask('history:clear', {});
          await reloadHistory();
        },
      }}
    />
  );
}

/** The hosts of the live sources that are on: a subscription on the same site never gives them back. */
function liveHostsInUse(live: LiveSourcesDeps | undefined, settings: Settings | null): string[] {
  if (!live || !settings) return [];
  return LIVE_SOURCES.filter((source) => settings.liveSources[source.id]).flatMap((source) =>
    live.origins(source.id),
  );
}
