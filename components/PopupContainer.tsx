import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ContentProtocol } from '@/utils/messages/content-messages';
import type { PageSummary, Result } from '@/utils/messages/protocol';
import { isActiveOn, type Settings, withSite } from '@/utils/settings/settings';
import { Popup, type PopupModel } from './Popup';

/** The popup's window on the extension: settings storage and the tab's content script. */
export interface PopupDeps {
  readSettings(): Promise<Settings>;
  writeSettings(settings: Settings): Promise<void>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** The tab the popup is about (the active tab, or `?tab=` when opened as a page). */
  tabId(): Promise<number | undefined>;
  askTab<N extends keyof ContentProtocol & string>(
    tabId: number,
    name: N,
    payload: ContentProtocol[N]['request'],
  ): Promise<Result<ContentProtocol[N]['response']>>;
  optionsUrl: string;
}

/** Time for a tab to re-mark after a settings change before its summary is asked again. */
const REFRESH_DELAY = 400;

/** The popup with its state: settings in, changes out, and the tab's entity list kept fresh. */
export function PopupContainer({ deps }: { deps: PopupDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<PageSummary | null>(null);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [state, setState] = useState<PopupModel['state']>('loading');

  const refresh = useCallback(
    async (id: number | undefined) => {
      if (id === undefined) return setPage(null);
      // The whole page's names, a long page's unread end included.
      const answer = await deps.askTab(id, 'content:summary', { whole: true });
      setPage(answer.ok ? answer.value : null);
    },
    [deps],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const [current, id] = await Promise.all([deps.readSettings(), deps.tabId()]);
      setSettings(current);
      setTabId(id);
      await refresh(id);
      setState('ready');
    })();
    const stop = deps.watchSettings((next) => {
      setSettings(next);
      clearTimeout(timer);
      timer = setTimeout(() => void deps.tabId().then(refresh), REFRESH_DELAY);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [deps, refresh]);

  const save = (next: Settings) => {
    setSettings(next);
    void deps.writeSettings(next);
  };
  const host = page?.host ?? null;
  const model: PopupModel = {
    state,
    settings,
    page,
    siteOn: settings && host ? isActiveOn({ ...settings, enabled: true }, host) : false,
  };
  return (
    <Popup
      model={model}
      optionsUrl={deps.optionsUrl}
      actions={{
        onSettings: save,
        onSite: (on) => settings && host && save(withSite(settings, host, on)),
        onReveal: (id) => tabId !== undefined && void deps.askTab(tabId, 'content:reveal', { id }),
      }}
    />
  );
}
