import { ENTITY_KINDS, type EntityKind } from '../knowledge/schema';

/** Bits of a candidate's flags. */
export const CandidateFlag = {
  CaseSensitive: 1,
  RequireContext: 2,
  NeverAlone: 4,
  /** Not a mention: a context word that points to the entity. */
  Context: 8,
} as const;

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
  /** For case-sensitive candidates, per word: `U` all capitals, `C` capital first, `-` any. */
  candCase: string[];
  /** Entities, by index. */
  entityIds: string[];
  entityNames: string[];
  entityKinds: Uint8Array;
  entityPriority: Int8Array;
  /** Related entities of entity `e`: `related[relatedStart[e] .. relatedStart[e + 1])`. */
  relatedStart: Uint32Array;
  related: Int32Array;
}

/** Entity kinds by code (`entityKinds` holds indices into this list): the schema's one list. */
export const KIND_CODES: readonly EntityKind[] = ENTITY_KINDS;
