/**
 * Putting the Wikidata-derived knowledge base together with the hand-tuned part of the pack
 * (the breadth generators' countries, cities, leaders, parties… and the curated files):
 *
 * - which of the knowledge base's entities ship in the built-in pack ({@link selectBuiltIn}): all
 *   that any source but the wikilinker name list vouches for, and of the list's own the items
 *   Wikidata created from Wikipedia articles early on (ids below ten million), where the people
 *   and companies news names are; the rest go to the larger subscription;
 * - {@link mergeSlugNamesakes}: sources without ids name one thing twice ("Harvard University"
 *   from the university list and from WordNet): one entity;
 * - {@link withKnowledgeBase}: the tuned entities win their fields (names, descriptions, facts,
 *   guards), the knowledge base adds aliases, popularity and everything the tuned part lacks;
 *   knowledge-base people and organisations named exactly like a curated one are that one.
 *
 * Names shared by knowledge-base entities are not guarded here: they carry their popularity, and
 * the resolver takes the best known only by a clear margin (`utils/match/resolve.ts`).
 */
import { mergeEntity } from '../../utils/knowledge/merge';
import type { Entity } from '../../utils/knowledge/schema';
import { dropCuratedNamesakes } from './breadth/dedupe';
import { CURATED_SAME_AS } from './breadth/overrides';
import { foldText } from './breadth/words';

/** Items of the wikilinker list alone ship in the built-in pack below this Wikidata number. */
export const EARLY_ITEM = 10_000_000;

/** The wikilinker name list's source title, as its adapter writes it. */
const WIKILINKER = /^wikilinker/;

/** Does an entity come from the wikilinker name list and nothing else (Wikidata's own link aside)? */
export function onlyFromNameList(entity: Entity): boolean {
  const titles = entity.sources
    .map((source) => source.title)
    .filter((title) => !title.startsWith('Wikidata '));
  return titles.length > 0 && titles.every((title) => WIKILINKER.test(title));
}

/** The knowledge base's entities that ship in the built-in pack. */
export function selectBuiltIn(entities: readonly Entity[]): Entity[] {
  return entities.filter(
    (entity) =>
      !onlyFromNameList(entity) ||
      (/^Q\d+$/.test(entity.id) && Number(entity.id.slice(1)) < EARLY_ITEM),
  );
}

/**
 * One entity per name among `bs:` entities (sources without ids): the first keeps its id and
 * kind, unless a later one's source knows the kind better (anything over WordNet's guess).
 */
export function mergeSlugNamesakes(entities: readonly Entity[]): Entity[] {
  const byName = new Map<string, number>();
  const out: Entity[] = [];
  for (const entity of entities) {
    if (!entity.id.startsWith('bs:')) {
      out.push(entity);
      continue;
    }
    const key = foldText(entity.name);
    const at = byName.get(key);
    if (at === undefined) {
      byName.set(key, out.length);
      out.push(entity);
      continue;
    }
    const earlier = out[at] as Entity;
    const kindFrom = fromWordNet(earlier) && !fromWordNet(entity) ? entity : earlier;
    const merged = mergeEntity(earlier, entity);
    out[at] = {
      ...merged,
      id: earlier.id,
      kind: kindFrom.kind,
      description: kindFrom.description,
      sources: [...earlier.sources, ...entity.sources].slice(0, 20),
      popularity: Math.max(earlier.popularity ?? 0, entity.popularity ?? 0),
    };
  }
  return out;
}

function fromWordNet(entity: Entity): boolean {
  return entity.id.startsWith('bs:wn-');
}

/**
 * The tuned entities (breadth and curated, already assembled) with the knowledge base's: the
 * tuned record wins each field it has; aliases are united; the knowledge base's popularity
 * stays. Sorted by id.
 */
export function withKnowledgeBase(
  tuned: readonly Entity[],
  knowledge: readonly Entity[],
  curated: readonly Entity[],
): Entity[] {
  const byId = new Map<string, Entity>();
  for (const entity of dropCuratedNamesakes([...knowledge], [...curated], CURATED_SAME_AS))
    byId.set(entity.id, entity);
  for (const entity of tuned) {
    const known = byId.get(entity.id);
    byId.set(
      entity.id,
      known
        ? {
            ...known,
            ...entity,
            // The tuned aliases first, with their guards; the knowledge base's others after.
            aliases: mergeEntity(entity, known).aliases,
            // The tuned record's sources first: they say where its facts come from.
            sources: [...entity.sources, ...known.sources].slice(0, 20),
            ...(known.popularity !== undefined || entity.popularity !== undefined
              ? { popularity: Math.max(known.popularity ?? 0, entity.popularity ?? 0) }
              : {}),
          }
        : entity,
    );
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
