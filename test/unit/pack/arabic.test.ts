import { describe, expect, it } from 'vitest';
import type { Entity } from '@/utils/knowledge/schema';
import { readCurated } from '../../../scripts/pack/build';

/** The curated Syria story, file by file (packs/curated/syria-*.yaml). */
const files = readCurated().filter(({ file }) => file.startsWith('syria-'));
const syria = files.flatMap(({ file, entities }) => entities.map((item) => ({ file, item })));
const events = files.find(({ file }) => file === 'syria-events.yaml')?.entities ?? [];

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]/gu;
const LATIN_LETTER = /[A-Za-z]/g;

/**
 * Why a text is not Arabic, or undefined when it is: it needs Arabic letters, and Latin letters
 * (an abbreviation such as M5 or OCCRP) may make up only a small share of the letters.
 */
function notArabic(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return 'missing';
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (arabic === 0) return `no Arabic letters in "${text}"`;
  if (latin > 0.1 * (arabic + latin)) return `too much Latin script in "${text}"`;
  return undefined;
}

/** Every Arabic text an entity carries, with where it sits, for the script check. */
function arabicTexts(item: Entity): [string, string | undefined][] {
  const texts: [string, string | undefined][] = [];
  for (const [field, value] of Object.entries(item.translations?.ar ?? {}))
    texts.push([field, value]);
  item.facts?.forEach((fact, i) => {
    for (const [field, value] of Object.entries(fact.translations?.ar ?? {}))
      texts.push([`facts[${i}].${field}`, value]);
  });
  item.timeline?.forEach((entry, i) => {
    for (const [field, value] of Object.entries(entry.translations?.ar ?? {}))
      texts.push([`timeline[${i}].${field}`, value]);
    entry.links?.forEach((link, j) => {
      if (link.translations?.ar?.title !== undefined)
        texts.push([`timeline[${i}].links[${j}].title`, link.translations.ar.title]);
    });
  });
  return texts;
}

describe('the Arabic edition of the curated Syria story', () => {
  it('reads all six Syria files and their 172 entities', () => {
    expect(files.map(({ file }) => file)).toEqual([
      'syria-events.yaml',
      'syria-foreign.yaml',
      'syria-media.yaml',
      'syria-opposition.yaml',
      'syria-places.yaml',
      'syria-state.yaml',
    ]);
    expect(syria.length).toBe(172);
    expect(events.length).toBe(25);
  });

  it.each(syria.map(({ file, item }) => [item.id, file, item] as const))(
    '%s (%s) has an Arabic name, description and summary',
    (_id, _file, item) => {
      const ar = item.translations?.ar;
      expect(notArabic(ar?.name)).toBeUndefined();
      expect(notArabic(ar?.description)).toBeUndefined();
      if (item.summary !== undefined) expect(notArabic(ar?.summary)).toBeUndefined();
      else expect(ar?.summary).toBeUndefined();
    },
  );

  it.each(events.map((item) => [item.id, item] as const))(
    'every timeline entry of the event %s has an Arabic title',
    (_id, item) => {
      for (const entry of item.timeline ?? []) {
        expect(
          notArabic(entry.translations?.ar?.title),
          `${entry.date} ${entry.title}`,
        ).toBeUndefined();
        if (entry.summary !== undefined)
          expect(notArabic(entry.translations?.ar?.summary), entry.title).toBeUndefined();
      }
    },
  );

  it.each(syria.map(({ item }) => [item.id, item] as const))(
    'the Arabic texts of %s are Arabic script, not English left in place',
    (_id, item) => {
      for (const [where, text] of arabicTexts(item))
        expect(notArabic(text), `${item.id} ${where}`).toBeUndefined();
      const english = [item.name, item.description, item.summary].filter(Boolean);
      for (const text of Object.values(item.translations?.ar ?? {}))
        expect(english).not.toContain(text);
    },
  );

  it('gives a translated fact both its label and its value', () => {
    const halves = syria.flatMap(({ item }) =>
      (item.facts ?? [])
        .filter((fact) => fact.translations?.ar)
        .filter((fact) => !fact.translations?.ar?.label || !fact.translations?.ar?.value)
        .map((fact) => `${item.id}: ${fact.label}`),
    );
    expect(halves).toEqual([]);
  });

  it('keeps dates in the data: no Arabic timeline title adds a year the English lacks', () => {
    const added = syria.flatMap(({ item }) =>
      (item.timeline ?? [])
        .filter((entry) => {
          const years = entry.translations?.ar?.title?.match(/\b(19|20)\d\d\b/g) ?? [];
          return years.some((year) => !entry.title.includes(year));
        })
        .map((entry) => `${item.id} ${entry.date}`),
    );
    expect(added).toEqual([]);
  });
});
