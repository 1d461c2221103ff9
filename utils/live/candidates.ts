import { arabicCandidates } from './arabic-candidates';
import { type Candidate, overlaps, type Span, type Token } from './candidate';
import { CONNECTORS, isCalendarWord, isFunctionWord, TITLES } from './everyday-words';

/**
 * Names a page's packs did not mark, proposed for live discovery. Pure: a block's text and the
 * spans the packs marked in it in, candidate spans out. In Latin-script text a candidate is a
 * run of capitalised words (with the connectors names hold: "Bank of England", "Charles de
 * Gaulle", "al-Assad"), never inside a longer run, never overlapping a pack's mark. In Arabic
 * text, which has no capitals, a candidate is the name after a title or another cue ("الرئيس",
 * "مدينة", "حزب"). The page-wide guards (everyday words, a sentence's first word) are applied by
 * {@link settleCandidate} once the whole page has been read.
 */

/** Longest run of words proposed as one name. */
const MAX_WORDS = 6;

/** A capitalised word: a capital then letters, marks, hyphens, apostrophes; or "al-Assad"; or an initial "J.". */
const WORD =
  /\p{Lu}\.(?=\s)|(?:(?:al|el|ad|ash|as|at|ar|an|az|ibn|bin|abu|bint)-)?\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*/gu;
/** Any word, for the connectors between capitalised ones. */
const ANY_WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/** Characters a sentence ends with (a following capital proves nothing). */
const SENTENCE_END = /[.!?:;…\n•|–—]/;
/** Opening quotes and brackets between a sentence's end and its first word. */
const OPENERS = /["“”‘’'«»([¿¡\s*-]/;

/** Does the word starting at `at` open a sentence (or the block)? */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENERS.test(text[i] as string)) i--;
  return i < 0 || SENTENCE_END.test(text[i] as string);
}

/**
 * Is the block a title-case line (a headline, a menu, a caption in capitals)? Its capitals say
 * nothing about names.
 */
export function isTitleCaseLine(text: string): boolean {
  const words = text.match(ANY_WORD) ?? [];
  if (words.length < 4 || text.length > 200) return false;
  const content = words.filter((word) => !isFunctionWord(word.toLowerCase()));
  const capitalised = content.filter((word) => /^\p{Lu}/u.test(word));
  // A sentence has some content word in lower case ("met", "said"); a headline hardly any.
  return content.length >= 4 && capitalised.length / content.length >= 0.9;
}

/** Is the text mostly capitals (a shouted heading): no name can be told from it. */
function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 12 && capitals / letters > 0.6;
}

/** Words whose possessive is part of names ("People's Liberation Army", "Children's Hospital"). */
const POSSESSIVE_NAMES = new Set(['people', 'women', 'men', 'children', 'workers', 'veterans']);

/** What follows a name's hyphen and ends it: "Washington-based", "Kremlin-backed". */
const NAME_SUFFIXES =
  /-(based|led|born|owned|backed|run|style|made|era|bound|funded|linked|allied|dominated|controlled|speaking|friendly|made|held|occupied|area|wide|like|related|sponsored)$/;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(ANY_WORD)) {
    const start = match.index ?? 0;
    let word = match[0];
    // "Trump's": the possessive is not part of the name, unless the name is made with it
    // ("People's Daily", "Women's March").
    const base = word.replace(/['’]s$/u, '');
    if (!POSSESSIVE_NAMES.has(base.toLowerCase())) word = base;
    const suffix = NAME_SUFFIXES.exec(word);
    if (suffix) word = word.slice(0, suffix.index);
    out.push({
      word,
      start,
      end: start + word.length,
      capital: /^\p{Lu}/u.test(word),
      ...(suffix ? { last: true } : {}),
    });
  }
  // Initials ("J. K. Rowling") and "al-" names the plain word pattern splits differently.
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    if (match[0].endsWith('.')) {
      const at = out.findIndex((token) => token.start === start);
      if (at >= 0) out[at] = { word: match[0], start, end: start + match[0].length, capital: true };
    } else if (/^[a-z]+-/.test(match[0])) {
      const at = out.findIndex((token) => token.start === start);
      if (at >= 0) out[at] = { ...(out[at] as Token), capital: true };
    }
  }
  return out;
}

/** Is the gap between two tokens only spaces (a name never runs across punctuation)? */
function joined(text: string, a: Token, b: Token): boolean {
  if (a.last) return false;
  const gap = text.slice(a.end, b.start);
  // "Mr. Trump", "Dr. Fauci": a title's abbreviation point does not end the name.
  if (/^\.[ \u00a0]+$/.test(gap)) return TITLES.has(a.word.toLowerCase());
  return /^[ \u00a0]+$/.test(gap) || (a.word.endsWith('.') && a.end === b.start);
}

/** Fewest words a block needs for its capitals to mean anything (menus, buttons, credits have fewer). */
const MIN_BLOCK_WORDS = 4;

/** Capitalised runs in Latin-script text. */
function latinCandidates(text: string, taken: readonly Span[]): Candidate[] {
  if (isTitleCaseLine(text) || isShouting(text)) return [];
  if ((text.match(ANY_WORD)?.length ?? 0) < MIN_BLOCK_WORDS) return [];
  const list = tokens(text);
  const out: Candidate[] = [];
  let i = 0;
  while (i < list.length) {
    const first = list[i] as Token;
    if (!first.capital || overlaps(first.start, first.end, taken)) {
      i++;
      continue;
    }
    const run: Token[] = [first];
    let j = i + 1;
    while (j < list.length && run.length < MAX_WORDS) {
      const next = list[j] as Token;
      const previous = list[j - 1] as Token;
      if (!joined(text, previous, next) || overlaps(next.start, next.end, taken)) break;
      if (next.capital) {
        run.push(next);
        j++;
        continue;
      }
      // A connector joins two capitalised words ("Bank of England"), never ends a name.
      const after = list[j + 1];
      if (
        CONNECTORS.has(next.word.toLowerCase()) &&
        after?.capital &&
        joined(text, next, after) &&
        !overlaps(after.start, after.end, taken)
      ) {
        run.push(next, after);
        j += 2;
        continue;
      }
      break;
    }
    i = j;
    // Calendar words are never part of a name ("On Monday the Bank…"), nor connectors at its ends.
    const edge = (token: Token | undefined) =>
      !!token && (isCalendarWord(token.word) || CONNECTORS.has(token.word.toLowerCase()));
    while (edge(run[run.length - 1])) run.pop();
    while (edge(run[0])) run.shift();
    // A lone letter, or two capitals ("BT", "CA"), is too short to be told from anything.
    if (run.length === 0 || (run.length === 1 && (run[0] as Token).word.length < 3)) continue;
    if (run.every((token) => isCalendarWord(token.word) || token.word.endsWith('.'))) continue;
    const head = run[0] as Token;
    const last = run[run.length - 1] as Token;
    out.push({
      start: head.start,
      end: last.end,
      words: run.map((token) => token.word),
      starts: run.map((token) => token.start),
      initial: opensSentence(text, head.start),
      by: 'latin',
    });
  }
  return out;
}

/** The candidates of one block of a page. */
export function proposeCandidates(text: string, taken: readonly Span[]): Candidate[] {
  const arabic = /[\u0600-\u06FF]/.test(text);
  const latin = /[A-Za-z\u00C0-\u024F]/.test(text);
  return [
    ...(latin ? latinCandidates(text, taken) : []),
    ...(arabic ? arabicCandidates(text, taken) : []),
  ];
}

/**
 * The name a candidate stands for, once the whole page is known: a first word that opens a
 * sentence and is an everyday word on this page (written in lower case elsewhere on it, or a
 * function word) is dropped, and a single everyday word is no name at all. Null when nothing is
 * left.
 */
export function settleCandidate(
  candidate: Candidate,
  everyday: (word: string) => boolean,
): { name: string; start: number; end: number; words: string[] } | null {
  let words = candidate.words;
  let starts = candidate.starts;
  if (candidate.by === 'latin') {
    // Off the front: a sentence's first word when it is a function word or one of the page's
    // everyday words ("Police said…", "The…"), days and months ("On Monday the Bank…"),
    // titles ("President Trump", "Mr. Xi") and connectors ("of England").
    let skip = 0;
    while (skip < words.length) {
      const word = words[skip] as string;
      const lower = word.toLowerCase().replace(/\.$/, '');
      const opening = skip === 0 && candidate.initial;
      const more = words.length - skip > 1;
      if (
        isCalendarWord(word) ||
        (opening && (isFunctionWord(lower) || everyday(word))) ||
        (more && (TITLES.has(lower) || CONNECTORS.has(lower)))
      )
        skip++;
      else break;
    }
    words = words.slice(skip);
    starts = starts.slice(skip);
    if (words.length === 0) return null;
    // A single word the page also writes in lower case is one of its everyday words.
    if (words.length === 1 && everyday(words[0] as string)) return null;
    // Every word everyday (a title-case phrase of common words) is no name either.
    if (words.every((word) => everyday(word) || CONNECTORS.has(word.toLowerCase()))) return null;
  }
  const start = starts[0] as number;
  const end = candidate.end;
  return { name: words.join(' '), start, end, words };
}
