import type { KnowledgePack } from '../../utils/knowledge/schema';
import { aliasesOf, flagsOf, variantsOf, wordsOf } from '../../utils/match/alias-forms';
import { CandidateFlag } from '../../utils/match/matcher-data';

const HINTED =
  CandidateFlag.CaseSensitive | CandidateFlag.RequireContext | CandidateFlag.NeverAlone;

/**
 * Checks beyond the schema, over the whole merged pack: references that point nowhere, and names
 * that several entities answer to with nothing to tell them apart. An alias may be shared, but
 * then at least one side must carry a hint (case, context, never alone), a different priority,
 * or its popularity (the resolver takes the best known of namesakes only by a clear margin), or
 * every page naming one would be marked as the other.
 */
export function checkPack(pack: KnowledgePack): string[] {
  const ids = new Set(pack.entities.map((entity) => entity.id));
  const problems: string[] = [];
  const label = (entity: { id: string; name: string }) => `entity ${entity.id} (${entity.name})`;
  for (const entity of pack.entities) {
    for (const id of entity.related ?? []) {
      if (!ids.has(id)) problems.push(`${label(entity)}, field related: ${id} is not in the pack`);
    }
    entity.timeline?.forEach((entry, i) => {
      if (entry.event && !ids.has(entry.event)) {
        problems.push(
          `${label(entity)}, field timeline[${i}].event: ${entry.event} is not in the pack`,
        );
      }
    });
  }

  const byKey = new Map<
    string,
    { entity: (typeof pack.entities)[number]; text: string; hinted: boolean }[]
  >();
  for (const entity of pack.entities) {
    for (const alias of aliasesOf(entity)) {
      const hinted = (flagsOf(entity, alias) & HINTED) !== 0 || entity.popularity !== undefined;
      for (const variant of variantsOf(alias.text)) {
        const key = wordsOf(variant)
          .map((word) => word.folded)
          .join(' ');
        if (!key) continue;
        const list = byKey.get(key) ?? [];
        if (!list.some((item) => item.entity === entity))
          list.push({ entity, text: variant, hinted });
        byKey.set(key, list);
      }
    }
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const plain = list.filter((item) => !item.hinted);
    const priorities = new Set(plain.map((item) => item.entity.hints?.priority ?? 0));
    if (plain.length >= 2 && priorities.size < plain.length) {
      problems.push(
        `alias "${list[0]?.text}" is shared by ${plain.map((item) => label(item.entity)).join(', ')} with no disambiguation hint`,
      );
    }
  }
  return problems;
}
