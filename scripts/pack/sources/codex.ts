/**
 * CoDEx's entity types, `tsafavi+codex/data/types/`: `entity2types.json` maps 77,951 Wikidata ids
 * to the ids of their classes (P31), and `<lang>/types.json` gives each class its label,
 * description and Wikipedia article in ar, de, en, es, ru and zh.
 *
 * The entities come without labels, so their items carry only P31 and a kind hint from the
 * classes' English labels: the merge joins them to the items other sources name. The classes
 * themselves become items with their labels in six languages (`topic`), so a card can name them.
 */
import type { KbItem } from '../kb/item';
import { addClaim, addDescription, addLabel, ItemMap, qidOf } from './build-item';
import { readJsonFile } from './data-dir';
import { kindOfClassNames } from './kinds';
import { SOURCES } from './registry';

export const CODEX_FOLDER = 'tsafavi+codex/data/types';
export const CODEX_LANGUAGES = ['ar', 'de', 'en', 'es', 'ru', 'zh'] as const;

/** One class in one language. */
export interface CodexType {
  label?: string;
  description?: string;
  wiki?: string;
}

/** `https://en.wikipedia.org/wiki/Event_(philosophy)` → `Event (philosophy)`. */
export function wikipediaTitle(url: string): string | undefined {
  const path = /^https?:\/\/[^/]+\/wiki\/(.+)$/.exec(url)?.[1];
  if (!path) return undefined;
  try {
    return decodeURIComponent(path).replaceAll('_', ' ');
  } catch {
    return path.replaceAll('_', ' ');
  }
}

/** KbItems of the typed entities (label-less) and of their classes. */
export function codexItemsOf(
  entityTypes: Record<string, string[]>,
  typesByLanguage: Record<string, Record<string, CodexType>>,
): KbItem[] {
  const items = new ItemMap(SOURCES.codex.id);
  const english = typesByLanguage.en ?? {};
  for (const [id, types] of Object.entries(entityTypes)) {
    const qid = qidOf(id);
    if (!qid) continue;
    const item = items.get(qid);
    for (const type of types) addClaim(item, 'P31', { value: qidOf(type) ?? '' });
    item.kindHint = types.includes('Q5')
      ? 'person'
      : kindOfClassNames(types.map((type) => english[type]?.label ?? ''));
  }
  for (const [lang, types] of Object.entries(typesByLanguage)) {
    for (const [id, type] of Object.entries(types)) {
      const qid = qidOf(id);
      if (!qid) continue;
      const item = items.get(qid);
      item.kindHint ??= 'topic';
      addLabel(item, lang, type.label);
      addDescription(item, lang, type.description);
      const title = wikipediaTitle(type.wiki ?? '');
      if (title) item.wikipedia = { ...item.wikipedia, [lang]: title };
    }
  }
  return items.values();
}

/** KbItems of CoDEx's entities and classes. */
export function codexItems(dir: string): KbItem[] {
  return codexItemsOf(
    readJsonFile(dir, `${CODEX_FOLDER}/entity2types.json`),
    Object.fromEntries(
      CODEX_LANGUAGES.map((lang) => [
        lang,
        readJsonFile(dir, `${CODEX_FOLDER}/${lang}/types.json`),
      ]),
    ),
  );
}
