import { useState } from 'preact/hooks';
import type { LiveSource, LiveSourceId } from '@/utils/live/sources';
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

/** Every string this section shows, in one place (for the translation catalogue). */
const TEXT = {
  heading: 'Live sources',
  intro:
    'Off unless you turn them on. Turning one on asks your browser for access to that service, then and there; turning it off gives the access back. Nothing is asked on sites where Backstory is off, and the address of the page you are reading is never sent.',
  asking: 'Waiting for your browser’s answer…',
  refused: 'Access was not granted, so this source stays off.',
  kept: 'Off. Your browser keeps this access as part of reading pages; nothing is sent while the source is off.',
  elsewhere:
    'On in your synced settings, but not allowed in this browser yet: turn it on to allow it here.',
  keyLabel: 'Your Guardian API key',
  keyHint:
    'A free developer key from The Guardian Open Platform. Kept on this device only, never synced.',
  keySaved: 'A key is saved on this device.',
  keyNeeded: 'Paste a key first.',
  saveKey: 'Save key',
  forgetKey: 'Forget key',
  forget: 'Forget live answers',
  forgetHint: 'Answers are kept for a day so that a name is asked at most once a day.',
  forgotten: 'Forgotten.',
} as const;

/** The options page's "Live sources" section: a pure view; `LiveSourcesContainer` holds its state. */
export function LiveSources(props: LiveSourcesProps) {
  return (
    <section aria-labelledby="live-sources" class="live-sources">
      <h2 id="live-sources">{TEXT.heading}</h2>
      <p class="muted">{TEXT.intro}</p>
      {props.sources.map((source) => (
        <Source key={source.id} source={source} {...props} />
      ))}
      <p>
        <button type="button" onClick={props.onForget}>
          {TEXT.forget}
        </button>{' '}
        <span class="muted" role="status">
          {props.forgotten ? TEXT.forgotten : TEXT.forgetHint}
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
  const state = states[source.id];
  const missingKey = source.needsKey && !guardianKey;
  const note = state.asking ? TEXT.asking : state.note ? TEXT[state.note] : null;
  return (
    <div class="live-source" data-source={source.id}>
      <Switch
        label={source.name}
        hint={source.sends}
        checked={state.on}
        disabled={state.asking || (missingKey && !state.on)}
        onChange={(on) => onToggle(source.id, on)}
      />
      <p class="muted live-source__adds">{source.adds}</p>
      {note && (
        <p
          class="muted live-source__note"
          role="status"
          data-note={state.asking ? 'asking' : state.note}
        >
          {note}
        </p>
      )}
      {source.needsKey && <KeyForm saved={guardianKey} onSave={onGuardianKey} />}
    </div>
  );
}

function KeyForm({ saved, onSave }: { saved: string; onSave: (key: string) => void }) {
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
        {TEXT.keyLabel}{' '}
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
        {TEXT.saveKey}
      </button>
      {saved && (
        <button type="button" onClick={() => onSave('')}>
          {TEXT.forgetKey}
        </button>
      )}
      <span class="muted" data-testid="guardian-key-status">
        {saved ? TEXT.keySaved : `${TEXT.keyHint} ${TEXT.keyNeeded}`}
      </span>
    </form>
  );
}
