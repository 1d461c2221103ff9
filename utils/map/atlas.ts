/**
 * The atlas the extension ships: Natural Earth 1:50m country outlines from world-atlas, ~750 kB
 * (~230 kB gzipped). 1:110m is a seventh of that but lacks Bahrain, Malta and Singapore, draws
 * Lebanon with 11 points and leaves Gaza out of Palestine, so it cannot locate places in the news.
 *
 * The JSON is imported with `import()`, which Vite splits into its own chunk in ESM bundles
 * (extension pages, a `type: 'module'` background, tests). In an IIFE bundle, which is how WXT
 * builds content scripts, `import()` is inlined and the JSON would be parsed on every page: there,
 * use `createAtlasLoader` (./world.ts) with a fetch of a packaged copy of the file instead.
 */
import { createAtlasLoader, type WorldAtlas } from './world';

export type { AtlasCountry, WorldAtlas } from './world';

const load = createAtlasLoader(() =>
  import('world-atlas/countries-50m.json').then((module) => module.default),
);

/** Load and index the atlas; later calls share the first call's result. */
export function loadAtlas(): Promise<WorldAtlas> {
  return load();
}
