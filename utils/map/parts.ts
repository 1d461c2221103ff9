/**
 * Which pieces of a country a locator map frames. Framing every piece would turn the map of
 * France into a map of the world (French Guiana, Réunion), so the map frames the piece the place
 * is on and whatever lies within a short sea crossing of it.
 */
import { geoArea, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import type { Polygon } from 'geojson';
import { minAngle, packRing, unitVector } from './sphere';
import type { AtlasCountry } from './world';

/** One connected piece of a country (mainland, island, exclave) with what framing needs. */
export interface CountryPart {
  polygon: Polygon;
  /** Spherical centroid, [lon, lat]. */
  centroid: [number, number];
  /** Angular radius in radians: the farthest outline vertex from the centroid. */
  radius: number;
  /** Spherical area in steradians. */
  area: number;
  /** Up to {@link MAX_SAMPLES} outline vertices as unit vectors, for fast gap estimates. */
  samples: Float64Array;
}

/** The pieces to frame, and whether they are away from the country's largest piece. */
export interface Focus {
  parts: CountryPart[];
  outlying: boolean;
}

const DEGREE = Math.PI / 180;
/** Pieces this close (≈330 km) frame together: Corsica with France, not Svalbard with Norway. */
const MAX_GAP = 3 * DEGREE;
/** Only the largest pieces can widen the frame; specks of islands never should. */
const MAX_PARTS = 40;
const MAX_SAMPLES = 120;

const cache = new WeakMap<AtlasCountry, CountryPart[]>();

/** A country's pieces, largest first (computed once per country, then cached). */
export function countryParts(country: AtlasCountry): CountryPart[] {
  let parts = cache.get(country);
  if (!parts) {
    const geometry = country.feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    parts = polygons.map((coordinates) => partOf({ type: 'Polygon', coordinates }));
    parts.sort((a, b) => b.area - a.area);
    cache.set(country, parts);
  }
  return parts;
}

/**
 * The pieces to frame: the one holding `place` (or nearest to it; the largest when there is no
 * place), then every sizeable piece within a short crossing of those already chosen.
 */
export function focusParts(country: AtlasCountry, place?: [number, number]): Focus {
  const all = countryParts(country);
  const largest = all[0];
  if (!largest) return { parts: [], outlying: false };
  const anchor = place ? anchorFor(all, place) : largest;
  const chosen = [anchor];
  const waiting = all.slice(0, MAX_PARTS).filter((part) => part !== anchor);
  for (let index = 0; index < chosen.length; index++) {
    const from = chosen[index] as CountryPart;
    for (let other = waiting.length - 1; other >= 0; other--) {
      const part = waiting[other] as CountryPart;
      if (gapBetween(from, part) <= MAX_GAP) {
        chosen.push(part);
        waiting.splice(other, 1);
      }
    }
  }
  return { parts: chosen, outlying: !chosen.includes(largest) };
}

function anchorFor(parts: CountryPart[], place: [number, number]): CountryPart {
  const containing = parts.find((part) => geoContains(part.polygon, place));
  if (containing) return containing;
  // Coastal towns often sit just outside a 1:50m coastline: take the piece whose edge is nearest.
  let best = parts[0] as CountryPart;
  let bestGap = Number.POSITIVE_INFINITY;
  const point = unitVector(place[0], place[1]);
  for (const part of parts) {
    if (geoDistance(part.centroid, place) - part.radius > bestGap) continue;
    const gap = minAngle(point, part.samples);
    if (gap < bestGap) {
      bestGap = gap;
      best = part;
    }
  }
  return best;
}

/** Estimated shortest distance between two pieces' outlines, in radians. */
function gapBetween(a: CountryPart, b: CountryPart): number {
  const lowerBound = geoDistance(a.centroid, b.centroid) - a.radius - b.radius;
  if (lowerBound > MAX_GAP) return lowerBound;
  let best = Number.POSITIVE_INFINITY;
  for (let index = 0; index < b.samples.length; index += 3) {
    const point = b.samples.subarray(index, index + 3);
    best = Math.min(best, minAngle(point, a.samples));
  }
  return best;
}

function partOf(polygon: Polygon): CountryPart {
  const centroid = geoCentroid(polygon);
  const ring = polygon.coordinates[0] ?? [];
  let radius = 0;
  for (const point of ring) {
    radius = Math.max(radius, geoDistance(centroid, point as [number, number]));
  }
  return {
    polygon,
    centroid,
    radius,
    area: geoArea(polygon),
    samples: packRing(ring, MAX_SAMPLES),
  };
}
