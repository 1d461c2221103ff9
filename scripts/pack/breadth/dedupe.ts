/**
 * Putting the generated sources together without duplicates or unhinted namesakes:
 * - {@link mergeById}: one entity per id across generated sources (a leader who also sat in
 *   Congress, a city both sources know); the first source's name, kind and description win,
 *   aliases, facts and sources are united.
 * - {@link dropCuratedNamesakes}: a generated person or organisation named exactly like a curated
 *   one of the same kind is the same one under another id (curated people often carry `bs:` ids):
 *   curated entries win, the generated one goes.
 * - {@link dropShadowedTitles}: a popular-Wikipedia title that another entity already answers to
 *   is that entity; the title goes.
 * - {@link guardSharedNames}: a name several entities answer to stays plain on the preferred one
 *   only; every other generated one needs a context cue for it (what `check.ts` demands).
 */
import type { Alias, Entity } from '../../../utils/knowledge/schema';
import { aliasesOf, flagsOf, variantsOf, wordsOf } from '../../../utils/match/alias-forms';
import { CandidateFlag } from '../../../utils/match/matcher-data';
import { aliasText } from './aliases';

const HINTED =
  CandidateFlag.CaseSensitive | CandidateFlag.RequireContext | CandidateFlag.NeverAlone;

/** The matcher's key for an alias text: its folded words. */
function keysOf(text: string): string[] {
  return variantsOf(text)
    .map((variant) =>
      wordsOf(variant)
        .map((word) => word.folded)
        .join(' '),
    )
    .filter(Boolean);
}

function unite<T>(
  a: T[] | undefined,
  b: T[] | undefined,
  key: (item: T) => string,
  max: number,
): T[] {
  const out = [...(a ?? [])];
  const seen = new Set(out.map(key));
  for (const item of b ?? []) {
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    out.push(item);
  }
  return out.slice(0, max);
}

/** One entity per id; earlier lists win the single-valued fields. */
export function mergeById(lists: Entity[][]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const list of lists) {
    for (const entity of list) {
      const earlier = byId.get(entity.id);
      if (!earlier) {
        byId.set(entity.id, entity);
        continue;
      }
      const aliases: Record<string, Alias[]> = { ...earlier.aliases };
      for (const [lang, more] of Object.entries(entity.aliases)) {
        aliases[lang] = unite(aliases[lang], more, (alias) => aliasText(alias).toLowerCase(), 200);
      }
      byId.set(entity.id, {
        ...entity,
        ...earlier,
        aliases,
        facts: unite(earlier.facts, entity.facts, (f) => `${f.label}|${f.value}|${f.from}`, 40),
        related: unite(earlier.related, entity.related, String, 50),
        sources: unite(earlier.sources, entity.sources, (s) => `${s.title}|${s.url}`, 20),
      });
    }
  }
  return [...byId.values()];
}

/**
 * Drop generated people and organisations that a curated entity of the same kind already names,
 * and generated entities that `sameAs` (curated id → Wikidata id) says a curated one stands for.
 */
export function dropCuratedNamesakes(
  generated: Entity[],
  curated: Entity[],
  sameAs: Record<string, string> = {},
): Entity[] {
  const curatedIds = new Set(curated.map((entity) => entity.id));
  const covered = new Set(
    Object.entries(sameAs)
      .filter(([curatedId]) => curatedIds.has(curatedId))
      .map(([, qid]) => qid),
  );
  const names = new Set<string>();
  for (const entity of curated) {
    if (entity.kind !== 'person' && entity.kind !== 'organisation') continue;
    for (const { text, rules } of aliasesOf(entity)) {
      // One-word aliases ("Putin") are too loose to equate two entities; display names are not.
      // Nor is a name the curated entity shares and takes only in context ("Democratic Party"
      // of the United States is not every Democratic Party).
      if (rules?.requireContext && text !== entity.name) continue;
      if (text === entity.name || wordsOf(text).length >= 2)
        for (const key of keysOf(text)) names.add(`${entity.kind}:${key}`);
    }
  }
  return generated.filter(
    (entity) =>
      !covered.has(entity.id) &&
      (curatedIds.has(entity.id) ||
        !keysOf(entity.name).some((key) => names.has(`${entity.kind}:${key}`))),
  );
}

/** Drop title entities (`bs:wp-…`) whose name another entity already answers to. */
export function dropShadowedTitles(
  entities: Entity[],
  isTitle: (entity: Entity) => boolean,
): Entity[] {
  const taken = new Set<string>();
  for (const entity of entities) {
    if (isTitle(entity)) continue;
    for (const { text } of aliasesOf(entity)) for (const key of keysOf(text)) taken.add(key);
  }
  return entities.filter(
    (entity) => !isTitle(entity) || !keysOf(entity.name).some((key) => taken.has(key)),
  );
}

function population(entity: Entity): number {
  const figure = entity.facts?.find((fact) => fact.label === 'Population')?.value ?? '0';
  return Number(figure.split(' ')[0]?.replace(/,/g, '')) || 0;
}

/**
 * Guard names shared by several entities with nothing to tell them apart: the preferred entity
 * (curated first, then higher priority, then more people, then the `preferred` order) keeps the
 * name plain, every other generated one gets `requireContext` on it. Mutates the entities;
 * returns how many aliases were guarded.
 */
export function guardSharedNames(
  entities: Entity[],
  isCurated: (entity: Entity) => boolean,
  preferred: (entity: Entity) => number = () => 0,
): number {
  const byKey = new Map<string, { entity: Entity; text: string }[]>();
  for (const entity of entities) {
    for (const alias of aliasesOf(entity)) {
      if ((flagsOf(entity, alias) & HINTED) !== 0) continue;
      for (const key of keysOf(alias.text)) {
        const list = byKey.get(key) ?? [];
        if (!list.some((item) => item.entity === entity)) list.push({ entity, text: alias.text });
        byKey.set(key, list);
      }
    }
  }
  let guarded = 0;
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const priorities = new Set(list.map((item) => item.entity.hints?.priority ?? 0));
    if (priorities.size === list.length) continue;
    const ranked = [...list].sort(
      (a, b) =>
        Number(isCurated(b.entity)) - Number(isCurated(a.entity)) ||
        (b.entity.hints?.priority ?? 0) - (a.entity.hints?.priority ?? 0) ||
        population(b.entity) - population(a.entity) ||
        preferred(b.entity) - preferred(a.entity) ||
        a.entity.id.localeCompare(b.entity.id),
    );
    for (const { entity, text } of ranked.slice(1)) {
      if (isCurated(entity)) continue;
      requireContextFor(entity, text);
      guarded++;
    }
  }
  return guarded;
}

/** Set `requireContext` on an entity's alias spelled `text` (adding the display name as one). */
function requireContextFor(entity: Entity, text: string): void {
  let found = false;
  for (const [lang, list] of Object.entries(entity.aliases)) {
    entity.aliases[lang] = list.map((alias) => {
      if (aliasText(alias) !== text) return alias;
      found = true;
      return typeof alias === 'string'
        ? { text, requireContext: true }
        : { ...alias, requireContext: true };
    });
  }
  if (!found) entity.aliases.en = [{ text, requireContext: true }, ...(entity.aliases.en ?? [])];
}

/**
 * Drop minor places named like something that matters more: a town of 50,000 called
 * "Washington" in England would otherwise take every "Washington" on a page that mentions
 * Britain. `isMinor` says which entities may be dropped; the others' names win.
 */
export function dropMinorNamesakes(
  entities: Entity[],
  isMinor: (entity: Entity) => boolean,
): Entity[] {
  const major = new Set<string>();
  for (const entity of entities) {
    if (isMinor(entity)) continue;
    for (const { text } of aliasesOf(entity)) for (const key of keysOf(text)) major.add(key);
  }
  return entities.filter(
    (entity) => !isMinor(entity) || !keysOf(entity.name).some((key) => major.has(key)),
  );
}
