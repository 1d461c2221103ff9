/**
 * Readers for the committed extracts of npm and Debian package data in `packs/data/<source>/`
 * (made by `scripts/pack/extract/*.ts`). Data from public repositories is not committed: it is
 * read from the data directory by `scripts/pack/sources/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';
import { parseTsv } from '../sources/parse';

export { parseTsv } from '../sources/parse';

const DATA = join(ROOT, 'packs/data');

/** Rows of a TSV extract with a header line, as records. */
export function readTsv(file: string): Record<string, string>[] {
  return parseTsv(readFileSync(join(DATA, file), 'utf8'));
}

/** Lines of a text extract. */
export function readLines(file: string): string[] {
  return readFileSync(join(DATA, file), 'utf8').split('\n').filter(Boolean);
}
