/**
 * News actors from the Phoenix dictionaries of PETRARCH2 (`openeventdata+petrarch2/petrarch2/data/
 * dictionaries/Phoenix.{Countries,International,MilNonState}.actors.txt`, MIT), in TABARI's
 * format:
 *
 *   HAMID_KARZAI_  # CountryInfo.txt      an actor (words joined by `_`, all capitals)
 *   +KARZAI_                              another name of it
 *   \t[AFGGOV >011222]                    its CAMEO code, with dates for people
 *   ABU_NIDAL_ORGANIZATION [IMGMUSALQ]    an actor with its code on the same line
 *
 * The names are spelling variants in capitals and carry no ids, so they are joined by name onto
 * the items other sources give ({@link NameIndex}): an actor whose name (the main one first, then
 * the others) belongs to exactly one item of a fitting kind lends it its other names. Names get
 * real capitals only where another source spells them; the rest are left out. Actors that join
 * nothing but whose main name another source spells become `bs:phoenix-…` items.
 */
import type { KbItem } from '../kb/item';
import { newItem } from '../kb/item';
import { addAlias, addLabel, slug } from './build-item';
import { readText } from './data-dir';
import { foldName, type NameIndex } from './name-index';
import { SOURCES } from './registry';

export const PHOENIX_FOLDER = 'openeventdata+petrarch2/petrarch2/data/dictionaries';
export const PHOENIX_FILES = ['Countries', 'International', 'MilNonState'].map(
  (name) => `${PHOENIX_FOLDER}/Phoenix.${name}.actors.txt`,
);

/** One actor: its names as written (capitals, spaces for `_`) and its CAMEO codes. */
export interface Actor {
  names: string[];
  codes: string[];
}

/** `ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_` → `ADEN ABYAN ISLAMIC ARMY`, `AAIA`. */
function namesOf(raw: string): string[] {
  const text = raw.replaceAll('_', ' ').replace(/\s+/g, ' ').trim();
  const acronyms = [...text.matchAll(/\(([^)]+)\)/g)].map((match) => match[1]?.trim() ?? '');
  const name = text
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [name, ...acronyms].filter(Boolean);
}

/** Parse one dictionary file into actors. */
export function parseActors(text: string): Actor[] {
  const actors: Actor[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '');
    if (!line.trim()) continue;
    const codes = [...line.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]?.trim() ?? '');
    const words = line.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\s/.test(raw) || !words) {
      actors.at(-1)?.codes.push(...codes);
    } else if (words.startsWith('+')) {
      actors
        .at(-1)
        ?.names.push(...words.split('+').flatMap((part) => (part.trim() ? namesOf(part) : [])));
    } else {
      actors.push({ names: namesOf(words), codes });
    }
  }
  return actors.filter((actor) => actor.names.length > 0);
}

/**
 * The kind of actor: a bare country code (`[ARM >911221]`, dated when borders changed) is a
 * country; other dated codes are a person's terms; the rest are bodies.
 */
export function actorKind(actor: Actor): KbItem['kindHint'] {
  if (actor.codes.some((code) => /^[A-Z]{3}(\s|$)/.test(code))) return 'place';
  if (actor.codes.some((code) => /\d/.test(code))) return 'person';
  return 'organisation';
}

/**
 * The names an actor may be joined by: its main name, and other names of two words or more ("THE
 * AMERICAN", a variant of American Samoa, must not join it to a newspaper).
 */
function joinNames(actor: Actor): string[] {
  return actor.names.filter((name, i) => i === 0 || foldName(name).includes(' '));
}

/**
 * Whether a name may be an alias of the actor's item. A country's entry lists its cities and
 * provinces too ("AFGHANISTAN", "+KABUL"): a place's name that is another item's stays that
 * item's. A person's or body's variant stays out only when it names another of the same kind.
 */
function fitsActor(name: string, id: string, kind: KbItem['kindHint'], index: NameIndex): boolean {
  const elsewhere = index.kindsElsewhere(name, id);
  return kind === 'place' ? elsewhere.size === 0 : !elsewhere.has(kind);
}

/** How the join went, for the report. */
export interface PhoenixStats {
  actors: number;
  joined: number;
  ownItems: number;
  dropped: number;
  namesWithCapitals: number;
  namesLeftOut: number;
}

/** Counts at zero, to fill in. */
export function newPhoenixStats(): PhoenixStats {
  return { actors: 0, joined: 0, ownItems: 0, dropped: 0, namesWithCapitals: 0, namesLeftOut: 0 };
}

/** KbItems of the actors, joined by name onto the items of `index`. */
export function phoenixItemsOf(
  files: [file: string, text: string][],
  index: NameIndex,
  stats: PhoenixStats = newPhoenixStats(),
): KbItem[] {
  const items = new Map<string, KbItem>();
  for (const [, text] of files) {
    for (const actor of parseActors(text)) {
      stats.actors++;
      const kind = actorKind(actor);
      const target = joinNames(actor)
        .map((name) => index.only(name, kind))
        .find(Boolean);
      const main = actor.names[0] ?? '';
      const spelled = actor.names.map((name) => index.spelling(name));
      const id = target ?? (spelled[0] ? `bs:phoenix-${slug(main)}` : undefined);
      if (!id) {
        stats.dropped++;
        continue;
      }
      if (target) stats.joined++;
      else stats.ownItems++;
      let item = items.get(id);
      if (!item) {
        item = newItem(id as KbItem['id'], SOURCES.phoenix.id);
        items.set(id, item);
      }
      item.kindHint ??= kind;
      if (!target) addLabel(item, 'en', spelled[0]);
      actor.names.forEach((name, i) => {
        const spelling = spelled[i];
        if (spelling && fitsActor(name, id, kind, index)) {
          addAlias(item, 'en', spelling);
          stats.namesWithCapitals++;
        } else stats.namesLeftOut++;
      });
    }
  }
  return [...items.values()];
}

/** KbItems of the Phoenix actors, joined onto `index`. */
export function phoenixItems(dir: string, index: NameIndex, stats?: PhoenixStats): KbItem[] {
  return phoenixItemsOf(
    PHOENIX_FILES.map((file): [string, string] => [file, readText(dir, file)]),
    index,
    stats,
  );
}
