/**
 * The map's projection: Mercator, turned so the country sits on the central meridian (Russia and
 * Fiji straddle 180°), fitted to the framed pieces with a margin for the neighbours.
 */
import { type GeoProjection, geoCentroid, geoMercator } from 'd3-geo';
import type { MultiPolygon } from 'geojson';
import type { CountryPart } from './parts';

/** Width and height of the map in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A longitude/latitude box; `west` may exceed 180 or fall below −180 when the frame wraps. */
export interface LonLatBox {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Share of each side left around the country, so its neighbours show. */
const MARGIN = 0.12;
/**
 * The narrowest frame, in degrees of longitude: Lebanon or Singapore fitted edge to edge would
 * show no neighbours to recognise them by.
 */
const MIN_SPAN = 8;
/** Clip a little outside the frame so the cut edges of outlines never show as strokes. */
const BLEED = 2;

/** A Mercator projection framing `parts` (and `points`, [lon, lat]) inside `size`. */
export function fitProjection(
  parts: readonly CountryPart[],
  points: readonly [number, number][],
  size: Size,
): GeoProjection {
  const shape: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: parts.map((part) => part.polygon.coordinates),
  };
  const [centreLon] = geoCentroid(shape);
  const { width, height } = size;
  const projection = geoMercator().rotate([-centreLon, 0]);
  projection.fitExtent(
    [
      [width * MARGIN, height * MARGIN],
      [width * (1 - MARGIN), height * (1 - MARGIN)],
    ],
    {
      type: 'GeometryCollection',
      geometries: [
        shape,
        ...points.map((coordinates) => ({ type: 'Point' as const, coordinates })),
      ],
    },
  );
  const maxScale = width / ((MIN_SPAN * Math.PI) / 180);
  if (projection.scale() > maxScale) zoomOut(projection, maxScale, size);
  return projection.clipExtent([
    [-BLEED, -BLEED],
    [width + BLEED, height + BLEED],
  ]);
}

/** The longitudes and latitudes the frame shows (Mercator keeps both axis-aligned). */
export function visibleBox(projection: GeoProjection, size: Size): LonLatBox {
  const { width, height } = size;
  const centre = projection.invert?.([width / 2, height / 2]) ?? [0, 0];
  const top = projection.invert?.([width / 2, 0]) ?? [0, 90];
  const bottom = projection.invert?.([width / 2, height]) ?? [0, -90];
  const halfSpan = ((width / projection.scale()) * 90) / Math.PI;
  return {
    west: centre[0] - halfSpan,
    east: centre[0] + halfSpan,
    south: bottom[1],
    north: top[1],
  };
}

/** Whether a [[west, south], [east, north]] box meets the visible box, across 180° too. */
export function boxesMeet(bounds: [[number, number], [number, number]], box: LonLatBox): boolean {
  const [[west, south], [east, north]] = bounds;
  if (north < box.south || south > box.north) return false;
  if (box.east - box.west >= 360) return true;
  return [-360, 0, 360].some((shift) => west <= box.east + shift && box.west + shift <= east);
}

/** Whether a projected point lies inside the frame, `inset` pixels from its edges. */
export function inFrame(point: [number, number] | null, size: Size, inset = 0): boolean {
  if (!point) return false;
  const [x, y] = point;
  return x >= inset && y >= inset && x <= size.width - inset && y <= size.height - inset;
}

function zoomOut(projection: GeoProjection, scale: number, size: Size): void {
  const centre = projection.invert?.([size.width / 2, size.height / 2]);
  projection.scale(scale);
  const moved = centre && projection(centre);
  if (!moved) return;
  const [x, y] = projection.translate();
  projection.translate([x + size.width / 2 - moved[0], y + size.height / 2 - moved[1]]);
}
