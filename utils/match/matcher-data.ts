import { ENTITY_KINDS, type EntityKind } from '../knowledge/schema';

/** Bits of a candidate's flags. */
export const CandidateFlag = {
  CaseSensitive: 1,
  RequireContext: 2,
  NeverAlone: 4,
  /** Not a mention: a context word that points to the entity. */
  Context: 8,
  /** Written with capitals ("Paris", "Gaza war"): a mention must have at least one capital. */
  Proper: 16,
  /** `candCase` holds an implicit pattern (acronyms written in capitals in the pack: `A`). */
  Acronym: 32,
  /** The alias names its own year ("2018 offensive", "Paris 2024"): its date is in the name. */
  Year: 64,
  /** The alias is an everyday word of some language too (the alias rule `everyday`). */
  Everyday: 128,
} as const;

/** Bits of `entityRole`: what kind of place an entity is, for rules about places. */
export const PlaceRole = {
  Country: 1,
  Capital: 2,
  /** A city or town (not a country, region or landmark). */
  Settlement: 4,
} as const;

/**
 * The compiled form's revision: stored matchers of another revision are rebuilt. 2: entity dates,
 * countries and place roles; implicit acronym, proper-name and year flags. 3: binary form,
 * entities in id order, popularity and country codes.
 */
export const MATCHER_FORMAT = 3;

/** Maximum words in one alias; the matcher's ring of recent word starts has this size. */
export const MAX_ALIAS_WORDS = 16;

/**
 * The compiled matcher: a word dictionary, an Aho–Corasick automaton over word ids, and the
 * candidates each matched alias stands for. Plain typed arrays and strings, so it can be stored,
 * sent and loaded without rebuilding.
 */
export interface MatcherData {
  version: 1;
  /** Open-addressing table of word hashes → word id (-1 = empty slot); capacity is a power of 2. */
  dictHash: Int32Array;
  dictWord: Int32Array;
  /** Folded characters of word `w` are `wordChars[wordStart[w] .. wordStart[w + 1])`. */
  wordStart: Uint32Array;
  wordChars: Uint16Array;
  /** Root transitions by word id (-1: stay at the root). */
  rootNext: Int32Array;
  /** Other transitions of state `s`: `transWord/transNext[transStart[s] .. transStart[s + 1])`, sorted by word. */
  transStart: Uint32Array;
  transWord: Int32Array;
  transNext: Int32Array;
  fail: Int32Array;
  /** Words from the root to each state. */
  depth: Uint8Array;
  /** Group ending at each state (-1: none), and the next state down the fail chain that has one (0: none). */
  outGroup: Int32Array;
  outLink: Int32Array;
  /** Candidates of group `g` are `[groupStart[g] .. groupStart[g + 1])`: mentions, then context cues. */
  groupStart: Uint32Array;
  /** Where group `g`'s context cues begin (its mentions are `[groupStart[g] .. groupMentionEnd[g])`). */
  groupMentionEnd: Uint32Array;
  /** The candidate index when a group names one entity with no hint but case (else -1). */
  groupSingle: Int32Array;
  /** Groups whose words are context cues for entity `e`: `contextGroups[contextStart[e] .. contextStart[e + 1])`. */
  contextStart: Uint32Array;
  contextGroups: Int32Array;
  candEntity: Int32Array;
  candFlags: Uint8Array;
  /**
   * For case-sensitive candidates, per word: `U` all capitals, `C` capital first, `-` any; for
   * implicit acronyms (flag `Acronym`), `A`: all capitals, or a capital first for words of four
   * letters or more ("Nato", "Unesco").
   */
  candCase: StringList;
  /** Entities, by index (in id order). */
  entityIds: StringList;
  entityNames: StringList;
  entityKinds: Uint8Array;
  entityPriority: Int8Array;
  /** How well known each entity is, 0–255 on a log scale of its popularity ({@link popularityCode}); 0 unknown. */
  entityPopularity: Uint8Array;
  /** Related entities of entity `e`: `related[relatedStart[e] .. relatedStart[e + 1])`. */
  relatedStart: Uint32Array;
  related: Int32Array;
  /**
   * When each entity began and ended, as `yyyymmdd` numbers (0: not known): birth and death,
   * founding and dissolution, an event's span. Partial dates take their first day (start) or
   * last day (end).
   */
  entityStart: Int32Array;
  entityEnd: Int32Array;
  /** The country entity a place is in (a country: itself; -1: none or not a place). */
  entityCountry: Int32Array;
  /**
   * The ISO 3166-1 alpha-2 code of a place's country as two letters in one number
   * ({@link countryCodeOf}; 0: none), so matchers compiled apart can find each other's countries.
   */
  entityCountryCode: Uint16Array;
  /** {@link PlaceRole} bits. */
  entityRole: Uint8Array;
  /**
   * Only for packs matched together ({@link LayeredMatcher}): for each entity, the index of the
   * same id's first entity among the packs (itself when no earlier pack has it).
   */
  entityCanon?: Int32Array;
}

/** A popularity (on the scale of Wikidata sitelinks) as a byte: 30 × log2(1 + p), at most 255. */
export function popularityCode(popularity: number | undefined): number {
  if (!popularity || popularity <= 0) return 0;
  return Math.min(255, Math.round(30 * Math.log2(1 + popularity)));
}

/** `SY` → one number; '' or anything else → 0. */
export function countryCodeOf(code: string | undefined): number {
  if (!code || !/^[A-Z]{2}$/.test(code)) return 0;
  return (code.charCodeAt(0) << 8) | code.charCodeAt(1);
}

/**
 * A list of strings read by index: an array when compiled, a table read lazily from bytes when
 * loaded (a quarter of a million names are not made into strings on every wake).
 */
export interface StringList {
  readonly length: number;
  at(index: number): string | undefined;
}

/** Every string of a list, as an array. */
export function stringsOf(list: StringList): string[] {
  const out = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list.at(i) ?? '';
  return out;
}

/** Entity kinds by code (`entityKinds` holds indices into this list): the schema's one list. */
export const KIND_CODES: readonly EntityKind[] = ENTITY_KINDS;

/**
 * `2021-08-22` → 20210822; a year or month alone gives its first day, or its last with `end`.
 * 0 when unknown.
 */
export function dayNumber(date: string | undefined, end: boolean): number {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '');
  if (!match) return 0;
  const month = match[2] ? Number(match[2]) : end ? 12 : 1;
  const day = match[3] ? Number(match[3]) : end ? 31 : 1;
  return Number(match[1]) * 10000 + month * 100 + day;
}
