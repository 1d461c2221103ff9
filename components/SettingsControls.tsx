import { ENTITY_KINDS, type EntityKind } from '@/utils/knowledge/schema';
import { HIGHLIGHT_STYLES, type HighlightStyle } from '@/utils/page/highlight-styles';
import type { Settings } from '@/utils/settings/settings';

const KIND_NAMES: Record<EntityKind, string> = {
  person: 'People',
  place: 'Places',
  organisation: 'Organisations',
  event: 'Events',
  group: 'Groups',
  topic: 'Topics',
};

const STYLE_NAMES: Record<HighlightStyle, string> = {
  underline: 'Underline',
  background: 'Background',
  subtle: 'Subtle',
};

/** What to mark and how: the part of the settings the popup and the options page share. */
export function SettingsControls({
  settings,
  onChange,
  idPrefix,
}: {
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** Keeps ids unique when two copies are on one page. */
  idPrefix: string;
}) {
  return (
    <div class="controls">
      <fieldset class="controls__group">
        <legend>Mark</legend>
        <div class="controls__kinds">
          {ENTITY_KINDS.map((kind) => (
            <label key={kind} class="check">
              <input
                type="checkbox"
                checked={settings.kinds[kind]}
                onChange={(event) =>
                  onChange({
                    ...settings,
                    kinds: { ...settings.kinds, [kind]: event.currentTarget.checked },
                  })
                }
              />
              <span class={`kind-dot kind-dot--${kind}`} aria-hidden="true" />
              {KIND_NAMES[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="controls__group">
        <legend>Highlight style</legend>
        <div class="controls__styles">
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="check">
              <input
                type="radio"
                name={`${idPrefix}-style`}
                value={style}
                checked={settings.style === style}
                onChange={() => onChange({ ...settings, style })}
              />
              {STYLE_NAMES[style]}
            </label>
          ))}
        </div>
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.firstMentionOnly}
          onChange={(event) =>
            onChange({ ...settings, firstMentionOnly: event.currentTarget.checked })
          }
        />
        Only the first mention of each
      </label>
    </div>
  );
}

export { KIND_NAMES };
