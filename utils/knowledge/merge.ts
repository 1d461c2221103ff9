import type { Alias, Entity, KnowledgePack } from './schema';

/**
 * Merge packs in order of rising precedence: the default pack first, then subscriptions, then
 * the reader's own entities. An entity id met again is merged into the earlier one: the later
 * pack's fields win, aliases and timelines are united (no duplicates), so a reader can add a
 * nickname to a default entity without copying it whole.
 */
export function mergePacks(packs: readonly KnowledgePack[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      const earlier = byId.get(entity.id);
      byId.set(entity.id, earlier ? mergeEntity(earlier, entity) : entity);
    }
  }
  return [...byId.values()];
}

/** One entity refined by a later pack's record of it: later fields win, aliases and timelines are united. */
export function mergeEntity(base: Entity, over: Entity): Entity {
  const aliases: Record<string, Alias[]> = { ...base.aliases };
  for (const [language, list] of Object.entries(over.aliases)) {
    const seen = new Set((aliases[language] ?? []).map(aliasText));
    aliases[language] = [
      ...(aliases[language] ?? []),
      ...list.filter((alias) => !seen.has(aliasText(alias))),
    ];
  }
  const timeline = [...(base.timeline ?? [])];
  for (const entry of over.timeline ?? []) {
    if (!timeline.some((other) => other.date === entry.date && other.title === entry.title))
      timeline.push(entry);
  }
  return { ...base, ...over, aliases, timeline };
}

function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}
