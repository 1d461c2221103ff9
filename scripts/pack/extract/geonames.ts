/**
 * Extract translated city names by GeoNames id from Debian's `libgeonames-common` package
 * (GeoNames data, CC BY 4.0), shipped as gettext catalogues: msgid = GeoNames id, msgstr = name.
 *
 *   npx tsx scripts/pack/extract/geonames.ts [path/to/libgeonames-common_*.deb]
 *     → packs/data/geonames/names.tsv
 *
 * Without a path, the package is fetched with `apt-get download` into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExtract } from './mirror';
import { readMo, tsvRow } from './parse';

/** Languages kept, and the script a real translation is written in (the catalogues mix in Latin). */
const LANGUAGES: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
};

function debPath(): string {
  const given = process.argv[2];
  if (given) return given;
  const dir = mkdtempSync(join(tmpdir(), 'geonames-'));
  execFileSync('apt-get', ['download', 'libgeonames-common'], { cwd: dir, stdio: 'inherit' });
  const deb = readdirSync(dir).find((name) => name.endsWith('.deb'));
  if (!deb) throw new Error('apt-get download libgeonames-common gave no .deb');
  return join(dir, deb);
}

const deb = debPath();
const root = mkdtempSync(join(tmpdir(), 'geonames-x-'));
execFileSync('dpkg-deb', ['-x', deb, root]);
const version = execFileSync('dpkg-deb', ['-f', deb, 'Version'], { encoding: 'utf8' }).trim();

const byId = new Map<number, Record<string, string>>();
for (const [lang, script] of Object.entries(LANGUAGES)) {
  const catalogue = readMo(
    readFileSync(join(root, `usr/share/locale/${lang}/LC_MESSAGES/geonames.mo`)),
  );
  for (const [id, raw] of catalogue) {
    const name = raw.replace(/[\u200e\u200f]/g, '').trim();
    if (!/^\d+$/.test(id) || !script.test(name)) continue;
    const names = byId.get(Number(id)) ?? {};
    names[lang] = name;
    byId.set(Number(id), names);
  }
}
const rows = [...byId.entries()]
  .sort(([a], [b]) => a - b)
  .map(([id, names]) => tsvRow([id, ...Object.keys(LANGUAGES).map((lang) => names[lang])]));
writeExtract(
  'geonames',
  { 'names.tsv': `${tsvRow(['geonameid', ...Object.keys(LANGUAGES)])}\n${rows.join('\n')}\n` },
  {
    title: 'Translated place names (GeoNames, via Debian libgeonames-common)',
    url: 'https://packages.debian.org/bookworm/libgeonames-common (data from https://www.geonames.org/)',
    revision: `libgeonames-common ${version}`,
    licence: 'CC BY 4.0 (GeoNames); the package code is GPL-3, but only its data files are read',
    notes: [
      'names.tsv: GeoNames id → name in Arabic, Persian and Hebrew, from usr/share/locale/{ar,fa,he}/LC_MESSAGES/geonames.mo; entries not in the language’s script (untranslated Latin fallbacks) and bidi marks dropped.',
    ],
  },
);
