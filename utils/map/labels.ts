/**
 * Where to name a neighbour or two on the map: in the middle of its largest piece in view, or
 * a little off it, only where the name sits on that country and clear of the place, the capital
 * and the other name.
 */
import { type GeoProjection, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Size } from './frame';

/** A neighbour that might be labelled, most relevant first. */
export interface LabelCandidate {
  name: string;
  feature: Feature<Polygon | MultiPolygon>;
  /** Projected area in view, px². */
  area: number;
  /** Projected centroid of its largest piece in view. */
  anchor: [number, number];
}

/** Label font size in px, as styled by `LOCATOR_CSS`; names are estimated at 0.6 em a letter. */
export const LABEL_FONT_SIZE = 10;
const LETTER_WIDTH = 0.6 * LABEL_FONT_SIZE;
/** A neighbour needs this share of the frame in view to carry a name. */
const MIN_AREA_SHARE = 0.025;
/** Space kept clear around the place and capital symbols, px. */
const SYMBOL_CLEARANCE = 7;
/** Where to try the name, relative to the anchor, when the anchor itself will not do. */
const NUDGES: readonly [number, number][] = [
  [0, 0],
  [0, -18],
  [0, 18],
  [-36, 0],
  [36, 0],
  [0, -36],
  [0, 36],
];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Label points (text centre, baseline-ish middle) for up to `limit` candidates, by index into
 * `candidates`. `avoid` are projected symbols the names must not cover.
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  avoid: readonly [number, number][],
  projection: GeoProjection,
  size: Size,
  limit = 2,
): Map<number, [number, number]> {
  const chosen = new Map<number, [number, number]>();
  const taken: Box[] = avoid.map(([x, y]) => ({
    left: x - SYMBOL_CLEARANCE,
    right: x + SYMBOL_CLEARANCE,
    top: y - SYMBOL_CLEARANCE,
    bottom: y + SYMBOL_CLEARANCE,
  }));
  const minArea = size.width * size.height * MIN_AREA_SHARE;
  candidates.forEach((candidate, index) => {
    if (chosen.size >= limit || candidate.area < minArea) return;
    const halfWidth = (candidate.name.length * LETTER_WIDTH) / 2 + 2;
    const halfHeight = LABEL_FONT_SIZE / 2 + 1;
    if (halfWidth * 2 > size.width - 8) return;
    for (const [dx, dy] of NUDGES) {
      const x = clamp(candidate.anchor[0] + dx, halfWidth + 4, size.width - halfWidth - 4);
      const y = clamp(candidate.anchor[1] + dy, halfHeight + 4, size.height - halfHeight - 4);
      const box = {
        left: x - halfWidth,
        right: x + halfWidth,
        top: y - halfHeight,
        bottom: y + halfHeight,
      };
      if (taken.some((other) => overlaps(box, other))) continue;
      // The name's middle must be on the country, not at sea or on a neighbour.
      const lonLat = projection.invert?.([x, y]);
      if (!lonLat || !geoContains(candidate.feature, lonLat)) continue;
      chosen.set(index, [round(x), round(y)]);
      taken.push(box);
      return;
    }
  });
  return chosen;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** One decimal: the precision the paths are written with. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
