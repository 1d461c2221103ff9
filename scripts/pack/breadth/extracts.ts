/**
 * Typed readers for the committed data extracts in `packs/data/<source>/` (made by
 * `scripts/pack/extract/*.ts`). The pack build reads only these files: no mirrors, no network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';

const DATA = join(ROOT, 'packs/data');

/** Rows of a TSV extract with a header line, as records. */
export function readTsv(file: string): Record<string, string>[] {
  return parseTsv(readFileSync(join(DATA, file), 'utf8'));
}

/** Parse TSV text with a header line into records (missing cells are empty strings). */
export function parseTsv(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.split('\n').filter((line) => line.length > 0);
  const names = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** A JSON extract. */
export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA, file), 'utf8')) as T;
}

/** Lines of a text extract. */
export function readLines(file: string): string[] {
  return readFileSync(join(DATA, file), 'utf8').split('\n').filter(Boolean);
}
