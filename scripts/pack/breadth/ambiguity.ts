/**
 * Names shared by several entities ("Tripoli" in Libya and in Lebanon, "San José" in Costa Rica
 * and in California, Arabic "عمان" for Oman and for Amman). The rule the pack follows: an alias
 * shared by several entities carries a disambiguation hint on at least one of them. The generator
 * goes further: the preferred entity keeps the alias as is, every other one only matches it with
 * context.
 */
import type { Alias, Entity } from '../../../utils/knowledge/schema';
import { aliasFlags, aliasText, makeAlias } from './aliases';
import { foldText } from './words';

/** Folded alias → the entities (ids) that carry it. */
export function sharedAliases(entities: Entity[]): Map<string, Entity[]> {
  const index = new Map<string, Entity[]>();
  for (const entity of entities) {
    const seen = new Set<string>();
    for (const alias of allAliases(entity)) {
      const folded = foldText(aliasText(alias));
      if (seen.has(folded)) continue;
      seen.add(folded);
      const list = index.get(folded) ?? [];
      list.push(entity);
      index.set(folded, list);
    }
  }
  for (const [folded, list] of index) if (list.length < 2) index.delete(folded);
  return index;
}

/** Every alias of an entity, its display name included (the matcher matches it too). */
export function allAliases(entity: Entity): Alias[] {
  return [entity.name, ...Object.values(entity.aliases).flat()];
}

function population(entity: Entity): number {
  const figure = entity.facts?.find((fact) => fact.label === 'Population')?.value ?? '0';
  return Number(figure.split(' ')[0]?.replace(/,/g, '')) || 0;
}

/** The entity a shared alias goes to when nothing else decides: priority, then population. */
function rank(a: Entity, b: Entity): number {
  return (
    (b.hints?.priority ?? 0) - (a.hints?.priority ?? 0) ||
    population(b) - population(a) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Make shared aliases safe: for each alias shared by several entities, every entity but the
 * preferred one gets `requireContext` on that alias (its own display name included, added as an
 * alias so the flag has a place to live). Mutates the entities.
 */
export function resolveSharedAliases(entities: Entity[]): number {
  let guarded = 0;
  for (const [folded, list] of sharedAliases(entities)) {
    const [, ...others] = [...list].sort(rank);
    for (const entity of others) {
      if (guardAlias(entity, folded)) guarded++;
    }
  }
  return guarded;
}

function guardAlias(entity: Entity, folded: string): boolean {
  let changed = false;
  let found = false;
  for (const [lang, list] of Object.entries(entity.aliases)) {
    entity.aliases[lang] = list.map((alias) => {
      if (foldText(aliasText(alias)) !== folded) return alias;
      found = true;
      const flags = aliasFlags(alias);
      if (flags.requireContext || flags.neverAlone) return alias;
      changed = true;
      return makeAlias(aliasText(alias), { ...flags, requireContext: true });
    });
  }
  if (!found && foldText(entity.name) === folded) {
    // Only the display name carries it: repeat it as a guarded English alias.
    entity.aliases.en = [{ text: entity.name, requireContext: true }, ...(entity.aliases.en ?? [])];
    changed = true;
  }
  return changed;
}

/** Whether an entity gives the matcher something to choose with. */
function hasHint(entity: Entity, folded: string): boolean {
  if ((entity.hints?.context?.length ?? 0) > 0 || entity.hints?.priority !== undefined) return true;
  return Object.values(entity.aliases)
    .flat()
    .some((alias) => {
      if (foldText(aliasText(alias)) !== folded) return false;
      const flags = aliasFlags(alias);
      return flags.requireContext === true || flags.neverAlone === true;
    });
}

/**
 * Problems with shared aliases: an alias shared by several entities none of which has a hint
 * (context words, a priority, or a context-only or never-alone flag on that alias).
 */
export function checkSharedAliases(entities: Entity[]): string[] {
  const problems: string[] = [];
  for (const [folded, list] of sharedAliases(entities)) {
    if (list.some((entity) => hasHint(entity, folded))) continue;
    problems.push(
      `alias "${folded}" is shared by ${list.map((entity) => `${entity.id} (${entity.name})`).join(', ')} and none of them has a hint`,
    );
  }
  return problems;
}
