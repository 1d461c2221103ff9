import type { Alias, Entity, EntityKind, Hints } from '@/utils/knowledge/schema';

/** A minimal valid entity for tests: only what matching needs, plus a source. */
export function entity(
  id: string,
  kind: EntityKind,
  name: string,
  aliases: Record<string, Alias[]> = {},
  extra: { hints?: Hints; related?: string[] } = {},
): Entity {
  return {
    id,
    kind,
    name,
    aliases,
    description: `${name} (test entity)`,
    sources: [{ title: 'test' }],
    ...extra,
  };
}

/** A small pack that exercises every matching rule. */
export const TEST_ENTITIES: Entity[] = [
  entity(
    'Q858',
    'place',
    'Syria',
    { en: ['Syria'], ar: ['سوريا', 'سورية'] },
    { hints: { context: ['Syrian', 'Damascus'] } },
  ),
  entity(
    'Q238217',
    'place',
    'Daraa',
    { en: ['Daraa', 'Deraa', "Dara'a"], ar: ['درعا'] },
    { related: ['Q858'] },
  ),
  entity('bs:daraa-al-balad', 'place', 'Daraa al-Balad', { en: ['Daraa al-Balad'] }),
  entity('Q44329', 'person', 'Bashar al-Assad', {
    en: ['Bashar al-Assad', { text: 'Assad', neverAlone: true }],
    ar: ['بشار الأسد'],
  }),
  entity('bs:assad-regime', 'organisation', 'Syrian government (Assad regime)', {
    en: ['Assad regime', 'Syrian regime', { text: 'regime', neverAlone: true }],
  }),
  entity('Q1139', 'organisation', 'SANA', {
    en: [{ text: 'SANA', caseSensitive: true }, 'Syrian Arab News Agency'],
  }),
  entity('bs:russian-mediation', 'topic', 'Russian mediation in southern Syria', {
    en: ['Russian mediators', 'Russian mediation'],
  }),
  entity('bs:nasib-crossing', 'place', 'Nasib–Jaber border crossing', {
    en: ['Nasib border crossing', 'Nasib crossing', 'Nasib'],
  }),
  entity(
    'Q810',
    'place',
    'Jordan',
    { en: [{ text: 'Jordan', requireContext: true }], ar: ['الأردن'] },
    { hints: { context: ['Amman', 'Jordanian', 'Hashemite', 'border'] }, related: ['Q858'] },
  ),
  entity(
    'bs:jordan-river',
    'place',
    'Jordan River',
    { en: ['Jordan River', { text: 'Jordan', requireContext: true }] },
    { hints: { context: ['river', 'Galilee'] } },
  ),
  entity(
    'Q6441',
    'place',
    'Nice',
    { en: [{ text: 'Nice', caseSensitive: true, requireContext: true }] },
    { hints: { context: ['France', 'French', 'Riviera'] } },
  ),
  entity('Q1065', 'organisation', 'United Nations', {
    en: ['United Nations', { text: 'UN', caseSensitive: true }, 'U.N.'],
  }),
  entity('bs:4th-division', 'group', '4th Armoured Division', {
    en: ['4th Armoured Division', '4th Armored Division', 'Fourth Division'],
  }),
];
