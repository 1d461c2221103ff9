/**
 * The shapes live discovery's candidate names are made of: a name proposed on the page, a span
 * the packs marked, a word of a block. Shared by the Latin-script proposer (`candidates.ts`) and
 * the Arabic one (`arabic-candidates.ts`).
 */

/** One proposed name on the page: `text[start, end)` of its block. */
export interface Candidate {
  start: number;
  end: number;
  /** Its words, as written ("Katalin", "Karikó"), and where each starts in the block. */
  words: string[];
  starts: number[];
  /** Its first word opens a sentence (or the block): its capital proves nothing. */
  initial: boolean;
  /** `latin` (capitalised run) or `cue` (after a title, in Arabic). */
  by: 'latin' | 'cue';
}

/** A span the packs marked. */
export type Span = readonly [start: number, end: number];

/** Does `[start, end)` overlap any of `spans`? */
export const overlaps = (start: number, end: number, spans: readonly Span[]) =>
  spans.some(([from, to]) => start < to && from < end);

/** Words of a block with their positions. */
export interface Token {
  word: string;
  start: number;
  end: number;
  capital: boolean;
  /** A name ends with this word ("Washington" of "Washington-based"). */
  last?: boolean;
}
