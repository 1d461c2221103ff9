/**
 * Football clubs from openfootball, `openfootball+clubs/**` (CC0), in its Football.TXT format:
 *
 *   = Argentina                       a country heading (`=`), `== Buenos Aires ==` a region
 *   Boca Juniors,  1905, @ La Bombonera, Buenos Aires   ## a comment
 *     | Boca | CA Boca Juniors        other names of the club above
 *
 * `<cc>.clubs.txt` holds a country's clubs (the file's prefix is the country: ISO 3166-1 alpha-2,
 * or eng/sco/wal/nir for the United Kingdom's nations and kos for Kosovo);
 * `<cc>.clubs.lang.<lang>.txt` gives names in another script ("Al Ahly,  النادي الأهلي…"), and
 * `clubs.wiki*.txt` lists clubs' Wikipedia article titles by country.
 *
 * No line carries a Wikidata id (Wikipedia is named only in comments and the title lists), so
 * every club is a `bs:club-<cc>-<name>` item: P31 association football club, P17, P571 year.
 */
import { countryQidOf } from '../breadth/country-codes';
import type { KbItem } from '../kb/item';
import { addAlias, addClaim, addLabel, ItemMap, slug } from './build-item';
import { listData, readText } from './data-dir';
import { SOURCES } from './registry';

export const FOOTBALL_FOLDER = 'openfootball+clubs';

/** One club as its country file gives it. */
export interface Club {
  name: string;
  aliases: string[];
  founded?: string;
}

const FOOTBALL_CLUB = 'Q476028';

/** openfootball's own country prefixes → ISO 3166-1 alpha-2. */
const PREFIXES: Record<string, string> = { eng: 'GB', sco: 'GB', wal: 'GB', nir: 'GB', kos: 'XK' };

/** The lang-file suffixes that are not language codes. */
const LANGUAGES: Record<string, string> = { jp: 'ja' };

/** A line without its `#` comment, trimmed. */
function uncommented(line: string): string {
  return line.replace(/\s#.*$|^#.*$/, '').trim();
}

/** The clubs of a `<cc>.clubs.txt` file. */
export function parseClubs(text: string): Club[] {
  const clubs: Club[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = uncommented(raw);
    if (!line || line.startsWith('=')) continue;
    if (line.startsWith('|')) {
      const club = clubs.at(-1);
      if (club)
        for (const name of line.split('|').map((part) => part.trim()))
          if (name && !club.aliases.includes(name) && name !== club.name) club.aliases.push(name);
      continue;
    }
    // "ii) Bayern München II": a reserve team, listed under its club.
    if (/^[ivx]+\)/.test(line) || /^\S/.test(raw) === false) continue;
    const [name = '', ...rest] = line.split(',').map((part) => part.trim());
    if (!name) continue;
    const founded = rest.find((part) => /^\d{4}$/.test(part));
    clubs.push({ name, aliases: [], ...(founded ? { founded } : {}) });
  }
  return clubs;
}

/** `English name, native name` pairs of a `.clubs.lang.<lang>.txt` file. */
export function parseClubNames(text: string): [english: string, native: string][] {
  return text
    .split(/\r?\n/)
    .map(uncommented)
    .filter((line) => line && !line.startsWith('='))
    .flatMap((line) => {
      const at = line.indexOf(',');
      if (at < 0) return [];
      const english = line.slice(0, at).trim();
      // Some names are written as Wikipedia article titles: "نادي_غزل_المحلة".
      const native = line
        .slice(at + 1)
        .trim()
        .replaceAll('_', ' ')
        .replace(/\u200e/g, '');
      return english && native ? [[english, native] as [string, string]] : [];
    });
}

/** The Wikipedia article titles of a `clubs.wiki*.txt` file. */
export function parseWikiTitles(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(uncommented)
    .filter((line) => line && !line.startsWith('='));
}

/** A file's country as ISO alpha-2, from its prefix. */
export function clubCountry(file: string): string {
  const prefix = (file.split('/').at(-1) ?? '').split('.')[0] ?? '';
  return PREFIXES[prefix] ?? prefix.toUpperCase();
}

/** What the club files of the data directory hold, by kind of file. */
export interface ClubFiles {
  clubs: [file: string, text: string][];
  names: [file: string, text: string][];
  wiki: string[];
}

/** KbItems of the clubs. */
export function footballClubItemsOf(files: ClubFiles): KbItem[] {
  const items = new ItemMap(SOURCES.footballClubs.id);
  const byName = new Map<string, KbItem[]>();
  const fold = (name: string) => name.toLowerCase();
  for (const [file, text] of files.clubs) {
    const cc = clubCountry(file);
    const prefix = (file.split('/').at(-1) ?? '').split('.')[0] ?? '';
    for (const club of parseClubs(text)) {
      const item = items.get(`bs:club-${prefix}-${slug(club.name)}`);
      addLabel(item, 'en', club.name);
      for (const alias of club.aliases) addAlias(item, 'en', alias);
      item.kindHint = 'organisation';
      addClaim(item, 'P31', { value: FOOTBALL_CLUB });
      addClaim(item, 'P17', { value: countryQidOf(cc) ?? '' });
      addClaim(item, 'P571', { value: club.founded ?? '' });
      for (const name of [club.name, ...club.aliases]) {
        const list = byName.get(fold(name)) ?? [];
        if (!list.includes(item)) byName.set(fold(name), [...list, item]);
      }
    }
  }
  for (const [file, text] of files.names) {
    const suffix = /\.lang\.(\w+)\.txt$/.exec(file)?.[1] ?? '';
    const lang = LANGUAGES[suffix] ?? suffix;
    for (const [english, native] of parseClubNames(text)) {
      const found = byName.get(fold(english));
      if (found?.length === 1 && found[0]) addLabel(found[0], lang, native);
    }
  }
  for (const title of files.wiki) {
    const found = byName.get(fold(title));
    if (found?.length === 1 && found[0]) found[0].wikipedia = { en: title };
  }
  return items.values();
}

/** KbItems of openfootball's clubs. */
export function footballClubItems(dir: string): KbItem[] {
  const all = listData(dir, FOOTBALL_FOLDER, '.txt', true);
  const read = (file: string): [string, string] => [file, readText(dir, file)];
  return footballClubItemsOf({
    clubs: all.filter((file) => /\/[a-z]+\.clubs\.txt$/.test(file)).map(read),
    names: all.filter((file) => /\.clubs\.lang\.\w+\.txt$/.test(file)).map(read),
    wiki: all
      .filter((file) => /\/clubs\.wiki(\.en)?\.txt$/.test(file))
      .flatMap((file) => parseWikiTitles(readText(dir, file))),
  });
}
