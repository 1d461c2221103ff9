import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '@/utils/i18n/languages';
import { type Catalogue, isCatalogue, PLURAL_CATEGORIES } from '@/utils/i18n/translator';
import { LIVE_SOURCES } from '@/utils/live/sources';
import { catalogueOf } from '../../support/i18n';

const catalogues = Object.fromEntries(
  UI_LANGUAGES.map((language) => [language, catalogueOf(language)]),
) as Record<UiLanguage, Catalogue>;

const PLURAL_FORM = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);
/** `popup_entities_two` → `popup_entities`; other keys unchanged. */
const stemOf = (key: string) => key.replace(PLURAL_FORM, '');
const isPluralStem = (catalogue: Catalogue, key: string) =>
  PLURAL_FORM.test(key) && `${stemOf(key)}_other` in catalogue;

/** `$COUNT$` → `count`, for every placeholder a message uses. */
function placeholdersUsed(message: string): Set<string> {
  return new Set(
    [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()),
  );
}

/** The source the extension is built from (not tests, scripts or data). */
function sourceText(): string {
  const files: string[] = ['wxt.config.ts'];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|html)$/.test(name) && !/\.test\./.test(name)) files.push(path);
    }
  };
  for (const dir of ['components', 'entrypoints', 'utils']) walk(dir);
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('message catalogues', () => {
  it('are WebExtension catalogues with valid names and no empty message', () => {
    for (const catalogue of Object.values(catalogues)) {
      expect(isCatalogue(catalogue)).toBe(true);
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim(), key).not.toBe('');
      }
    }
  });

  it('have every message in both languages, plurals in every form the language needs', () => {
    const stems = (catalogue: Catalogue) =>
      new Set(
        Object.keys(catalogue).map((key) => (isPluralStem(catalogue, key) ? stemOf(key) : key)),
      );
    expect([...stems(catalogues.ar)].sort()).toEqual([...stems(catalogues.en)].sort());
    for (const language of UI_LANGUAGES) {
      const catalogue = catalogues[language];
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = [...stems(catalogue)].filter((stem) => `${stem}_other` in catalogue);
      expect(plurals.length).toBeGreaterThan(5);
      for (const stem of plurals)
        for (const category of needed)
          expect(catalogue, `${language} ${stem}`).toHaveProperty(`${stem}_${category}`);
    }
    // Arabic needs all six forms.
    expect(
      Object.keys(catalogues.ar).filter((key) => key.startsWith('popup_entities_')),
    ).toHaveLength(6);
  });

  it('use the same placeholders in both languages, each one defined', () => {
    const byStem = (catalogue: Catalogue) => {
      const used = new Map<string, Set<string>>();
      for (const [key, entry] of Object.entries(catalogue)) {
        const stem = isPluralStem(catalogue, key) ? stemOf(key) : key;
        const names = placeholdersUsed(entry.message);
        const defined = new Set(
          Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()),
        );
        for (const name of names) expect(defined, `${key} defines $${name}$`).toContain(name);
        used.set(stem, new Set([...(used.get(stem) ?? []), ...names]));
      }
      return used;
    };
    const english = byStem(catalogues.en);
    const arabic = byStem(catalogues.ar);
    for (const [stem, names] of english)
      expect([...(arabic.get(stem) ?? [])].sort(), stem).toEqual([...names].sort());
    // Plural forms use every placeholder but the count, which "one"/"two" forms may spell out.
    for (const catalogue of Object.values(catalogues))
      for (const [key, entry] of Object.entries(catalogue)) {
        if (!isPluralStem(catalogue, key)) continue;
        const others = placeholdersUsed(catalogue[`${stemOf(key)}_other`]?.message ?? '');
        others.delete('count');
        for (const name of others) expect(placeholdersUsed(entry.message), key).toContain(name);
      }
  });

  it('has no message the extension does not use, and uses none it lacks', () => {
    const source = sourceText();
    // A live source's messages are named after its id (`defineLiveSource`), not written out.
    const sourceMessages = new Set<string>(
      LIVE_SOURCES.flatMap((live) => [live.nameKey, live.sendsKey, live.addsKey]),
    );
    const used = (key: string) =>
      sourceMessages.has(key) ||
      source.includes(`'${key}'`) ||
      source.includes(`"${key}"`) ||
      source.includes(`__MSG_${key}__`);
    const unused = Object.keys(catalogues.en).filter(
      (key) => !used(key) && !(isPluralStem(catalogues.en, key) && used(stemOf(key))),
    );
    expect(unused).toEqual([]);
    for (const [, key] of source.matchAll(/__MSG_([A-Za-z0-9_]+)__/g))
      expect(catalogues.en, `__MSG_${key}__`).toHaveProperty(key as string);
  });

  it('has the three messages of every registered live source, in both languages', () => {
    for (const catalogue of Object.values(catalogues))
      for (const live of LIVE_SOURCES)
        for (const key of [live.nameKey, live.sendsKey, live.addsKey])
          expect(catalogue, `${live.id}: ${key}`).toHaveProperty(key);
  });

  it('fits the stores: a short name, a description of at most 132 characters', () => {
    for (const catalogue of Object.values(catalogues)) {
      expect(catalogue.ext_name?.message.length).toBeLessThanOrEqual(45);
      expect(catalogue.ext_description?.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('is written in Arabic in the Arabic catalogue (brand names and language names aside)', () => {
    const latinOnly = Object.entries(catalogues.ar)
      .filter(([, entry]) => !/[\u0600-\u06FF]/.test(entry.message))
      .map(([key]) => key);
    expect(latinOnly.sort()).toEqual(
      [
        'card_coverage_link',
        'card_fact_note',
        'card_where_when',
        'ext_name',
        'language_en',
        // GDELT is written in Latin letters in the Arabic press too.
        'live_gdelt_name',
        'options_entity_kind',
        'options_source_licence',
      ].sort(),
    );
  });
});
