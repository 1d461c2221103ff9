/**
 * Shared plumbing for the extract scripts, which make compact extracts of npm and Debian package
 * data (`geonames.ts`, `titles.ts`): write the files with a note of where they came from. Data
 * from public repositories is never extracted into the repository: the build reads it from the
 * data directory (`scripts/pack/sources/`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';

/** Where extracts live: one folder per source. */
export const DATA_DIR = join(ROOT, 'packs/data');

/** What a source README records. */
export interface Provenance {
  title: string;
  url: string;
  /** The exact revision read: a git commit, or a Debian package version. */
  revision: string;
  licence: string;
  /** Files read, and how the extract was made (why these columns and rows). */
  notes: string[];
}

/**
 * Write an extract: its files and a README with source, revision, date fetched and licence.
 * Every file must stay under 4 MB (the mirrors drop larger files, and so should we).
 */
export function writeExtract(
  folder: string,
  files: Record<string, string>,
  source: Provenance,
): void {
  const dir = join(DATA_DIR, folder);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    if (Buffer.byteLength(text) >= 4 * 1024 * 1024)
      throw new Error(`${folder}/${name} is over 4 MB`);
    writeFileSync(join(dir, name), text);
  }
  const readme = [
    `# ${source.title}`,
    '',
    `- Source: ${source.url}`,
    `- Revision: ${source.revision}`,
    `- Fetched: ${new Date().toISOString().slice(0, 10)}`,
    `- Licence: ${source.licence}`,
    '',
    ...source.notes.map((note) => `- ${note}`),
    '',
    `Made by \`npx tsx scripts/pack/extract/${folder}.ts\`; do not edit by hand.`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'README.md'), readme);
  console.log(`${folder}: wrote ${Object.keys(files).join(', ')}`);
}
