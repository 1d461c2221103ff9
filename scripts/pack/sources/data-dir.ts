/**
 * Where the knowledge base's source files are read from: `../shared/data` beside the repository
 * (public repositories' data, never committed; see its README), or `$BACKSTORY_DATA`. Every read
 * goes through {@link dataFile}, so a missing file fails with its name and the way to fix it
 * rather than with a bare ENOENT deep inside a parser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from '../paths';

/** The data directory: `$BACKSTORY_DATA`, else `../shared/data` from the repository root. */
export function dataDir(): string {
  return resolve(process.env.BACKSTORY_DATA ?? join(ROOT, '../shared/data'));
}

/** A source file is not where the build expects it. */
export class MissingDataError extends Error {
  constructor(readonly path: string) {
    super(
      `Missing data file ${path}. The knowledge base reads public data from ../shared/data ` +
        '(see its README.md); set BACKSTORY_DATA to read it from elsewhere.',
    );
  }
}

/** The absolute path of a file or folder under the data directory, which must exist. */
export function dataFile(dir: string, path: string): string {
  const full = join(dir, path);
  if (!existsSync(full)) throw new MissingDataError(full);
  return full;
}

/** A data file as UTF-8 text (gunzipped when its name ends in `.gz`). */
export function readText(dir: string, path: string): string {
  const bytes = readFileSync(dataFile(dir, path));
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** A data file parsed as JSON. */
export function readJsonFile<T>(dir: string, path: string): T {
  return JSON.parse(readText(dir, path)) as T;
}

/**
 * Files under a data folder whose names end with `suffix`, as paths relative to the data
 * directory, sorted; `deep` descends into subfolders.
 */
export function listData(dir: string, folder: string, suffix: string, deep = false): string[] {
  const base = dataFile(dir, folder);
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) {
        if (deep) walk(full);
      } else if (name.endsWith(suffix)) out.push(relative(dir, full));
    }
  };
  walk(base);
  return out;
}

/**
 * The folder of an installed npm package, found from its entry point (packages whose `exports`
 * hide their data files and their package.json alike).
 */
export function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of the npm package ${name}`);
    dir = parent;
  }
  return dir;
}
