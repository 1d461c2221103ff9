/**
 * SVG path data for outlines at map size. A 1:50m outline of Russia has ~7,400 vertices and
 * hundreds of islets, most of them smaller than a pixel at 320 px wide; dropping those keeps the
 * card's DOM small. The same pass measures what labelling needs, so no outline is projected twice.
 */
import { type GeoPermissibleObjects, type GeoProjection, type GeoStream, geoPath } from 'd3-geo';

/** Vertices closer than this (in px) to the last one kept are dropped. */
const TOLERANCE = 0.6;
/** Rings whose box is smaller than this (in px) both ways are dropped: islets, not islands. */
const MIN_RING = 1.2;

/** An outline as drawn. */
export interface Outline {
  /** SVG path data, in px, one decimal. */
  d: string;
  /** Area in view, px². */
  area: number;
  /** Centroid of the largest ring in view: where a name can go (Malaysia's is on the peninsula, not at sea). */
  anchor: [number, number];
}

/** Draws GeoJSON objects with `projection`; null when none of the object is in view. */
export type OutlineMaker = (object: GeoPermissibleObjects) => Outline | null;

interface Tally {
  area: number;
  largest: number;
  anchor: [number, number];
}

/** An {@link OutlineMaker} for `projection`, thinned to the pixel. */
export function outlineMaker(projection: GeoProjection): OutlineMaker {
  let tally: Tally = { area: 0, largest: 0, anchor: [0, 0] };
  const thinned = { stream: (output: GeoStream) => projection.stream(thinRings(output, tally)) };
  const path = geoPath(thinned).digits(1);
  return (object) => {
    tally = { area: 0, largest: 0, anchor: [0, 0] };
    const d = path(object);
    return d ? { d, area: Math.abs(tally.area), anchor: tally.anchor } : null;
  };
}

/** Sits after projection and clipping, so it sees pixels: buffers each ring, then thins it. */
function thinRings(output: GeoStream, tally: Tally): GeoStream {
  let ring: number[] = [];
  let inPolygon = false;
  let inLine = false;
  return {
    point(x, y) {
      if (inPolygon && inLine) ring.push(x, y);
      else output.point(x, y);
    },
    lineStart() {
      if (!inPolygon) return output.lineStart();
      inLine = true;
      ring = [];
    },
    lineEnd() {
      if (!inPolygon) return output.lineEnd();
      inLine = false;
      emitRing(ring, output, tally);
    },
    polygonStart() {
      inPolygon = true;
      output.polygonStart();
    },
    polygonEnd() {
      inPolygon = false;
      output.polygonEnd();
    },
    sphere: () => output.sphere?.(),
  };
}

function emitRing(ring: number[], output: GeoStream, tally: Tally): void {
  const kept = thin(ring);
  if (kept.length < 6) return;
  // Shoelace area and centroid; holes wind the other way, so they subtract from the sum.
  let twiceArea = 0;
  let sumX = 0;
  let sumY = 0;
  for (let index = 0; index < kept.length; index += 2) {
    const x0 = kept[index] ?? 0;
    const y0 = kept[index + 1] ?? 0;
    const x1 = kept[(index + 2) % kept.length] ?? 0;
    const y1 = kept[(index + 3) % kept.length] ?? 0;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    sumX += (x0 + x1) * cross;
    sumY += (y0 + y1) * cross;
  }
  tally.area += twiceArea / 2;
  if (Math.abs(twiceArea / 2) > tally.largest) {
    tally.largest = Math.abs(twiceArea / 2);
    tally.anchor = [sumX / (3 * twiceArea), sumY / (3 * twiceArea)];
  }
  output.lineStart();
  for (let index = 0; index < kept.length; index += 2) {
    output.point(kept[index] ?? 0, kept[index + 1] ?? 0);
  }
  output.lineEnd();
}

/** The ring without vertices within a pixel of the last kept one; empty when the ring is an islet. */
function thin(ring: number[]): number[] {
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  const kept: number[] = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (let index = 0; index < ring.length; index += 2) {
    const x = ring[index] ?? 0;
    const y = ring[index + 1] ?? 0;
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
    if (Math.abs(x - lastX) < TOLERANCE && Math.abs(y - lastY) < TOLERANCE) continue;
    lastX = x;
    lastY = y;
    kept.push(x, y);
  }
  return right - left < MIN_RING && bottom - top < MIN_RING ? [] : kept;
}
