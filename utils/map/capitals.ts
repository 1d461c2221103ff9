import type { CapitalPoint } from '../knowledge/knowledge-store';
import type { Entity } from '../knowledge/schema';

/** The fact label that marks a country entity in the breadth data. */
const COUNTRY_FACT = 'ISO 3166-1 code';

/** Is this place a country (the breadth data gives countries their ISO code as a fact)? */
export function isCountry(entity: Entity): boolean {
  return entity.facts?.some((fact) => fact.label === COUNTRY_FACT) ?? false;
}

/**
 * Each country's capital and where it is, by ISO code: from the country's current "Capital" fact
 * and the city entity of that name in that country. Worked out once, when the matcher is
 * compiled, so a locator map never needs the whole pack.
 */
export function capitalsOf(entities: readonly Entity[]): Record<string, CapitalPoint> {
  const places = new Map<string, Entity>();
  for (const entity of entities) {
    if (entity.kind === 'place' && entity.country && entity.coordinates && !isCountry(entity))
      places.set(`${entity.country}|${entity.name}`, entity);
  }
  const capitals: Record<string, CapitalPoint> = {};
  for (const entity of entities) {
    if (!entity.country || !isCountry(entity)) continue;
    const name = entity.facts?.find((fact) => fact.label === 'Capital' && !fact.to)?.value;
    const city = name ? places.get(`${entity.country}|${name}`) : undefined;
    if (city?.coordinates) capitals[entity.country] = { ...city.coordinates, name: city.name };
  }
  return capitals;
}
