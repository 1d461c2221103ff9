import type { Entity } from '../knowledge/schema';
import type { NameToAsk } from './discovery-page';

/**
 * Which of a page's names live discovery asks about, and in what order: never the reader's own
 * entities' names, and the names most worth a request first.
 */

/** Names as compared: lower case, no diacritics, single spaces. */
const fold = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The reader's own entities' names and aliases, folded as {@link LiveDiscovery} compares them. */
export function ownNames(entities: readonly Entity[]): Set<string> {
  const names = new Set<string>();
  for (const entity of entities) {
    names.add(fold(entity.name));
    for (const list of Object.values(entity.aliases))
      for (const alias of list ?? [])
        names.add(fold(typeof alias === 'string' ? alias : alias.text));
  }
  return names;
}

/** Is `name` one of the reader's own entities' names, or holds one? */
export function isOwn(name: string, own: ReadonlySet<string>): boolean {
  const folded = fold(name);
  if (own.has(folded)) return true;
  for (const mine of own) if (` ${folded} `.includes(` ${mine} `)) return true;
  return false;
}

/** Names in the order they are worth a request: longer names first, then the most used, then the first met. */
export function rank(names: readonly NameToAsk[]): NameToAsk[] {
  return [...names].sort(
    (a, b) => Number(b.words > 1) - Number(a.words > 1) || b.count - a.count || a.first - b.first,
  );
}
