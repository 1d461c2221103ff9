/**
 * Distances on the sphere, fast enough to run over every vertex of a few outlines per map:
 * points become unit vectors once, and comparing chords needs no trigonometry.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

const DEGREE = Math.PI / 180;

/** A [lon, lat] point in degrees as a unit vector. */
export function unitVector(lon: number, lat: number): [number, number, number] {
  const phi = lat * DEGREE;
  const lambda = lon * DEGREE;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/** Up to `limit` evenly spaced vertices of a ring, packed as unit vectors (x, y, z, x, …). */
export function packRing(ring: Position[], limit: number): Float64Array {
  const step = Math.max(1, Math.ceil(ring.length / limit));
  const packed = new Float64Array(Math.ceil(ring.length / step) * 3);
  for (let index = 0, out = 0; index < ring.length; index += step, out += 3) {
    const [lon = 0, lat = 0] = ring[index] ?? [];
    packed.set(unitVector(lon, lat), out);
  }
  return packed;
}

/** Smallest angle, in radians, between `point` (a unit vector) and any packed unit vector. */
export function minAngle(point: ArrayLike<number>, packed: Float64Array): number {
  const x = point[0] ?? 0;
  const y = point[1] ?? 0;
  const z = point[2] ?? 0;
  let best = Number.POSITIVE_INFINITY;
  for (let index = 0; index < packed.length; index += 3) {
    const dx = x - (packed[index] ?? 0);
    const dy = y - (packed[index + 1] ?? 0);
    const dz = z - (packed[index + 2] ?? 0);
    best = Math.min(best, dx * dx + dy * dy + dz * dz);
  }
  return chordToAngle(Math.sqrt(best));
}

/**
 * Angle, in radians, from a [lon, lat] point to the nearest vertex of an outline. Natural Earth
 * 1:50m has a vertex every few kilometres, so the nearest vertex stands in for the nearest edge.
 */
export function angleToOutline(point: [number, number], geometry: Polygon | MultiPolygon): number {
  const [x, y, z] = unitVector(point[0], point[1]);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = Number.POSITIVE_INFINITY;
  for (const polygon of polygons) {
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      const [vx, vy, vz] = unitVector(lon, lat);
      best = Math.min(best, (x - vx) ** 2 + (y - vy) ** 2 + (z - vz) ** 2);
    }
  }
  return chordToAngle(Math.sqrt(best));
}

/** Radians to kilometres on a mean-radius Earth. */
export function angleToKm(angle: number): number {
  return angle * 6371;
}

function chordToAngle(chord: number): number {
  return Number.isFinite(chord) ? 2 * Math.asin(Math.min(1, chord / 2)) : chord;
}
