/**
 * Natural Earth draws de facto control by default, and world-atlas puts Crimea inside Russia.
 * Backstory's place cards name countries by ISO 3166 (as Wikidata and the UN do), so a card for
 * Sevastopol says Ukraine; its map must agree, or the dot would sit in "Russia". Each move below
 * takes whole pieces of one outline to another; delete an entry to draw the atlas as published.
 */
import { geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** A move of the pieces of `from` that contain `at` ([lon, lat]) into `to`. */
interface Move {
  from: string;
  to: string;
  at: [number, number];
}

/** By atlas id (ISO 3166-1 numeric). Crimea, found by Simferopol: Russia → Ukraine. */
const MOVES: readonly Move[] = [{ from: '643', to: '804', at: [34.1, 44.95] }];

/** Apply the moves to outlines keyed by atlas id; returns the ids whose outlines changed. */
export function applyRecognisedBorders(
  outlines: Map<string, Feature<Polygon | MultiPolygon>>,
): string[] {
  const changed: string[] = [];
  for (const move of MOVES) {
    const from = outlines.get(move.from);
    const to = outlines.get(move.to);
    if (!from || !to) continue;
    const pieces = polygonsOf(from.geometry);
    const moving = pieces.filter((coordinates) =>
      geoContains({ type: 'Polygon', coordinates }, move.at),
    );
    if (!moving.length) continue;
    from.geometry = multi(pieces.filter((piece) => !moving.includes(piece)));
    to.geometry = multi([...polygonsOf(to.geometry), ...moving]);
    changed.push(move.from, move.to);
  }
  return changed;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function multi(polygons: Position[][][]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons };
}
