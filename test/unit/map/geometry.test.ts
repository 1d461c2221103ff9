import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { boxesMeet, inFrame } from '@/utils/map/frame';
import { outlineMaker } from '@/utils/map/path';
import { ringsOf } from './svg-path';

describe('boxesMeet', () => {
  const box = { west: 170, east: 190, south: -25, north: -10 };

  it('sees a country on either side of 180°', () => {
    expect(
      boxesMeet(
        [
          [-180, -20],
          [-175, -15],
        ],
        box,
      ),
    ).toBe(true);
    expect(
      boxesMeet(
        [
          [172, -20],
          [175, -15],
        ],
        box,
      ),
    ).toBe(true);
  });

  it('skips what lies outside', () => {
    expect(
      boxesMeet(
        [
          [0, -20],
          [10, -15],
        ],
        box,
      ),
    ).toBe(false);
    expect(
      boxesMeet(
        [
          [172, 10],
          [175, 15],
        ],
        box,
      ),
    ).toBe(false);
  });
});

describe('inFrame', () => {
  const size = { width: 100, height: 50 };
  it('checks the point against the frame and its inset', () => {
    expect(inFrame([50, 25], size)).toBe(true);
    expect(inFrame([1, 25], size, 2)).toBe(false);
    expect(inFrame(null, size)).toBe(false);
  });
});

describe('outlineMaker', () => {
  const projection = geoMercator()
    .scale(1000)
    .translate([0, 0])
    .clipExtent([
      [-500, -500],
      [500, 500],
    ]);
  const draw = outlineMaker(projection);
  const square = (size: number, vertices = 4) => {
    const ring: [number, number][] = [];
    for (let i = 0; i < vertices; i++) ring.push([(size * i) / vertices, 0]);
    ring.push([size, 0], [size, size], [0, size], [0, 0]);
    return { type: 'Polygon' as const, coordinates: [ring.reverse()] };
  };

  it('measures the area in view and anchors labels on the largest piece', () => {
    const outline = draw(square(1));
    expect(outline?.area).toBeGreaterThan(250);
    expect(outline?.anchor[0]).toBeCloseTo(8.7, 0);
  });

  it('drops vertices closer than a pixel, and islets smaller than one', () => {
    const dense = draw(square(1, 400));
    expect(ringsOf(dense?.d ?? '')[0]?.length).toBeLessThan(60);
    expect(draw(square(0.0001))).toBeNull();
  });

  it('draws nothing for what lies outside the frame', () => {
    expect(
      draw({
        type: 'Polygon',
        coordinates: [square(1).coordinates[0]!.map(([x, y]) => [x! + 90, y!])],
      }),
    ).toBeNull();
  });
});
