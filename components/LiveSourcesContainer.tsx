import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { allSourcesOff, LIVE_SOURCES, type LiveSourceId } from '@/utils/live/sources';
import type { Settings } from '@/utils/settings/settings';
import { type LiveSourceNote, type LiveSourceState, LiveSources } from './LiveSources';

/** The browser's permissions and the stores the live section needs; the options page passes the real ones. */
export interface LiveSourcesDeps {
  /** The host permissions a source needs in this build (match patterns). */
  origins(id: LiveSourceId): string[];
  /**
   * `permissions.request`: browsers accept it only while handling the reader's click, so it is
   * called at once from the switch's handler, before anything is awaited.
   */
  request(origins: string[]): Promise<boolean>;
  /** `permissions.remove`; `last`: no source stays on, so consents shared by all go too. */
  remove(origins: string[], last: boolean): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
  /** Call `listener` when the browser's granted permissions change; returns the unsubscribe. */
  watchPermissions(listener: () => void): () => void;
  readGuardianKey(): Promise<string>;
  /** Stores a key ('' forgets it); returns what was stored. */
  writeGuardianKey(key: string): Promise<string>;
  /** Forget the background's stored live answers. */
  forgetAnswers(): Promise<void>;
}

type Flags = Record<LiveSourceId, boolean>;
const none = (): Flags => allSourcesOff();

/**
 * The live sources section with its state: whether each source's access is granted in this
 * browser, requests in flight, and what happened last. A source is on when the (synced) setting
 * says so and this browser has granted its access.
 */
export function LiveSourcesContainer({
  deps,
  settings,
  onSettings,
}: {
  deps: LiveSourcesDeps;
  settings: Settings;
  onSettings: (settings: Settings) => void;
}) {
  const [granted, setGranted] = useState<Flags | null>(null);
  const [asking, setAsking] = useState<Flags>(none);
  const [notes, setNotes] = useState<Partial<Record<LiveSourceId, LiveSourceNote>>>({});
  const [guardianKey, setGuardianKey] = useState('');
  const [forgotten, setForgotten] = useState(false);
  // Permission answers arrive later: they change the settings as they are then, not as they were.
  const latest = useRef(settings);
  latest.current = settings;

  const refresh = useCallback(async () => {
    const next = none();
    for (const source of LIVE_SOURCES)
      next[source.id] = await deps.contains(deps.origins(source.id)).catch(() => false);
    setGranted(next);
  }, [deps]);

  useEffect(() => {
    void refresh();
    void deps.readGuardianKey().then(setGuardianKey);
    return deps.watchPermissions(() => void refresh());
  }, [deps, refresh]);

  const setSource = (id: LiveSourceId, on: boolean) =>
    onSettings({
      ...latest.current,
      liveSources: { ...latest.current.liveSources, [id]: on },
    });
  const note = (id: LiveSourceId, value: LiveSourceNote | undefined) =>
    setNotes((old) => ({ ...old, [id]: value }));

  const turnOn = (id: LiveSourceId) => {
    let answer: Promise<boolean>;
    try {
      answer = deps.request(deps.origins(id));
    } catch (error) {
      answer = Promise.reject(error);
    }
    setAsking((old) => ({ ...old, [id]: true }));
    void answer
      .catch(() => false)
      .then(async (yes) => {
        setAsking((old) => ({ ...old, [id]: false }));
        note(id, yes ? undefined : 'refused');
        if (yes) setSource(id, true);
        await refresh();
      });
  };

  const turnOff = (id: LiveSourceId) => {
    // Off first: from this moment nothing is asked, whatever the browser does with the access.
    setSource(id, false);
    note(id, undefined);
    const others = LIVE_SOURCES.filter(
      (source) => source.id !== id && latest.current.liveSources[source.id],
    );
    const stillNeeded = new Set(others.flatMap((source) => deps.origins(source.id)));
    const giveBack = deps.origins(id).filter((origin) => !stillNeeded.has(origin));
    if (giveBack.length === 0) return;
    void deps
      .remove(giveBack, others.length === 0)
      .catch(() => false)
      .then(async (removed) => {
        await refresh();
        if (!removed && (await deps.contains(giveBack).catch(() => false))) note(id, 'kept');
      });
  };

  const states = {} as Record<LiveSourceId, LiveSourceState>;
  for (const source of LIVE_SOURCES) {
    const wanted = settings.liveSources[source.id];
    const allowed = granted?.[source.id] ?? false;
    // Until the browser has been asked what it granted, nothing is said about it.
    const elsewhere = wanted && granted !== null && !allowed && !asking[source.id];
    const shown = notes[source.id] ?? (elsewhere ? 'elsewhere' : undefined);
    states[source.id] = {
      on: wanted && allowed,
      asking: asking[source.id],
      ...(shown ? { note: shown } : {}),
    };
  }

  return (
    <LiveSources
      sources={LIVE_SOURCES}
      states={states}
      guardianKey={guardianKey}
      onToggle={(id, on) => (on ? turnOn(id) : turnOff(id))}
      onGuardianKey={(key) => void deps.writeGuardianKey(key).then(setGuardianKey)}
      onForget={() => void deps.forgetAnswers().then(() => setForgotten(true))}
      forgotten={forgotten}
    />
  );
}
