/**
 * The sources an item came from, looked up by id (`KbItem.sources`), and how far each is trusted.
 * The registry is the adapters' list (`sources/registry.ts`) plus Wikidata's dump itself.
 */
import { WIKIDATA_SOURCE } from './dump';
import type { KbItem, KbSource } from './item';

/** Sources by id. */
export type SourceRegistry = ReadonlyMap<string, KbSource>;

/** A registry of the given sources, with the dump's own source added when missing. */
export function sourceRegistry(sources: Iterable<KbSource> = []): SourceRegistry {
  const registry = new Map<string, KbSource>([[WIKIDATA_SOURCE.id, WIKIDATA_SOURCE]]);
  for (const source of sources) registry.set(source.id, source);
  return registry;
}

/** A source the registry does not know is trusted least. */
const UNKNOWN_TRUST = 1;

/** The trust of a source id. */
export function sourceTrust(id: string, registry: SourceRegistry): number {
  return registry.get(id)?.trust ?? UNKNOWN_TRUST;
}

/** An item's trust: its most trusted source's. */
export function itemTrust(item: KbItem, registry: SourceRegistry): number {
  let best = 0;
  for (const id of item.sources) best = Math.max(best, sourceTrust(id, registry));
  return best;
}

/**
 * Whose labels win when two items are merged: the more trusted; on equal trust, a hand-made or
 * adapted source over the dump (a curated display name such as "Turkey" is chosen for news, the
 * dump's "Türkiye" is Wikidata's current label).
 */
export function labelRank(item: KbItem, registry: SourceRegistry): number {
  let best = 0;
  for (const id of item.sources) {
    const rank = sourceTrust(id, registry) * 2 + (id === WIKIDATA_SOURCE.id ? 0 : 1);
    best = Math.max(best, rank);
  }
  return best;
}
