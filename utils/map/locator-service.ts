import type { Entity } from '../knowledge/schema';
import { buildLocatorMap, type LocatorInput, type LocatorMap } from './locator';
import type { WorldAtlas } from './world';

/** What the locator service needs: the merged entities and a way to load the atlas (once). */
export interface LocatorDeps {
  entities(): Promise<readonly Entity[]>;
  loadAtlas(): Promise<WorldAtlas>;
}

/** The fact label that marks a country entity in the breadth data. */
const COUNTRY_FACT = 'ISO 3166-1 code';

/**
 * Locator maps for place cards, built in the background: the map code and its ~750 kB of
 * outlines load there, on the first place card, and the content script only receives the
 * finished paths. Capitals are found from each country's "Capital" fact.
 */
export class LocatorService {
  private capitals: Promise<Map<string, { lat: number; lon: number; name: string }>> | null = null;
  private readonly cache = new Map<string, LocatorMap | null>();

  constructor(private readonly deps: LocatorDeps) {}

  /** The map for a place entity, or null for entities that are not places with coordinates. */
  async mapFor(entity: Entity): Promise<LocatorMap | null> {
    if (entity.kind !== 'place' || !entity.coordinates || !entity.country) return null;
    const cached = this.cache.get(entity.id);
    if (cached !== undefined) return cached;
    const [atlas, capitals] = await Promise.all([this.deps.loadAtlas(), this.capitalsByCountry()]);
    const input: LocatorInput = {
      lat: entity.coordinates.lat,
      lon: entity.coordinates.lon,
      country: entity.country,
      name: entity.name,
      isCountry: isCountry(entity),
    };
    const capital = capitals.get(entity.country);
    if (capital) input.capital = capital;
    const map = buildLocatorMap(input, atlas);
    if (this.cache.size > 200) this.cache.clear();
    this.cache.set(entity.id, map);
    return map;
  }

  /** Forget what was built from the old packs. */
  invalidate(): void {
    this.capitals = null;
    this.cache.clear();
  }

  private capitalsByCountry() {
    this.capitals ??= this.deps.entities().then((entities) => {
      const places = new Map<string, Entity>();
      for (const entity of entities) {
        if (entity.kind === 'place' && entity.country && entity.coordinates && !isCountry(entity)) {
          places.set(`${entity.country}|${entity.name}`, entity);
        }
      }
      const capitals = new Map<string, { lat: number; lon: number; name: string }>();
      for (const entity of entities) {
        if (!entity.country || !isCountry(entity)) continue;
        const name = entity.facts?.find((fact) => fact.label === 'Capital' && !fact.to)?.value;
        const city = name ? places.get(`${entity.country}|${name}`) : undefined;
        if (city?.coordinates)
          capitals.set(entity.country, { ...city.coordinates, name: city.name });
      }
      return capitals;
    });
    return this.capitals;
  }
}

function isCountry(entity: Entity): boolean {
  return entity.facts?.some((fact) => fact.label === COUNTRY_FACT) ?? false;
}
