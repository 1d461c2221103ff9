/**
 * Reads back the path data `buildLocatorMap` writes (d3's `M x,y L x,y … Z`), so tests can check
 * geometry in pixels the way the reader sees it.
 */

/** Each ring of a path as [x, y] points. */
export function ringsOf(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  for (const command of d.match(/[MLZ][^MLZ]*/g) ?? []) {
    const [x, y] = command.slice(1).split(',').map(Number);
    if (command[0] === 'M') rings.push([]);
    if (command[0] !== 'Z' && x !== undefined && y !== undefined) rings.at(-1)?.push([x, y]);
  }
  return rings;
}

/** Even-odd point in polygon over every ring: holes and islands come out right. */
export function pathContains(d: string, [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of ringsOf(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** [[left, top], [right, bottom]] of every point in the path. */
export function pathBounds(d: string): [[number, number], [number, number]] {
  const points = ringsOf(d).flat();
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ];
}
