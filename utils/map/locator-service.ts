import type { CapitalPoint } from '../knowledge/knowledge-store';
import type { Entity } from '../knowledge/schema';
import { isCountry } from './capitals';
import { buildLocatorMap, type LocatorInput, type LocatorMap } from './locator';
import type { WorldAtlas } from './world';

/** What the locator service needs: the capitals of the current packs and a way to load the atlas (once). */
export interface LocatorDeps {
  capitals(): Promise<Record<string, CapitalPoint>>;
  loadAtlas(): Promise<WorldAtlas>;
}

/**
 * Locator maps for place cards, built in the background: the map code and its ~750 kB of
 * outlines load there, on the first place card, and the card frame only receives the finished
 * paths.
 */
export class LocatorService {
  private readonly cache = new Map<string, LocatorMap | null>();

  constructor(private readonly deps: LocatorDeps) {}

  /** The map for a place entity, or null for entities that are not places with coordinates. */
  async mapFor(entity: Entity): Promise<LocatorMap | null> {
    if (entity.kind !== 'place' || !entity.coordinates || !entity.country) return null;
    const cached = this.cache.get(entity.id);
    if (cached !== undefined) return cached;
    const [atlas, capitals] = await Promise.all([this.deps.loadAtlas(), this.deps.capitals()]);
    const input: LocatorInput = {
      lat: entity.coordinates.lat,
      lon: entity.coordinates.lon,
      country: entity.country,
      name: entity.name,
      isCountry: isCountry(entity),
    };
    const capital = capitals[entity.country];
    if (capital) input.capital = capital;
    const map = buildLocatorMap(input, atlas);
    if (this.cache.size > 200) this.cache.clear();
    this.cache.set(entity.id, map);
    return map;
  }

  /** Forget what was built from the old packs. */
  invalidate(): void {
    this.cache.clear();
  }
}
