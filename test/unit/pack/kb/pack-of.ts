import type { Entity } from '../../../../utils/knowledge/schema';

/** A pack around some entities, for `validatePack`. */
export function packOf(entities: Entity[]) {
  return {
    format: 'backstory-pack',
    schemaVersion: 1,
    id: 'backstory.test',
    name: 'Test pack',
    version: '1',
    entities,
  };
}
