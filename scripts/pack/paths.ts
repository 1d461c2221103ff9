import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Curated entities: one YAML file per topic. */
export const CURATED_DIR = join(ROOT, 'packs/curated');
/** The built-in pack as it ships: a manifest and binary files, read in place by the extension. */
export const PACK_DIR = join(ROOT, 'public/packs/default');
/** Fixture articles on unrelated topics for the false-positive check. */
export const FIXTURE_ARTICLES = join(ROOT, 'test/fixtures/articles');
/** Our own news-like pages with gold marks, for coverage and precision. */
export const NEWS_CORPUS = join(ROOT, 'test/fixtures/news');
