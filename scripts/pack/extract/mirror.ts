/**
 * Shared plumbing for the extract scripts: read files from a fetched bare mirror of a public
 * GitHub repository, and write a compact extract with a note of where it came from. The extracts
 * are committed, so `npm run pack` never needs the mirrors or the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';

/** Where extracts live: one folder per source. */
export const DATA_DIR = join(ROOT, 'packs/data');

/** A source repository: `owner/name`, read from `$MIRRORS/owner+name/repo` (a bare git mirror). */
export interface Mirror {
  repo: string;
  gitDir: string;
}

/** The bare mirror of a GitHub repository, under `$BACKSTORY_MIRRORS` or `/work/.mirror`. */
export function mirror(repo: string): Mirror {
  const base = process.env.BACKSTORY_MIRRORS ?? '/work/.mirror';
  return { repo, gitDir: join(base, repo.replace('/', '+'), 'repo') };
}

/** A file at the mirror's HEAD, as text. */
export function show(source: Mirror, path: string): string {
  return execFileSync('git', ['--git-dir', source.gitDir, 'show', `HEAD:${path}`], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Paths under a folder at the mirror's HEAD. */
export function list(source: Mirror, folder: string): string[] {
  return execFileSync(
    'git',
    ['--git-dir', source.gitDir, 'ls-tree', '--name-only', 'HEAD', `${folder}/`],
    {
      encoding: 'utf8',
    },
  )
    .split('\n')
    .filter(Boolean);
}

/** The commit and commit date of the mirror's HEAD. */
export function headCommit(source: Mirror): { commit: string; date: string } {
  const [commit = '', date = ''] = execFileSync(
    'git',
    ['--git-dir', source.gitDir, 'log', '-1', '--format=%H %cs', 'HEAD'],
    { encoding: 'utf8' },
  )
    .trim()
    .split(' ');
  return { commit, date };
}

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
