import type { MessageKey } from '@/utils/i18n/translator';
import { ENTITY_KINDS, type EntityKind } from '@/utils/knowledge/schema';
import { HIGHLIGHT_STYLES, type HighlightStyle } from '@/utils/page/highlight-styles';
import type { Settings } from '@/utils/settings/settings';
import { useI18n } from './i18n';

/** Each kind's name as a group ("People", "Places"), as catalogue messages. */
const KIND_NAMES: Record<EntityKind, MessageKey> = {
  person: 'kinds_person',
  place: 'kinds_place',
  organisation: 'kinds_organisation',
  event: 'kinds_event',
  group: 'kinds_group',
  topic: 'kinds_topic',
};

const STYLE_NAMES: Record<HighlightStyle, MessageKey> = {
  underline: 'style_underline',
  background: 'style_background',
  subtle: 'style_subtle',
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
  const t = useI18n();
  return (
    <div class="controls">
      <fieldset class="controls__group">
        <legend>{t.t('controls_mark')}</legend>
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
              {t.t(KIND_NAMES[kind])}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="controls__group">
        <legend>{t.t('controls_style')}</legend>
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
              {t.t(STYLE_NAMES[style])}
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
        {t.t('controls_first_only')}
      </label>
    </div>
  );
}

export { KIND_NAMES };
