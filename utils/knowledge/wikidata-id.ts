import type { Entity } from './schema';

/**
 * The Wikidata id of a pack entity: its id when that is a Q-id, else one named in its sources'
 * addresses (curated entities with a `bs:` slug often cite their Wikidata item).
 */
export function wikidataIdOf(entity: Pick<Entity, 'id' | 'sources'>): string | undefined {
  if (/^Q\d+$/.test(entity.id)) return entity.id;
  for (const source of entity.sources) {
    const found = /wikidata\.org\/wiki\/(Q\d+)/.exec(source.url ?? '')?.[1];
    if (found) return found;
  }
  return undefined;
}
