import type { KnowledgePack } from '../../utils/knowledge/schema';

/**
 * Checks beyond the schema, over the whole merged pack: references that point nowhere.
 * (Alias collisions are checked by the pipeline once the matcher's normalisation is applied.)
 */
export function checkPack(pack: KnowledgePack): string[] {
  const ids = new Set(pack.entities.map((entity) => entity.id));
  const problems: string[] = [];
  for (const entity of pack.entities) {
    for (const id of entity.related ?? []) {
      if (!ids.has(id))
        problems.push(
          `entity ${entity.id} (${entity.name}), field related: ${id} is not in the pack`,
        );
    }
    entity.timeline?.forEach((entry, i) => {
      if (entry.event && !ids.has(entry.event)) {
        problems.push(
          `entity ${entity.id} (${entity.name}), field timeline[${i}].event: ${entry.event} is not in the pack`,
        );
      }
    });
  }
  return problems;
}
