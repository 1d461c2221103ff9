/**
 * An organisation called by a place's name: a football club by its city ("Stuttgart" for VfB
 * Stuttgart, "Köln" for 1. FC Köln, "Hamburg" for Hamburger SV), a company by its town. Sports
 * pages write the club's full name at least once; a travel or business page naming the city
 * does not. So such a name, when it is not the organisation's own display name ("Toyota" stays
 * the company's), waits for the organisation to be named in full on the page (`neverAlone`);
 * until then the place has it. Without this, a page about trains from Köln via Frankfurt to
 * Stuttgart was a page about three football clubs: the knowledge base knows the clubs' page
 * views and only a rough size of the cities.
 */
import type { Alias, Entity } from '../../../utils/knowledge/schema';
import { isAcronym } from '../../../utils/match/alias-forms';
import { placeRoleOf } from '../../../utils/match/compile';
import { aliasFlags, aliasText, makeAlias } from '../breadth/aliases';
import { foldText } from '../breadth/words';

/** The folded names of every country and settlement among the entities. */
function placeNames(entities: readonly Entity[]): Set<string> {
  const names = new Set<string>();
  for (const entity of entities) {
    if (placeRoleOf(entity) === 0) continue;
    names.add(foldText(entity.name));
    for (const list of Object.values(entity.aliases))
      for (const alias of list) names.add(foldText(aliasText(alias)));
  }
  return names;
}

/**
 * Give every organisation's alias that is a country's or settlement's name, but not the
 * organisation's own name nor an acronym, the rule `neverAlone` (changes the entities given);
 * returns how many. Curated entities (`curated`: their ids) are left as their authors wrote them.
 */
export function guardPlaceNamedOrganisations(
  entities: Entity[],
  curated: ReadonlySet<string> = new Set(),
): number {
  const places = placeNames(entities);
  let guarded = 0;
  for (const entity of entities) {
    if (entity.kind !== 'organisation' || curated.has(entity.id)) continue;
    const own = foldText(entity.name);
    for (const [language, list] of Object.entries(entity.aliases)) {
      entity.aliases[language] = list.map((alias): Alias => {
        const text = aliasText(alias);
        const folded = foldText(text);
        // Acronyms ("SANA", the news agency) are not a place's name ("Sana").
        if (folded === own || isAcronym(text) || !places.has(folded)) return alias;
        const flags = aliasFlags(alias);
        if (flags.neverAlone !== undefined) return alias;
        guarded++;
        return makeAlias(text, { ...flags, neverAlone: true });
      });
    }
  }
  return guarded;
}
