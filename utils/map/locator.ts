/**
 * The locator map for a place card, as plain data: SVG path data for the country and whatever
 * neighbours are in view, the place and capital as projected points, and a text alternative.
 * Pure and synchronous; the atlas comes from `loadAtlas()` (./atlas.ts) or `createAtlasLoader`
 * (./world.ts). It never imports the atlas data itself, and nothing outside utils/map/ imports it
 * statically, so d3-geo and the outlines load only with the first map.
 */
import { type GeoProjection, geoDistance, geoPath } from 'd3-geo';
import type { MultiPolygon } from 'geojson';
import { countryAlt, placeAlt, regionWord, sameName } from './alt-text';
import { boxesMeet, fitProjection, inFrame, type Size, visibleBox } from './frame';
import { chooseLabels, type LabelCandidate, round } from './labels';
import { countryParts, focusParts } from './parts';
import { type Outline, outlineMaker } from './path';
import { angleToKm, angleToOutline } from './sphere';
import type { AtlasCountry, WorldAtlas } from './world';

export type { WorldAtlas } from './world';

/** What a card knows about the place to map. */
export interface LocatorInput {
  /** The place: coordinates. */
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 of the country the place is in (or is), e.g. 'SY'. */
  country: string;
  /** The capital's coordinates and name, when known (marked with a different symbol). */
  capital?: { lat: number; lon: number; name: string };
  /** True when the place is the country itself (then no dot, the country is highlighted). */
  isCountry?: boolean;
  name: string;
}

/** A neighbouring country in view; at most two carry a label position. */
export interface LocatorNeighbour {
  /** Atlas id: ISO 3166-1 numeric ('400'), or the atlas's name for the few without one. */
  id: string;
  name: string;
  d: string;
  labelX?: number;
  labelY?: number;
}

/** The map, ready to render: coordinates are in px inside a `width` × `height` viewBox. */
export interface LocatorMap {
  width: number;
  height: number;
  /** SVG path data for the country and each neighbour (neighbours: countries whose outline touches or is within the frame). */
  country: { id: string; name: string; d: string };
  /** Most relevant first: nearest the place, or for a country card its land neighbours first. */
  neighbours: LocatorNeighbour[];
  /** Projected place and capital points. */
  place?: { x: number; y: number };
  capital?: { x: number; y: number; name: string };
  /** Text alternative, e.g. "Map: Daraa, in south-western Syria near the border with Jordan." */
  alt: string;
}

/** The size place cards show the map at. */
export const DEFAULT_MAP_SIZE: Readonly<Size> = { width: 320, height: 200 };

/** Mercator's edge, in degrees of latitude. */
const POLAR = 85;
/** A country drawn smaller than this (px, both ways) is too small for "north" or "south". */
const TOO_SMALL_FOR_DIRECTIONS = 24;

/** A place this close to the capital (≈10 km) is the capital. */
const SAME_PLACE = 10 / 6371;

interface InView {
  country: AtlasCountry;
  outline: Outline;
  /** Radians from the place to the outline (place cards only). */
  distance: number;
}

/**
 * Build the locator map for a place or a country. Returns null when the country code is not in
 * the atlas, or a place (not a country) has no usable coordinates.
 */
export function buildLocatorMap(
  input: LocatorInput,
  atlas: WorldAtlas,
  size: Size = DEFAULT_MAP_SIZE,
): LocatorMap | null {
  const country = atlas.byAlpha2.get(input.country.trim().toUpperCase());
  if (!country) return null;
  const place = input.isCountry ? undefined : lonLat(input.lon, input.lat);
  if (!input.isCountry && !place) return null;
  // Mercator cannot frame a pole, and only Antarctica reaches one.
  if (country.bounds[0][1] < -POLAR || country.bounds[1][1] > POLAR) return null;
  const focus = focusParts(country, place);
  if (!focus.parts.length) return null;

  const projection = fitProjection(focus.parts, place ? [place] : [], size);
  const draw = outlineMaker(projection);
  const borders = new Set(country.borders);
  const inView = neighboursInView(atlas, country, borders, projection, size, place);

  const placePoint = place && projection(place);
  const capitalLonLat = input.capital && lonLat(input.capital.lon, input.capital.lat);
  const isCapital =
    !!place &&
    !!input.capital &&
    ((!!capitalLonLat && geoDistance(place, capitalLonLat) < SAME_PLACE) ||
      sameName(input.capital.name, input.name));
  const capitalPoint = !isCapital && capitalLonLat ? projection(capitalLonLat) : null;
  const capitalShown = input.capital && inFrame(capitalPoint, size, 2) ? capitalPoint : null;

  const symbols = [placePoint, capitalShown].filter((point) => !!point) as [number, number][];
  const labels = chooseLabels(inView.map(labelCandidate), symbols, projection, size);

  const map: LocatorMap = {
    width: size.width,
    height: size.height,
    country: { id: country.id, name: country.name, d: draw(country.feature)?.d ?? '' },
    neighbours: inView.map((neighbour, index) => {
      const label = labels.get(index);
      return {
        id: neighbour.country.id,
        name: neighbour.country.name,
        d: neighbour.outline.d,
        ...(label ? { labelX: label[0], labelY: label[1] } : {}),
      };
    }),
    alt: '',
  };
  if (placePoint) map.place = { x: round(placePoint[0]), y: round(placePoint[1]) };
  if (capitalShown && input.capital) {
    map.capital = {
      x: round(capitalShown[0]),
      y: round(capitalShown[1]),
      name: input.capital.name,
    };
  }

  if (!place || !placePoint) {
    const neighbourNames = inView
      .filter((neighbour) => borders.has(neighbour.country.id))
      .map((neighbour) => neighbour.country.name)
      .sort((a, b) => a.localeCompare(b, 'en'));
    map.alt = countryAlt(input.name, neighbourNames, map.capital?.name);
    return map;
  }

  const focusShape: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: focus.parts.map((part) => part.polygon.coordinates),
  };
  const [[left, top], [right, bottom]] = geoPath(projection).bounds(focusShape);
  const nearest = inView.find((neighbour) => neighbour.country.alpha2);
  const countryRadius = countryParts(country)[0]?.radius ?? 0;
  const width = right - left;
  const height = bottom - top;
  let region: string;
  if (focus.outlying) region = 'outlying';
  else if (width < TOO_SMALL_FOR_DIRECTIONS && height < TOO_SMALL_FOR_DIRECTIONS) region = 'small';
  else region = regionWord((placePoint[0] - left) / width, (placePoint[1] - top) / height);
  map.alt = placeAlt({
    name: input.name,
    country: country.name,
    region,
    ...(nearest
      ? {
          neighbour: {
            name: nearest.country.name,
            nearBorder:
              borders.has(nearest.country.id) &&
              angleToKm(nearest.distance) <= nearBorderKm(angleToKm(countryRadius)),
          },
        }
      : {}),
    ...(map.capital ? { capital: map.capital.name } : {}),
    isCapital,
  });
  return map;
}

/**
 * Every other country with some outline in the frame, most relevant first: nearest the place,
 * or for a country card its land neighbours and then the largest in view.
 */
function neighboursInView(
  atlas: WorldAtlas,
  country: AtlasCountry,
  borders: ReadonlySet<string>,
  projection: GeoProjection,
  size: Size,
  place: [number, number] | undefined,
): InView[] {
  const draw = outlineMaker(projection);
  const box = visibleBox(projection, size);
  const inView: InView[] = [];
  for (const other of atlas.countries) {
    if (other === country || !boxesMeet(other.bounds, box)) continue;
    const outline = draw(other.feature);
    if (!outline) continue;
    inView.push({
      country: other,
      outline,
      distance: place ? angleToOutline(place, other.feature.geometry) : 0,
    });
  }
  if (place) return inView.sort((a, b) => a.distance - b.distance);
  return inView.sort(
    (a, b) =>
      Number(borders.has(b.country.id)) - Number(borders.has(a.country.id)) ||
      b.outline.area - a.outline.area,
  );
}

/**
 * How close to a border counts as "near" it: a quarter of the country's half-width, but at least
 * 40 km (all of Lebanon would otherwise be "near") and at most 150 km (Russia's quarter is 1,500).
 */
function nearBorderKm(countryRadiusKm: number): number {
  return Math.min(150, Math.max(40, countryRadiusKm / 4));
}

function labelCandidate(neighbour: InView): LabelCandidate {
  return {
    name: neighbour.country.name,
    feature: neighbour.country.feature,
    area: neighbour.outline.area,
    anchor: neighbour.outline.anchor,
  };
}

function lonLat(lon: number, lat: number): [number, number] | undefined {
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
    ? [lon, lat]
    : undefined;
}
