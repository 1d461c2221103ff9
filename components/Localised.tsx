import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { readerLanguage, type UiLanguage } from '@/utils/i18n/languages';
import { applyLanguage } from '@/utils/i18n/load';
import type { MessageKey, Translator } from '@/utils/i18n/translator';
import type { Settings } from '@/utils/settings/settings';
import { I18n } from './i18n';

/** What a localised extension page needs: the reader's setting, the browser's language, catalogues. */
export interface LocalisedDeps {
  readSettings(): Promise<Settings>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** The browser's interface language (`i18n.getUILanguage()`). */
  browserLanguage: string;
  load(language: UiLanguage): Promise<Translator>;
  /** The page's document: it takes the language, the direction and a translated title. */
  doc: Document;
}

/**
 * An extension page (popup, options) in the reader's language: it renders nothing until that
 * language's catalogue is loaded (no flash of English), then provides it to every view below,
 * and follows the setting when the reader changes it.
 */
export function Localised({
  deps,
  title,
  children,
}: {
  deps: LocalisedDeps;
  /** The document's title, as a message. */
  title: MessageKey;
  children: ComponentChildren;
}) {
  const [translator, setTranslator] = useState<Translator | null>(null);

  useEffect(() => {
    let wanted: UiLanguage | null = null;
    const follow = async (settings: Settings) => {
      const language = readerLanguage(settings.language, deps.browserLanguage);
      if (language === wanted) return;
      wanted = language;
      const loaded = await deps.load(language);
      // A later change may have overtaken this one while its catalogue loaded.
      if (wanted === language) setTranslator(loaded);
    };
    void deps.readSettings().then(follow);
    return deps.watchSettings((settings) => void follow(settings));
  }, [deps]);

  useEffect(() => {
    if (!translator) return;
    applyLanguage(deps.doc, translator);
    deps.doc.title = translator.t(title);
  }, [deps, translator, title]);

  return translator ? <I18n.Provider value={translator}>{children}</I18n.Provider> : null;
}
