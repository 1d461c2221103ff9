import { useState } from 'preact/hooks';
import type { MessageKey } from '@/utils/i18n/translator';
import type { LiveSource, LiveSourceId } from '@/utils/live/sources';
import { useI18n } from './i18n';
import { Switch } from './Switch';

/** Why a source's switch says more than on or off. */
export type LiveSourceNote =
  /** The reader (or the browser) said no to the host permission: the source stays off. */
  | 'refused'
  /** Off, but the browser kept the host access (Chrome: the content script's hosts cover it). */
  | 'kept'
  /** On in the synced settings, but this browser has not granted the access. */
  | 'elsewhere';

export interface LiveSourceState {
  /** On and permitted: the switch shows on. */
  on: boolean;
  /** Waiting for the browser's answer to a permission request. */
  asking: boolean;
  note?: LiveSourceNote;
}

export interface LiveSourcesProps {
  sources: readonly LiveSource[];
  states: Record<LiveSourceId, LiveSourceState>;
  /** The Guardian key saved on this device ('' when none). */
  guardianKey: string;
  onToggle(id: LiveSourceId, on: boolean): void;
  /** Save a pasted key ('' forgets it). */
  onGuardianKey(key: string): void;
  /** Forget every stored live answer. */
  onForget(): void;
  forgotten: boolean;
}

/** What each note says (`asking`: while the browser's prompt is open). */
const NOTES = {
  asking: 'options_live_asking',
  refused: 'options_live_refused',
  kept: 'options_live_kept',
  elsewhere: 'options_live_elsewhere',
} as const satisfies Record<LiveSourceNote | 'asking', MessageKey>;

/** The options page's "Live sources" section: a pure view; `LiveSourcesContainer` holds its state. */
export function LiveSources(props: LiveSourcesProps) {
  const t = useI18n();
  return (
    <section aria-labelledby="live-sources" class="live-sources">
      <h2 id="live-sources">{t.t('options_live_sources')}</h2>
      <p class="muted">{t.t('options_live_intro')}</p>
      {props.sources.map((source) => (
        <Source key={source.id} source={source} {...props} />
      ))}
      <p>
        <button type="button" onClick={props.onForget}>
          {t.t('options_live_forget')}
        </button>{' '}
        <span class="muted" role="status">
          {t.t(props.forgotten ? 'options_live_forgotten' : 'options_live_forget_hint')}
        </span>
      </p>
    </section>
  );
}

function Source({
  source,
  states,
  guardianKey,
  onToggle,
  onGuardianKey,
}: LiveSourcesProps & { source: LiveSource }) {
  const t = useI18n();
  const state = states[source.id];
  const missingKey = source.needsKey && !guardianKey;
  const note = state.asking ? 'asking' : state.note;
  return (
    <div class="live-source" data-source={source.id}>
      <Switch
        label={t.t(source.nameKey)}
        hint={t.t(source.sendsKey)}
        checked={state.on}
        disabled={state.asking || (missingKey && !state.on)}
        onChange={(on) => onToggle(source.id, on)}
      />
      <p class="muted live-source__adds">{t.t(source.addsKey)}</p>
      {note && (
        <p class="muted live-source__note" role="status" data-note={note}>
          {t.t(NOTES[note])}
        </p>
      )}
      {source.needsKey && <KeyForm saved={guardianKey} onSave={onGuardianKey} />}
    </div>
  );
}

function KeyForm({ saved, onSave }: { saved: string; onSave: (key: string) => void }) {
  const t = useI18n();
  const [key, setKey] = useState('');
  return (
    <form
      class="inline-form live-source__key"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(key);
        setKey('');
      }}
    >
      <label>
        {t.t('options_live_key_label')}{' '}
        <input
          type="password"
          name="guardian-key"
          autocomplete="off"
          spellcheck={false}
          value={key}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={!key.trim()}>
        {t.t('options_live_save_key')}
      </button>
      {saved && (
        <button type="button" onClick={() => onSave('')}>
          {t.t('options_live_forget_key')}
        </button>
      )}
      <span class="muted" data-testid="guardian-key-status">
        {t.t(saved ? 'options_live_key_saved' : 'options_live_key_missing')}
      </span>
    </form>
  );
}
