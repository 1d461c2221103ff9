/**
 * What the text around a match says about it, the way a careful editor reads it: a place inside
 * a longer capitalised name ("The New York Times", "Real Madrid", "Bank of England") is not the
 * place; a word inside an address or code ("…/africa/sudan-sanctions.html", `paris_export.py`)
 * is not a name; a headline in title case says nothing with its capitals. Pure functions of a
 * segment's text, used by the resolver.
 */

/** How a match sits in its text. */
export const Surface = {
  /** Nothing against it. */
  Clear: 0,
  /** Could be the name, but the capitals cannot tell (title-case or all-capitals text). */
  Doubtful: 1,
  /** Part of a longer name that starts before it ("Ivanka Trump", "Real Madrid"). */
  NameTail: 2,
  /** Part of a longer name that goes on after it ("Sydney Morning Herald", "Trump Tower"). */
  NameHead: 3,
  /** Linked into a longer name: "Bank of England", "Stade de France", "Paris 2024". */
  Linked: 4,
  /** Inside an address, an e-mail, a path or code: never a mention. */
  Address: 5,
} as const;
export type Surface = (typeof Surface)[keyof typeof Surface];

const fold = (word: string) =>
  word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'");

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean).map(fold));

/**
 * Words that start sentences or link names without being part of them: articles, prepositions,
 * conjunctions, pronouns and sentence adverbs in the languages of the corpus. A capitalised one
 * before a name is the sentence's first word ("In Paris"), not a name's.
 */
const FUNCTION_WORDS = words(`
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

/**
 * Titles and offices written before a name ("President Macron", "Kanzler Scholz", "Mr Starmer"),
 * and words that follow one ("Ukraine President", "Nato Secretary General"): a capitalised title
 * next to a name does not make a longer name.
 */
const TITLE_WORDS = words(`
  mr mrs ms miss dr prof sir dame lord lady president vice prime minister premier chancellor
  king queen prince princess emperor empress emir sheikh sultan crown pope cardinal archbishop
  bishop ayatollah imam rabbi general gen colonel col major lieutenant lt captain capt sergeant
  admiral marshal commander chief secretary senator sen representative rep congressman
  congresswoman governor gov mayor judge justice ambassador envoy speaker leader deputy foreign
  defence defense interior finance economy health home attorney spokesman spokeswoman
  spokesperson director chairman chairwoman chair commissioner minister chief-executive ceo
  coach manager captain striker goalkeeper midfielder defender winger forward
  former acting interim new old late
  monsieur madame president presidente presidenta ministre ministro ministra premier rey reina
  herr frau prasident prasidentin kanzler kanzlerin bundeskanzler bundeskanzlerin
  bundesprasident ministerprasident aussenminister aussenministerin regierungschef staatschef
  burgermeister hauptstadt stadt premierminister
  pan pani prezident prezidentka premier ministr ministryne
`);

/** Words after a place that make it an area, not the city: "New York state", "Zaporizhzhia region". */
const AREA_WORDS = words(`
  state province region oblast county governorate prefecture district voivodeship canton
  department territory
`);

/** Weekdays and months: "in London Monday", "Paris March 3" do not make a longer name. */
const CALENDAR_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december
`);

/** Words linking the parts of an organisation's name: "Bank of England", "Stade de France". */
const CONNECTORS = words('of de du des del da do dos das di della');

/**
 * Heads of names that take "of" and a place: "Bank of England", "Stade de France", "University
 * of Sydney", "Gulf of Mexico". ("Vinčić of Slovenia" is a person from a country.)
 */
const NAME_HEADS = words(`
  bank banco banque bourse university universidad universidade universite universita college
  school church museum museo musee stade estadio stadium gulf golfo bay port duke duchess earl
  city club hotel hospital palace palacio palais institute instituto council court tribunal
  ministry ministerio department office academy society league federation association union
  party fund centre center airport aeropuerto aeroporto archbishop diocese order statue tower
  theatre theater opera orchestra festival grand prix cup
`);

/** Words that make a place's name into another place's: "Port Sudan", "Northern Ireland". */
const GEO_HEADS = words(`
  port north south east west northern southern eastern western central new old upper lower
  greater little great saint san santa sao st mount lake fort cape gulf bay nova nueva novo
`);

/** Suffixes of German compound titles: "US-Präsident", "Außenministerin", "Hauptstadt". */
const TITLE_SUFFIX =
  /(?:prasident(?:in)?|minister(?:in)?|kanzler(?:in)?|chef(?:in)?|sprecher(?:in)?|meister(?:in)?|stadt)$/;

/** Is this word written with a capital first letter (in a cased script)? */
function capitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

function isTitle(folded: string): boolean {
  return TITLE_WORDS.has(folded) || TITLE_SUFFIX.test(folded);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ADDRESS_CHARS = /[/\\:@.=<>{}|#&+*~^_()]|[a-z][A-Z]/;

/** A letter or digit: ASCII by arithmetic, the rest by the Unicode classes. */
function isWordCode(code: number): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER.test(String.fromCharCode(code));
}

const LETTER = /\p{L}/u;

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x202f
  );
}
/** Spaces inside a line: a line break ends a name. */
function isInlineSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f;
}

interface Neighbour {
  word: string;
  folded: string;
  /** Where the word starts (for the word before it). */
  start: number;
}

/** The word right before `start`, when only spaces separate them (no punctuation, no line end). */
function wordBefore(text: string, start: number): Neighbour | null {
  let i = start;
  let spaces = 0;
  while (i > 0 && isInlineSpace(text.charCodeAt(i - 1))) {
    i--;
    spaces++;
  }
  // Punctuation (a full stop included: "…at the White House. Taiwan's") ends the name.
  if (spaces === 0 || i === 0 || !isWordCode(text.charCodeAt(i - 1))) return null;
  const end = i;
  while (i > 0 && isWordCode(text.charCodeAt(i - 1))) i--;
  const word = text.slice(i, end);
  return { word, folded: fold(word), start: i };
}

/** The word right after `end`, skipping a possessive ("Britain's Prime Minister" is Britain's). */
function wordAfter(text: string, end: number): Neighbour | null {
  let i = end;
  if (/^['’]s\b/.test(text.slice(i, i + 3))) return null;
  let spaces = 0;
  while (i < text.length && isInlineSpace(text.charCodeAt(i))) {
    i++;
    spaces++;
  }
  if (spaces === 0) return null;
  const start = i;
  while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
  const word = text.slice(start, i);
  return word ? { word, folded: fold(word), start } : null;
}

/** Is a word before a name part of a longer name with it? */
function namePartBefore(neighbour: Neighbour): boolean {
  if (!capitalised(neighbour.word) || isTitle(neighbour.folded)) return false;
  if (FUNCTION_WORDS.has(neighbour.folded) || CALENDAR_WORDS.has(neighbour.folded)) return false;
  if (/^\d/.test(neighbour.word)) return false;
  // An all-capitals short word is an acronym naming something else ("US President", "EU leaders").
  return !(neighbour.word.length <= 4 && neighbour.word === neighbour.word.toUpperCase());
}

/**
 * How a match `text[start, end)` sits in its text. `caseless` is true when the segment's capitals
 * carry no information (see {@link isCaseless}).
 */
export function surfaceOf(
  text: string,
  start: number,
  end: number,
  caseless: boolean | (() => boolean),
): Surface {
  if (inAddress(text, start, end)) return Surface.Address;
  const before = wordBefore(text, start);
  const after = wordAfter(text, end);
  // A year after a place names an event: "Paris 2024", "Euro 2024", "Qatar 2022".
  if (after && /^(?:19|20)\d\d$/.test(after.word)) return Surface.Linked;
  const part = longerName(text, before, after);
  if (part === Surface.Clear) return part;
  // In a title-case headline a capitalised neighbour proves nothing either way.
  return (typeof caseless === 'function' ? caseless() : caseless) ? Surface.Doubtful : part;
}

function longerName(text: string, before: Neighbour | null, after: Neighbour | null): Surface {
  if (before) {
    // "Port Sudan", "Northern Ireland", "New Mexico": another place, not a person's surname.
    if (namePartBefore(before))
      return GEO_HEADS.has(before.folded) ? Surface.Linked : Surface.NameTail;
    if (CONNECTORS.has(before.folded) && !capitalised(before.word)) {
      // "Bank of England", "Stade de France": the head of an institution's name, "of", a place
      // (but "Residents of Daraa", "Vinčić of Slovenia" are not names of institutions).
      const outer = wordBefore(text, before.start);
      if (outer && NAME_HEADS.has(outer.folded) && capitalised(outer.word)) return Surface.Linked;
    }
  }
  if (after && capitalised(after.word) && !isTitle(after.folded)) {
    if (!FUNCTION_WORDS.has(after.folded) && !CALENDAR_WORDS.has(after.folded)) {
      if (!(after.word.length <= 4 && after.word === after.word.toUpperCase()))
        return Surface.NameHead;
    }
  }
  return Surface.Clear;
}

/** Is a place named here as an area ("New York state", "the Zaporizhzhia region", "upstate New York")? */
export function namesArea(text: string, start: number, end: number): boolean {
  const after = wordAfter(text, end);
  if (after && AREA_WORDS.has(after.folded)) return true;
  const before = wordBefore(text, start);
  return before?.folded === 'upstate';
}

/**
 * Is the match a bare noun after a lower-case "the" ("along the Dnipro and…": a river, not the
 * city)? "The London venue" uses the city as an adjective and is not doubtful.
 */
export function afterThe(text: string, start: number, end: number): boolean {
  const before = wordBefore(text, start);
  if (before?.word !== 'the') return false;
  const after = wordAfter(text, end);
  return !after || FUNCTION_WORDS.has(after.folded) || capitalised(after.word);
}

/**
 * Does the text around a match make it part of an address, an e-mail, a path or code? The
 * whitespace-delimited token holding the match is read whole.
 */
export function inAddress(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
  while (to < text.length && !isSpace(text.charCodeAt(to))) to++;
  if (to - from === end - start) return false;
  const token = text.slice(from, to);
  // Most tokens are a word and a comma: nothing an address or code is made of.
  if (!ADDRESS_CHARS.test(token)) return false;
  if (
    /:\/\/|^www\.|@\w|\w\.(?:com|org|net|gov|edu|int|info|io|co|uk|fr|de|es|it|ru|cz|br|ar|jp|html?|php|aspx?|jsp|pdf|jpe?g|png|gif|svg|json|xml|txt|csv|py|js|ts|zip)\b/i.test(
      token,
    )
  )
    return true;
  if ((token.match(/\//g)?.length ?? 0) >= 2 || /\\/.test(token)) return true;
  // Code-like: snake_case, assignments, calls, #hashes glued to words, @handles.
  if (/[_=<>{}|]|::|\w\(\)|^[#@]|[a-z][A-Z]\w*[A-Z]/.test(token)) return true;
  // A name glued to letters by a symbol ("AT&T", "R+D") is inside another word.
  const left = text.charAt(start - 1);
  const right = text.charAt(end);
  return (
    (/[&+*~^]/.test(left) && LETTER_OR_DIGIT.test(text.charAt(start - 2))) ||
    (/[&+*~^]/.test(right) && LETTER_OR_DIGIT.test(text.charAt(end + 1)))
  );
}

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

/** Titles written before a surname, with or without a full stop ("Mr. Trump", "Sen Warren"). */
const SURNAME_TITLES = words(`
  mr mrs ms mx dr prof sir dame lord lady president presidente senator sen governor gov
  representative rep congressman congresswoman chancellor premier minister secretary mayor judge
  justice general gen colonel col lieutenant lt captain capt sergeant sgt admiral marshal king
  queen prince princess sheikh emir sultan ayatollah pope cardinal bishop rabbi imam ambassador
  speaker chairman chairwoman commissioner coach manager m mme mlle herr frau sr sra srta don dona
  senador senadora ministra ministro presidenta diputado diputada kanzler kanzlerin
`);

/**
 * Is the word before a match a title that goes before a surname ("Mr. Trump", "President
 * Obama", "Sen. Warren", "Prime Minister Sunak")? Then a lone surname names a person.
 */
export function titleBefore(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && isInlineSpace(text.charCodeAt(i - 1))) i--;
  if (i === start) return false;
  if (text.charCodeAt(i - 1) === 0x2e) i--; // "Mr." "Sen."
  const end = i;
  while (i > 0 && isLetterCode(text.charCodeAt(i - 1))) i--;
  if (i === end) return false;
  const word = text.slice(i, end);
  return capitalised(word) && SURNAME_TITLES.has(fold(word));
}

/** Words after a surname that make it the person's ("the Obama administration", "the Trump campaign"). */
const OF_A_PERSON = words(`
  administration administrations presidency campaign cabinet government era years family
  camp doctrine team
`);

/** Is the match followed by a word that makes it a person's government or campaign? */
export function governmentAfter(text: string, end: number): boolean {
  const after = wordAfter(text, end);
  return !!after && !capitalised(after.word) && OF_A_PERSON.has(after.folded);
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

/**
 * Is the match the tail of a name joined by "de", "del", "of"… to a capitalised word before it
 * ("Balón de Oro", "Frente de Todos", "Partido de los Trabajadores")? An everyday word there is
 * part of that name.
 */
export function tailOfLinkedName(text: string, start: number): boolean {
  let before = wordBefore(text, start);
  // "de los", "de la", "do", "das": skip an article after the connector.
  if (before && ARTICLES.has(before.folded) && !capitalised(before.word))
    before = wordBefore(text, before.start);
  if (!before || !CONNECTORS.has(before.folded) || capitalised(before.word)) return false;
  const head = wordBefore(text, before.start);
  return !!head && capitalised(head.word) && !FUNCTION_WORDS.has(head.folded);
}

const ARTICLES = words('la las los le les el lo il gli the');
