import { geoContains } from 'd3-geo';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas, type WorldAtlas } from '@/utils/map/atlas';
import { buildLocatorMap, type LocatorInput, type LocatorMap } from '@/utils/map/locator';
import { pathBounds, pathContains } from './svg-path';

let atlas: WorldAtlas;
beforeAll(async () => {
  atlas = await loadAtlas();
}, 60_000);

const DAMASCUS = { lat: 33.5138, lon: 36.2765, name: 'Damascus' };
const DARAA: LocatorInput = {
  name: 'Daraa',
  lat: 32.6189,
  lon: 36.1021,
  country: 'SY',
  capital: DAMASCUS,
};

function build(input: LocatorInput): LocatorMap {
  const map = buildLocatorMap(input, atlas);
  if (!map) throw new Error(`no map for ${input.name}`);
  return map;
}

/** Where a point sits in the country's drawn box: 0 is the west or north edge, 1 the east or south. */
function shareOfBox(map: LocatorMap, point: { x: number; y: number }): [number, number] {
  const [[left, top], [right, bottom]] = pathBounds(map.country.d);
  return [(point.x - left) / (right - left), (point.y - top) / (bottom - top)];
}

describe('buildLocatorMap: a place', () => {
  it('puts Daraa inside Syria, in its south-west, near Jordan', () => {
    const map = build(DARAA);
    const syria = atlas.byAlpha2.get('SY');
    expect(syria && geoContains(syria.feature, [DARAA.lon, DARAA.lat])).toBe(true);
    expect(map.country).toMatchObject({ id: '760', name: 'Syria' });
    expect(map.place).toBeDefined();
    const place = map.place as { x: number; y: number };
    expect(pathContains(map.country.d, [place.x, place.y])).toBe(true);
    const [east, south] = shareOfBox(map, place);
    expect(east).toBeLessThan(1 / 3);
    expect(south).toBeGreaterThan(2 / 3);
    expect(map.neighbours[0]?.name).toBe('Jordan');
    expect(map.alt).toBe(
      'Map: Daraa, in south-western Syria near the border with Jordan. ' +
        'The capital, Damascus, is also marked.',
    );
  });

  it('marks Damascus as the capital, inside Syria and apart from the place', () => {
    const map = build(DARAA);
    expect(map.capital).toMatchObject({ name: 'Damascus' });
    const capital = map.capital as { x: number; y: number };
    expect(pathContains(map.country.d, [capital.x, capital.y])).toBe(true);
    expect(capital.y).toBeLessThan(map.place?.y ?? 0);
  });

  it('says so when the place is the capital, and draws one symbol for it', () => {
    const map = build({ ...DAMASCUS, country: 'SY', capital: DAMASCUS });
    expect(map.capital).toBeUndefined();
    expect(map.place).toBeDefined();
    expect(map.alt).toMatch(/^Map: Damascus, the capital, in south-western Syria/);
  });

  it('puts Aleppo in the north', () => {
    const map = build({ name: 'Aleppo', lat: 36.2021, lon: 37.1343, country: 'SY' });
    const [, south] = shareOfBox(map, map.place as { x: number; y: number });
    expect(south).toBeLessThan(1 / 3);
    expect(map.alt).toMatch(/^Map: Aleppo, in north(-\w+)? Syria near the border with Türkiye\.$/);
  });

  it('names the nearest neighbour without "border" when the place is far from any', () => {
    const map = build({ name: 'Palmyra', lat: 34.5503, lon: 38.2691, country: 'SY' });
    expect(map.alt).toMatch(/^Map: Palmyra, in central Syria; the nearest neighbouring country is/);
  });

  it('frames an outlying island on its own', () => {
    const map = build({ name: 'Honolulu', lat: 21.3069, lon: -157.8583, country: 'US' });
    expect(map.alt).toBe('Map: Honolulu, in the United States, away from its mainland.');
  });

  it('draws Crimea with Ukraine, as the ISO country code says', () => {
    const map = build({ name: 'Sevastopol', lat: 44.6167, lon: 33.5254, country: 'UA' });
    const place = map.place as { x: number; y: number };
    expect(pathContains(map.country.d, [place.x, place.y])).toBe(true);
    expect(map.alt).toMatch(/^Map: Sevastopol, in southern Ukraine/);
  });

  it('does not give a city-state directions within itself', () => {
    const map = build({ name: 'Singapore', lat: 1.2897, lon: 103.8501, country: 'SG' });
    expect(map.alt).toBe('Map: Singapore; the nearest neighbouring country is Malaysia.');
  });

  it('accepts a lower-case country code', () => {
    expect(buildLocatorMap({ ...DARAA, country: 'sy' }, atlas)?.country.id).toBe('760');
  });
});

describe('buildLocatorMap: a country', () => {
  it('highlights Jordan with no dot, names it and its neighbours', () => {
    const map = build({
      name: 'Jordan',
      lat: 31.2,
      lon: 36.5,
      country: 'JO',
      isCountry: true,
      capital: { lat: 31.9539, lon: 35.9106, name: 'Amman' },
    });
    expect(map.place).toBeUndefined();
    expect(map.country.name).toBe('Jordan');
    expect(map.capital?.name).toBe('Amman');
    const names = map.neighbours.map((neighbour) => neighbour.name);
    expect(names).toEqual(expect.arrayContaining(['Syria', 'Iraq', 'Saudi Arabia', 'Israel']));
    expect(map.alt).toBe(
      'Map: Jordan, highlighted among its neighbours Iraq, Israel, Palestine, Saudi Arabia and ' +
        'Syria. The capital, Amman, is marked.',
    );
  });

  it('shows a small country with enough around it to recognise it', () => {
    const map = build({ name: 'Lebanon', lat: 33.9, lon: 35.9, country: 'LB', isCountry: true });
    const names = map.neighbours.map((neighbour) => neighbour.name);
    expect(names).toEqual(expect.arrayContaining(['Syria', 'Israel', 'Cyprus']));
    const [[left], [right]] = pathBounds(map.country.d);
    expect(right - left).toBeLessThan(map.width / 3);
  });

  // Fiji straddles 180°: drawn unturned it would be torn to both edges of a world-wide frame.
  it.each([
    ['RU', 'Russia', 0.6],
    ['CA', 'Canada', 0.6],
    ['US', 'United States', 0.6],
    ['FJ', 'Fiji', 0.3],
  ])(
    'fits a large or antimeridian-straddling country (%s) inside the frame',
    (code, name, fill) => {
      const map = build({ name, lat: 0, lon: 0, country: code, isCountry: true });
      const [[left, top], [right, bottom]] = pathBounds(map.country.d);
      expect(left).toBeGreaterThanOrEqual(-3);
      expect(top).toBeGreaterThanOrEqual(-3);
      expect(right).toBeLessThanOrEqual(map.width + 3);
      expect(bottom).toBeLessThanOrEqual(map.height + 3);
      const share = Math.max((right - left) / map.width, (bottom - top) / map.height);
      expect(share).toBeGreaterThan(fill);
      expect(share).toBeLessThan(0.9);
    },
  );

  it('says when a country has no land borders', () => {
    const map = build({ name: 'Iceland', lat: 65, lon: -18, country: 'IS', isCountry: true });
    expect(map.alt).toBe('Map: Iceland, highlighted; it has no land borders.');
  });
});

describe('buildLocatorMap: output', () => {
  it('writes finite, compact path data and at most two labels inside the frame', () => {
    for (const input of [
      DARAA,
      { name: 'Russia', lat: 0, lon: 0, country: 'RU', isCountry: true },
    ]) {
      const map = build(input);
      for (const d of [map.country.d, ...map.neighbours.map((neighbour) => neighbour.d)]) {
        expect(d).toMatch(/^M[-\d.,MLZ]+$/);
      }
      const labelled = map.neighbours.filter((neighbour) => neighbour.labelX !== undefined);
      expect(labelled.length).toBeGreaterThan(0);
      expect(labelled.length).toBeLessThanOrEqual(2);
      for (const { labelX = -1, labelY = -1 } of labelled) {
        expect(labelX).toBeGreaterThan(0);
        expect(labelX).toBeLessThan(map.width);
        expect(labelY).toBeGreaterThan(0);
        expect(labelY).toBeLessThan(map.height);
      }
    }
  });

  it('uses the size asked for', () => {
    const map = buildLocatorMap(DARAA, atlas, { width: 200, height: 200 });
    expect(map).toMatchObject({ width: 200, height: 200 });
    const [[left], [right]] = pathBounds(map?.country.d ?? '');
    expect(right).toBeLessThanOrEqual(200);
    expect(left).toBeGreaterThanOrEqual(0);
  });
});

describe('buildLocatorMap: nothing to draw', () => {
  it.each([
    ['an unknown country code', { ...DARAA, country: 'ZZ' }],
    ['an empty country code', { ...DARAA, country: '' }],
    ['a place without coordinates', { ...DARAA, lat: Number.NaN }],
    ['a place off the globe', { ...DARAA, lat: 120 }],
    ['Antarctica, which Mercator cannot frame', { ...DARAA, country: 'AQ', isCountry: true }],
  ])('returns null for %s', (_, input) => {
    expect(buildLocatorMap(input, atlas)).toBeNull();
  });
});
