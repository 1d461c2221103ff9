/**
 * The world's country outlines as the locator map uses them: world-atlas's TopoJSON indexed by
 * ISO code, with shared borders. This module holds no data itself, so a bundle can include it and
 * still get the ~750 kB of outlines from wherever suits (see ./atlas.ts and `createAtlasLoader`).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ISO_COUNTRIES } from './iso-countries';
import { applyRecognisedBorders } from './recognised-borders';

/** A country (or the few disputed or unclaimed areas the atlas draws) with derived geometry. */
export interface AtlasCountry {
  /** The atlas id: ISO 3166-1 numeric ('760'), or the atlas's own name for the few without one. */
  id: string;
  /** ISO 3166-1 alpha-2, when the area has one. */
  alpha2?: string;
  /** Short English name, e.g. 'Syria'. */
  name: string;
  feature: Feature<Polygon | MultiPolygon>;
  /**
   * Plain [[west, south], [east, north]] of the coordinates. Natural Earth cuts outlines at 180°,
   * so a country across it (Russia, Fiji) spans the whole range: wide, but safe for culling.
   */
  bounds: [[number, number], [number, number]];
  /** Ids of the countries sharing a land border with this one. */
  borders: string[];
}

/** The loaded atlas: every country, looked up by atlas id or by ISO alpha-2. */
export interface WorldAtlas {
  countries: readonly AtlasCountry[];
  byId: ReadonlyMap<string, AtlasCountry>;
  byAlpha2: ReadonlyMap<string, AtlasCountry>;
}

type CountryProperties = { name: string };
/** world-atlas's `countries-*.json`. */
export type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProperties> }>;

// world-atlas leaves Kosovo without an id; i18n-iso-countries gives XK the user-assigned 983.
const MISSING_IDS: Record<string, string> = { Kosovo: '983' };
// Abbreviations that read badly in a sentence ("near the border with N. Cyprus").
const ATLAS_NAMES: Record<string, string> = {
  'N. Cyprus': 'Northern Cyprus',
  'Indian Ocean Ter.': 'Australian Indian Ocean Territories',
};

/**
 * A memoised loader: `source` runs once, when the first map is wanted, and its TopoJSON is
 * indexed; later calls share the result. A failed load (the extension updated under the page,
 * say) is forgotten, so the next card can try again.
 */
export function createAtlasLoader(source: () => Promise<unknown>): () => Promise<WorldAtlas> {
  let loading: Promise<WorldAtlas> | undefined;
  return () => {
    loading ??= source().then((topology) => atlasFromTopology(checked(topology)));
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}

/** Index a world-atlas `countries` topology. Synchronous and pure, so tests can call it directly. */
export function atlasFromTopology(topology: CountriesTopology): WorldAtlas {
  const geometries = topology.objects.countries.geometries;
  const numericToAlpha2 = new Map(
    Object.entries(ISO_COUNTRIES).map(([alpha2, [numeric]]) => [numeric, alpha2]),
  );
  const ids = geometries.map((geometry) => {
    const atlasName = nameOf(geometry);
    return geometry.id === undefined ? (MISSING_IDS[atlasName] ?? atlasName) : String(geometry.id);
  });
  const adjacency = neighbors(geometries);
  const outlines = new Map<string, Feature<Polygon | MultiPolygon>>();
  geometries.forEach((geometry, index) => {
    const shape = feature(topology, geometry) as Feature<Polygon | MultiPolygon | null>;
    const id = ids[index];
    if (shape.geometry && id !== undefined)
      outlines.set(id, shape as Feature<Polygon | MultiPolygon>);
  });
  applyRecognisedBorders(outlines);
  const countries: AtlasCountry[] = [];
  geometries.forEach((geometry, index) => {
    const id = ids[index];
    const outline = id === undefined ? undefined : outlines.get(id);
    if (!outline || id === undefined) return;
    const alpha2 = numericToAlpha2.get(id);
    const atlasName = nameOf(geometry) || id;
    countries.push({
      id,
      ...(alpha2 ? { alpha2 } : {}),
      name: (alpha2 && ISO_COUNTRIES[alpha2]?.[1]) || ATLAS_NAMES[atlasName] || atlasName,
      feature: outline,
      bounds: planarBounds(outline.geometry),
      borders: (adjacency[index] ?? []).flatMap((other) => ids[other] ?? []),
    });
  });
  return {
    countries,
    byId: new Map(countries.map((country) => [country.id, country])),
    byAlpha2: new Map(
      countries.flatMap((country) => (country.alpha2 ? [[country.alpha2, country]] : [])),
    ),
  };
}

function checked(value: unknown): CountriesTopology {
  const topology = value as Partial<CountriesTopology> | null;
  if (topology?.type !== 'Topology' || !Array.isArray(topology.objects?.countries?.geometries)) {
    throw new Error('Not a world-atlas countries topology');
  }
  return topology as CountriesTopology;
}

function nameOf(geometry: { properties?: object }): string {
  const properties = geometry.properties as Partial<CountryProperties> | undefined;
  return properties?.name ?? '';
}

// d3's geoBounds is exact but costs ~100 ms over the whole atlas; a min/max pass costs ~3 ms.
function planarBounds(geometry: Polygon | MultiPolygon): [[number, number], [number, number]] {
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [
    [west, south],
    [east, north],
  ];
}
