import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/**
 * The atlas is ~750 kB and d3-geo and topojson-client come with it: they must load when a place
 * card first shows a map, not with the content script. So outside utils/map/ the map code may
 * only be reached through `await import()`, or for types, which the build erases.
 */
describe('map code loads lazily', () => {
  it('is never reached by the content script: it loads in the background, on the first place card', () => {
    // Follow the content script's static (non-type) imports through the source tree.
    const seen = new Set<string>();
    const queue = [join(ROOT, 'entrypoints/in-page/index.ts')];
    const reached: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(
        /^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm,
      )) {
        const target = resolveSource(file, spec as string);
        if (!target) continue;
        if (relative(ROOT, target).startsWith('utils/map/'))
          reached.push(`${relative(ROOT, file)} → ${spec}`);
        queue.push(target);
      }
    }
    expect(reached).toEqual([]);
  });

  it('keeps world-atlas, d3-geo and topojson-client out of everything but utils/map/', () => {
    const offenders = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => !relative(ROOT, file).startsWith('utils/map/'))
      .filter((file) =>
        /from\s+['"](world-atlas|d3-geo|topojson-client)/.test(readFileSync(file, 'utf8')),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the atlas data behind atlas.ts, so world.ts and locator.ts can go in any bundle', () => {
    const importers = sourceFiles(join(ROOT, 'utils/map'))
      .filter((file) => /['"]world-atlas\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(importers).toEqual(['utils/map/atlas.ts']);
    const atlasUsers = sourceFiles(join(ROOT, 'utils/map'))
      .filter((file) =>
        /^import\s+(?!type\b)[^;]*from\s+'\.\/atlas'/m.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(ROOT, file));
    expect(atlasUsers).toEqual([]);
  });
});

/** The project file an import names, or null for packages. */
function resolveSource(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = join(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
