import type { Entity, EntityKind, KnowledgePack } from '@/utils/knowledge/schema';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'su',
  'te',
  'no',
  'va',
  'zi',
  'por',
  'dan',
  'el',
  'ib',
  'ur',
  'sha',
  'qa',
  'bel',
  'dor',
  'fen',
  'gul',
];
const KINDS: EntityKind[] = ['person', 'place', 'organisation', 'event', 'group', 'topic'];

/**
 * Entities with made-up names, deterministic for a seed: "Korandel Mivasu" and, as an alias,
 * "Korandel Mivasu Teno". Names are unique and never English words, so they mark only where a
 * test writes them. Every tenth has a summary and a dated fact, like a real pack's entries.
 */
export function syntheticEntities(count: number, seed = 7, idPrefix = 'syn:e-'): Entity[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const word = () => {
    const length = 2 + Math.floor(random() * 3);
    let out = '';
    for (let i = 0; i < length; i++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    return out.charAt(0).toUpperCase() + out.slice(1);
  };
  const seen = new Set<string>();
  const entities: Entity[] = [];
  while (entities.length < count) {
    const name = `${word()} ${word()}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const i = entities.length;
    const entity: Entity = {
      id: `${idPrefix}${i}`,
      kind: KINDS[i % KINDS.length] as EntityKind,
      name,
      aliases: { en: [`${name} ${word()}`] },
      description: `Synthetic test entity number ${i}`,
      sources: [{ title: 'Synthetic test data' }],
    };
    if (i % 10 === 0) {
      entity.summary = `${name} exists only in Backstory's tests, to measure packs of any size.`;
      entity.facts = [{ label: 'Number', value: String(i), from: '2001' }];
    }
    entities.push(entity);
  }
  return entities;
}

/** A pack of synthetic entities in the published format (ids `idPrefix` and a number). */
export function syntheticPack(count: number, seed = 7, idPrefix = 'syn:e-'): KnowledgePack {
  return {
    format: 'backstory-pack',
    schemaVersion: 1,
    id: `test.synthetic-${count}`,
    name: `Synthetic pack of ${count.toLocaleString('en')} entities`,
    version: '1',
    description: 'Made-up names for measuring Backstory with large packs.',
    sources: [{ title: 'Synthetic test data', licence: 'CC0' }],
    entities: syntheticEntities(count, seed, idPrefix),
  };
}
