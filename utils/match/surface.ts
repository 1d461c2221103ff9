/**
 * What the words around a match say about it, the way a careful editor reads it: a place inside
 * a longer capitalised name ("The New York Times", "Real Madrid", "Bank of England") is not the
 * place; a title before a surname names a person. Pure functions of a segment's text, used by the
 * resolver.
 */
import { inAddress, LETTER_OR_DIGIT } from './address';
import { capitalised, FUNCTION_WORDS, fold, isLetterCode, words } from './capitals';

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
  /** Linked into a longer name: "Bank of England", "Stade de France", "Paris 2024", "Google+". */
  Linked: 4,
  /** Inside an address, an e-mail, a path or code: never a mention. */
  Address: 5,
} as const;
export type Surface = (typeof Surface)[keyof typeof Surface];

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

function isTitle(folded: string): boolean {
  return TITLE_WORDS.has(folded) || TITLE_SUFFIX.test(folded);
}

/** A letter or digit: ASCII by arithmetic, the rest by the Unicode classes. */
function isWordCode(code: number): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
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
  // "Google+", "C#": a sign right after the name makes it another name.
  const next = text.charCodeAt(end);
  if (next === 0x2b || next === 0x23) return Surface.Linked;
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
