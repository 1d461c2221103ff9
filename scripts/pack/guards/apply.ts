/**
 * Guards every pack entity gets from its names alone, applied once the pack is put together:
 * a one-word alias that is also an everyday word of a news language (in any script) carries the
 * rule `everyday`.
 */
import type { Alias, Entity } from '../../../utils/knowledge/schema';
import { isEverydayWord } from './everyday';

/** Mark every one-word alias that is an everyday word (changes the entities given). */
export function guardEverydayWords(entities: Entity[]): number {
  let marked = 0;
  for (const entity of entities) {
    // The display name is matched too: give it its rule as an alias when no alias spells it.
    const texts = Object.values(entity.aliases).flatMap((list) =>
      list.map((alias) => (typeof alias === 'string' ? alias : alias.text)),
    );
    if (!texts.includes(entity.name))
      entity.aliases.en = [...(entity.aliases.en ?? []), entity.name];
    for (const [language, list] of Object.entries(entity.aliases)) {
      entity.aliases[language] = list.map((alias): Alias => {
        const text = typeof alias === 'string' ? alias : alias.text;
        if (/[\s\-‐‑]/.test(text.trim()) || !isEverydayWord(text)) return alias;
        marked++;
        return typeof alias === 'string' ? { text, everyday: true } : { ...alias, everyday: true };
      });
    }
  }
  return marked;
}
