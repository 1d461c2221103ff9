import type { Candidate, Span } from './candidate';
import { proposeCandidates, settleCandidate } from './candidates';
import { isFunctionWord } from './everyday-words';
import { contentWords } from './text';

/**
 * Live discovery's view of one page, pure: the names its packs did not mark, gathered batch by
 * batch, with what is needed to judge them once the page has been read (the words it writes in
 * lower case, its content words), and the marks to send once names are chosen. Blocks are known
 * by the page's segment numbers; only blocks holding candidates are kept.
 */

/** A name to look up, with how much the page uses it (most used, longest, first asked first). */
export interface NameToAsk {
  name: string;
  count: number;
  words: number;
  first: number;
}

/** One settled occurrence of a name in a block. */
interface Occurrence {
  key: number;
  start: number;
  end: number;
  name: string;
}

/** Fold for comparing words: lower case, no diacritics. */
const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export class DiscoveryPage {
  /** Words the page writes in lower case somewhere: its everyday words. */
  private readonly lowercase = new Set<string>();
  /** Words of the names the packs marked: one of them alone is that name again ("Hemsworth"). */
  private readonly packWords = new Set<string>();
  /** The page's content words, for choosing among pages. */
  readonly words = new Set<string>();
  /** Candidates per block, with the spans the packs marked there. */
  private readonly blocks = new Map<
    number,
    { candidates: Candidate[]; taken: Span[]; order: number }
  >();
  /** Marks already sent, per block (never sent twice). */
  private readonly sent = new Set<string>();
  private order = 0;

  constructor(
    readonly session: string,
    readonly lang: string,
  ) {}

  /** Read a batch: each block's text and the spans the packs marked in it. */
  observe(
    blocks: readonly { key: number; text: string }[],
    taken: ReadonlyMap<number, Span[]>,
  ): void {
    for (const { key, text } of blocks) {
      for (const word of text.match(/\p{Ll}[\p{L}\p{M}]*/gu) ?? []) this.lowercase.add(fold(word));
      for (const word of contentWords(text)) this.words.add(word);
      const spans = [...(taken.get(key) ?? [])];
      for (const [start, end] of spans)
        for (const word of text.slice(start, end).match(/[\p{L}\p{M}]+/gu) ?? [])
          this.packWords.add(fold(word));
      const candidates = proposeCandidates(text, spans);
      if (candidates.length > 0)
        this.blocks.set(key, { candidates, taken: spans, order: this.order++ });
      else this.blocks.delete(key);
    }
  }

  /** The packs marked more in a block since (a mention released by a later batch). */
  markTaken(key: number, span: Span): void {
    this.blocks.get(key)?.taken.push(span);
  }

  /** Is a word one of the page's everyday words (written in lower case on it, or a function word)? */
  everyday = (word: string): boolean => {
    const folded = fold(word);
    return this.lowercase.has(folded) || isFunctionWord(folded);
  };

  /** Every occurrence, settled with what the page is known to say so far. */
  private occurrences(): Occurrence[] {
    const out: Occurrence[] = [];
    for (const [key, block] of this.blocks)
      for (const candidate of block.candidates) {
        const settled = settleCandidate(candidate, this.everyday);
        if (settled) out.push({ key, start: settled.start, end: settled.end, name: settled.name });
      }
    return out;
  }

  /**
   * Is a one-word name part of a longer name on the page (the packs' marks, or another
   * candidate): a surname or first name alone, which means that person, not its own page.
   */
  partOfLonger(name: string, longer: readonly string[]): boolean {
    if (/\s/.test(name)) return false;
    const folded = fold(name);
    if (this.packWords.has(folded)) return true;
    return longer.some((full) => full.split(/\s+/).some((word) => fold(word) === folded));
  }

  /** The names on the page, most used first. */
  names(): NameToAsk[] {
    const byName = new Map<string, NameToAsk>();
    let position = 0;
    for (const { name } of this.occurrences()) {
      const known = byName.get(name);
      if (known) known.count++;
      else byName.set(name, { name, count: 1, words: name.split(/\s+/).length, first: position });
      position++;
    }
    return [...byName.values()];
  }

  /** Blocks whose candidates are not settled yet (the page keeps them until they are). */
  keys(): number[] {
    return [...this.blocks.keys()];
  }

  /**
   * The marks of the names chosen (`ref` by name), as `[key, start, end, ref]` quadruples: each
   * occurrence once, never over a pack's mark, longer names first where two would overlap.
   */
  marks(refOf: (name: string) => number | undefined): number[] {
    const out: number[] = [];
    const byBlock = new Map<number, Occurrence[]>();
    for (const occurrence of this.occurrences()) {
      if (refOf(occurrence.name) === undefined) continue;
      const list = byBlock.get(occurrence.key) ?? [];
      list.push(occurrence);
      byBlock.set(occurrence.key, list);
    }
    for (const [key, list] of byBlock) {
      const taken: Span[] = [...(this.blocks.get(key)?.taken ?? [])];
      for (const occurrence of list.sort((a, b) => b.end - b.start - (a.end - a.start))) {
        const { start, end } = occurrence;
        if (taken.some(([from, to]) => start < to && from < end)) continue;
        taken.push([start, end]);
        const id = `${key}:${start}:${end}`;
        if (this.sent.has(id)) continue;
        this.sent.add(id);
        out.push(key, start, end, refOf(occurrence.name) as number);
      }
    }
    return out;
  }

  /** Forget blocks (their marks are sent, or they left the page). */
  forget(keys: Iterable<number>): void {
    for (const key of keys) this.blocks.delete(key);
  }
}

/**
 * Spans of text a matcher's answer took, by block: from flat tuples of `size` numbers each,
 * `[block, start, end, …]` (mentions carry an entity after the end; suppressed marks do not),
 * added to `into`.
 */
export function spansByBlock(
  flat: readonly number[],
  size: 3 | 4,
  into = new Map<number, Span[]>(),
): Map<number, Span[]> {
  for (let i = 0; i + size - 1 < flat.length; i += size) {
    const block = flat[i] as number;
    const list = into.get(block) ?? [];
    list.push([flat[i + 1] as number, flat[i + 2] as number]);
    into.set(block, list);
  }
  return into;
}
