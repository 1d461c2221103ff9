/**
 * Where the evaluation tools get their knowledge: the one module that knows how a pack is stored.
 * Everything else sees a {@link Knowledge}: a compiled matcher, and entities by id. Today it reads
 * a JSON pack (the built-in one unless told otherwise) and compiles it as the background does.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Entity, KnowledgePack } from '../../utils/knowledge/schema';
import { wikidataIdOf } from '../../utils/knowledge/wikidata-id';
import { compileMatcher } from '../../utils/match/compile';
import { Matcher } from '../../utils/match/matcher';
import { PACK_OUTPUT } from '../pack/paths';

/** A knowledge base as the tools use it. */
export interface Knowledge {
  matcher: Matcher;
  /** The entity with this id (a Wikidata id or a pack slug). */
  entity(id: string): Entity | undefined;
  /** The Wikidata id of the entity with this id, when it has one. */
  wikidataId(id: string): string | undefined;
}

/** Knowledge made of a list of entities (tests, and packs once read). */
export function knowledgeOf(entities: readonly Entity[]): Knowledge {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const { data } = compileMatcher(entities);
  return {
    matcher: new Matcher(data),
    entity: (id) => byId.get(id),
    wikidataId: (id) => {
      const entity = byId.get(id);
      return entity ? wikidataIdOf(entity) : undefined;
    },
  };
}

/**
 * Load a pack's knowledge.
 * @param packPath a pack file; the built-in pack (`npm run pack` builds it) when absent
 */
export function loadKnowledge(packPath: string = PACK_OUTPUT): Knowledge {
  if (!existsSync(packPath))
    throw new Error(
      packPath === PACK_OUTPUT
        ? `No built-in pack at ${packPath}: build it with \`npm run pack\`.`
        : `No pack at ${packPath}.`,
    );
  const pack = JSON.parse(readFileSync(packPath, 'utf8')) as KnowledgePack;
  return knowledgeOf(pack.entities);
}
