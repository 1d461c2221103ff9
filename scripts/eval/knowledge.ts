/**
 * Where the evaluation tools get their knowledge: the one module that knows how a pack is stored.
 * Everything else sees a {@link Knowledge}: a compiled matcher, and entities by id. It reads a
 * built pack in its shipping form (the built-in one unless told otherwise: the same files the
 * extension reads), or compiles a JSON pack file as the background does with an import.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Entity, KnowledgePack } from '../../utils/knowledge/schema';
import { wikidataIdOf } from '../../utils/knowledge/wikidata-id';
import { compileMatcher } from '../../utils/match/compile';
import type { Scanner } from '../../utils/match/layers';
import { Matcher } from '../../utils/match/matcher';
import { readBuiltPack } from '../pack/built-pack';
import { PACK_DIR } from '../pack/paths';

/** A knowledge base as the tools use it. */
export interface Knowledge {
  matcher: Scanner;
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
 * @param packPath a built pack's folder (the built-in pack, `npm run pack` builds it, when
 *   absent) or a pack file in the JSON format readers import
 */
export function loadKnowledge(packPath: string = PACK_DIR): Knowledge {
  if (!existsSync(packPath))
    throw new Error(
      packPath === PACK_DIR
        ? `No built-in pack at ${packPath}: build it with \`npm run pack\`.`
        : `No pack at ${packPath}.`,
    );
  if (!statSync(packPath).isDirectory()) {
    const pack = JSON.parse(readFileSync(packPath, 'utf8')) as KnowledgePack;
    return knowledgeOf(pack.entities);
  }
  const built = readBuiltPack(packPath);
  const wikidata = new Map<string, string | undefined>();
  return {
    matcher: new Matcher(built.data),
    entity: (id) => built.entity(id),
    wikidataId: (id) => {
      if (!wikidata.has(id)) {
        const entity = built.entity(id);
        wikidata.set(id, entity ? wikidataIdOf(entity) : undefined);
      }
      return wikidata.get(id);
    },
  };
}
