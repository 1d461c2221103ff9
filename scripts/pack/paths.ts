import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Curated entities: one YAML file per topic. */
export const CURATED_DIR = join(ROOT, 'packs/curated');
/** The shipped pack. */
export const PACK_OUTPUT = join(ROOT, 'public/packs/default.json');
/** Fixture articles on unrelated topics for the false-positive check. */
export const FIXTURE_ARTICLES = join(ROOT, 'test/fixtures/articles');
/** Our own news-like pages with gold marks, for coverage and precision. */
export const NEWS_CORPUS = join(ROOT, 'test/fixtures/news');
