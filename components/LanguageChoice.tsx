import { LANGUAGE_NAMES } from '@/utils/i18n/kinds';
import { LANGUAGE_SETTINGS, type LanguageSetting, readerLanguage } from '@/utils/i18n/languages';
import type { Settings } from '@/utils/settings/settings';
import { useI18n } from './i18n';

/**
 * The reader's language for menus and cards: the browser's, or one Backstory has a catalogue
 * for. Each language is named in itself ("English", "العربية"), so a reader who cannot read the
 * current one still finds their own.
 */
export function LanguageChoice({
  settings,
  browserLanguage,
  onChange,
}: {
  settings: Settings;
  /** The browser's interface language (`i18n.getUILanguage()`). */
  browserLanguage: string;
  onChange: (settings: Settings) => void;
}) {
  const t = useI18n();
  const label = (choice: LanguageSetting) => {
    if (choice !== 'auto') return <span lang={choice}>{t.t(LANGUAGE_NAMES[choice])}</span>;
    const browsers = readerLanguage('auto', browserLanguage);
    return t.t('options_language_auto', t.t(LANGUAGE_NAMES[browsers]));
  };
  return (
    <section aria-labelledby="language">
      <h2 id="language">{t.t('options_language')}</h2>
      <fieldset class="controls__group">
        <legend>{t.t('options_language_label')}</legend>
        <div class="controls__languages">
          {LANGUAGE_SETTINGS.map((choice) => (
            <label key={choice} class="check">
              <input
                type="radio"
                name="language"
                value={choice}
                checked={settings.language === choice}
                onChange={() => onChange({ ...settings, language: choice })}
              />
              {label(choice)}
            </label>
          ))}
        </div>
      </fieldset>
      <p class="muted">{t.t('options_language_hint')}</p>
    </section>
  );
}
