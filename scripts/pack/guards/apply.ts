/**
 * Guards every pack entity gets from its names alone, applied once the pack is put together:
 * a one-word alias that is also an everyday word of a news language (in any script) carries the
 * rule `everyday`; so does the Arabic name of a little-known entity written with the article.
 */
import type { Alias, Entity } from '../../../utils/knowledge/schema';
import { OBSCURE_POPULARITY } from '../../../utils/match/candidate-rules';
import { popularityCode } from '../../../utils/match/matcher-data';
import { aliasFlags, aliasText, makeAlias } from '../breadth/aliases';
import { isEverydayWord } from './everyday';

/**
 * Below the resolver's popularity of obscure places (≈ 9 Wikipedias) an Arabic name written with
 * the article, one word, is read as the common noun it spells: "المقر" (the headquarters) is
 * seldom the village Al Muqr, "الخلاص" (salvation) seldom Al Khalas. Better-known ones (الرقة,
 * Raqqa) keep their marks.
 */
const ARABIC_WITH_ARTICLE = /^ال[\u0620-\u064A\u0671-\u06D3]{2,}$/u;

/**
 * Is this the own name of a country or a first-level region (a state, a province, England),
 * written in capitals? Such a name is a name in every language that writes it so. (Not their
 * other aliases, which the sources fill with odd ones, nor a name in a script without capitals.)
 */
function isRegionsOwnName(entity: Entity, text: string): boolean {
  return (
    entity.kind === 'place' &&
    text === entity.name &&
    text.toLowerCase() !== text.toUpperCase() &&
    (entity.facts ?? []).some(
      (fact) => fact.label === 'ISO 3166-1 code' || fact.label === 'ISO 3166-2',
    )
  );
}

/** Is this one-word alias of this entity an everyday word (or, in Arabic, most likely one)? */
function everydayAlias(entity: Entity, text: string): boolean {
  if (isEverydayWord(text, !isRegionsOwnName(entity, text))) return true;
  const popularity = popularityCode(entity.popularity);
  return popularity > 0 && popularity < OBSCURE_POPULARITY && ARABIC_WITH_ARTICLE.test(text);
}

/** Mark every one-word alias that is an everyday word (changes the entities given). */
export function guardEverydayWords(entities: Entity[]): number {
  let marked = 0;
  for (const entity of entities) {
    // The display name is matched too: give it its rule as an alias when no alias spells it.
    const texts = Object.values(entity.aliases).flatMap((list) => list.map(aliasText));
    if (!texts.includes(entity.name))
      entity.aliases.en = [...(entity.aliases.en ?? []), entity.name];
    for (const [language, list] of Object.entries(entity.aliases)) {
      entity.aliases[language] = list.map((alias): Alias => {
        const text = aliasText(alias);
        if (/[\s\-‐‑]/.test(text.trim()) || !everydayAlias(entity, text)) return alias;
        marked++;
        return makeAlias(text, { ...aliasFlags(alias), everyday: true });
      });
    }
  }
  return marked;
}
