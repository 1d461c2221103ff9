/**
 * What the capitals of a segment say: in a title-case headline or text in capitals they say
 * nothing, nor at a sentence's start; a place in capitals opening a block is a dateline. Also the
 * word folding, the function words and the letter tests the rest of the surface reading shares.
 * Pure functions of a segment's text, used by the resolver.
 */
import { isSpace } from './address';

export const fold = (word: string) =>
  word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'");

export const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean).map(fold));

/**
 * Words that start sentences or link names without being part of them: articles, prepositions,
 * conjunctions, pronouns and sentence adverbs in the languages of the corpus. A capitalised one
 * before a name is the sentence's first word ("In Paris"), not a name's.
 */
export const FUNCTION_WORDS = words(`
  a an the and or but nor so yet for of in on at by to from with into onto over under after
  before since during until while when where whereas if as than then there here this that these
  those it its his her their our my your we they he she i you who whom whose which what why how
  all both each every many most much some any no not also even only just still already again
  about above across against along among around behind below beneath beside besides between
  beyond despite down inside near off outside past per through throughout toward towards upon
  via within without like unlike amid once now today yesterday tomorrow tonight meanwhile
  however instead indeed perhaps although though because unless whether nevertheless moreover
  last next earlier later thursday
  le la les l un une des du de d au aux en et ou mais donc pour par avec sans sous sur dans
  chez depuis pendant selon vers entre contre apres avant quand si ce cet cette ces son sa ses
  leur leurs notre nos votre vos c qu que qui il elle ils elles on nous vous je est a lors
  el los las una unos unas del al y e o u para por con sin sobre desde hasta tras segun ante
  bajo cuando este esta estos estas ese esa su sus nuestro tambien pero como
  o os as um uma uns umas em no na nos nas do da dos das ao aos pelo pela pelos pelas com sem
  ate apos segundo quando seu sua seus suas mas tambem
  der die das den dem des ein eine einen einem einer eines im am an auf aus bei mit nach von
  vom zu zum zur fur uber unter vor gegen und oder aber als wie wenn dass auch nur noch schon
  seit wahrend laut trotz wegen
  v ve na z ze do k ke s se o u po za pro pri od a i ale ze to ten ta jak kdyz
  il lo gli di da con su per tra fra nel nella
`);

/** Is this word written with a capital first letter (in a cased script)? */
export function capitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

export function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER.test(String.fromCharCode(code));
}

const LETTER = /\p{L}/u;

/**
 * Are the segment's capitals meaningless: a title-case headline ("Trump Meets Putin In Helsinki")
 * or text in capitals? Then a capitalised neighbour says nothing about a longer name. Title case
 * means at least five capitalised words of four letters or more and no lower-case one but
 * function words.
 */
export function isCaseless(text: string): boolean {
  let capitals = 0;
  let upper = 0;
  let lower = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isLetterCode(text.charCodeAt(i))) i++;
    if (i - start < 4) continue;
    const word = text.slice(start, i);
    const up = word.toUpperCase();
    if (up === word.toLowerCase()) continue;
    if (word === up) upper++;
    else if (capitalised(word)) capitals++;
    else if (!FUNCTION_WORDS.has(fold(word)) && ++lower > 1) return false;
  }
  if (lower > 0) return upper >= 5;
  return upper >= 3 || capitals + upper >= 5;
}

/**
 * Is the match the place of a dateline: in capitals, at the start of a block, followed by a
 * comma, a dash or an agency in brackets ("WASHINGTON (AP) —", "KHAN YOUNIS, Gaza —", "PARIS —")?
 */
export function isDateline(text: string, start: number, end: number): boolean {
  for (let i = 0; i < start; i++) if (!isSpace(text.charCodeAt(i))) return false;
  const written = text.slice(start, end);
  if (written !== written.toUpperCase() || written === written.toLowerCase()) return false;
  return /^\s*(?:\(|,|[—–-]\s|\/)/.test(text.slice(end, end + 4));
}

/**
 * Does a match start a sentence: the block's first word, or the first after a full stop,
 * question or exclamation mark, colon or an opening quote or bracket? There a capital says
 * nothing about a name.
 */
export function sentenceStart(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && /[\s"“”'‘’«»([¿¡—–-]/.test(text.charAt(i - 1))) i--;
  return i === 0 || /[.!?:;…]/.test(text.charAt(i - 1));
}
