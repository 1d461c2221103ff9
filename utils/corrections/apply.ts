import type { Correction } from './correction';
import { foldName } from './correction';

/**
 * A mark after the reader's corrections: the entity it names (the resolver's, or the one the
 * reader chose), or null when the reader asked for the name not to be marked here. A chosen
 * entity no longer in the packs (`indexOf` gives -1) leaves the resolver's choice: the options
 * page lists that correction as stale.
 * @param byName the corrections that hold on the page's site, by folded name
 * @param indexOf the matcher's index of an entity id, -1 when no pack has it
 */
export function correctMark(
  text: string,
  start: number,
  end: number,
  entity: number,
  byName: ReadonlyMap<string, Correction>,
  indexOf: (id: string) => number,
): number | null {
  if (byName.size === 0) return entity;
  const correction = byName.get(foldName(text.slice(start, end)));
  if (!correction) return entity;
  if (correction.action !== 'choose' || !correction.entity) return null;
  const chosen = indexOf(correction.entity);
  return chosen < 0 ? entity : chosen;
}
