import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { UiLanguage } from '@/utils/i18n/languages';
import { translatorLoader } from '@/utils/i18n/load';
import type { Catalogue } from '@/utils/i18n/translator';

/** A catalogue as the extension ships it (`public/_locales/<language>/messages.json`). */
export function catalogueOf(language: UiLanguage): Catalogue {
  return JSON.parse(readFileSync(resolve(`public/_locales/${language}/messages.json`), 'utf8'));
}

/** Translators over the shipped catalogues, read from disk as the extension fetches them. */
export const testTranslator = translatorLoader(async (language) => catalogueOf(language));
