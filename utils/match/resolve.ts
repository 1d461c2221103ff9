import type { RawMatch } from './matcher';
import { CandidateFlag, type MatcherData } from './matcher-data';
import { tokenize } from './tokenize';

/** A mention the resolver accepted: `text[start, end)` of a segment names entity `entity`. */
export interface ResolvedMention {
  start: number;
  end: number;
  entity: number;
}

/** A segment of page text (one block's inline text) with what the matcher found in it. */
export interface MatchedSegment<K> {
  /** Whatever the caller needs to find the segment again (its DOM text map). */
  key: K;
  text: string;
  raws: RawMatch[];
}

/** A mention accepted late: it waited (`neverAlone`) until its entity was named another way. */
export interface ReleasedMention<K> {
  key: K;
  match: ResolvedMention;
}

type Choice = ResolvedMention & { neverAlone: boolean };

/** Context counts per entity within one segment, from {@link Resolver.observe}. */
export type LocalContext = Map<number, number>;

const SEGMENT_CONTEXT_WEIGHT = 100;
const PAGE_CONTEXT_WEIGHT = 10;
/** Waiting short names kept per page; a long live page should not hold on to text forever. */
const MAX_PENDING = 2000;

/**
 * Chooses, for each alias match, the entity it names — or none. Keeps page-wide state (context
 * words seen, entities clearly present) so that later text, arriving on a live page, is resolved
 * with everything seen before.
 *
 * Rules: a case-sensitive alias must keep its capitals; a `requireContext` alias needs one of its
 * entity's context words or a related entity in the same block or on the page; among namesakes
 * the one with more context wins, then the higher priority; `neverAlone` aliases wait until the
 * entity is named another way; finally, leftmost-longest: a longer name beats the shorter names
 * inside it.
 */
export class Resolver<K> {
  private readonly pageContext: Int32Array;
  private readonly present: Uint8Array;
  private pending: ReleasedMention<K>[] = [];

  constructor(private readonly data: MatcherData) {
    this.pageContext = new Int32Array(data.entityIds.length);
    this.present = new Uint8Array(data.entityIds.length);
  }

  /** Has the page clearly named this entity (by an alias that needs no help)? */
  isPresent(entity: number): boolean {
    return this.present[entity] === 1;
  }

  /**
   * Resolve a batch of segments: the accepted mentions of each, in text order, and the waiting
   * mentions of earlier batches that this batch released. Same as {@link observe} on every
   * segment, then {@link decide} on every segment, then {@link release}.
   */
  resolve(segments: MatchedSegment<K>[]): {
    mentions: ResolvedMention[][];
    released: ReleasedMention<K>[];
  } {
    const local = segments.map((segment) => this.observe(segment));
    const mentions = segments.map((segment, s) => this.decide(segment, local[s] as LocalContext));
    return { mentions, released: this.release() };
  }

  /**
   * First look at a segment: count its context words and the entities it names clearly, page-wide.
   * Observe everything available before deciding, so early paragraphs benefit from later context.
   */
  observe(segment: MatchedSegment<K>): LocalContext {
    return this.collectContext(segment);
  }

  /** Choose the mentions of an observed segment, in text order; short names may wait (see {@link release}). */
  decide(segment: MatchedSegment<K>, local: LocalContext): ResolvedMention[] {
    const choices: Choice[] = [];
    for (const raw of segment.raws) {
      const choice = this.choose(segment.text, raw, local);
      if (choice) choices.push(choice);
    }
    const kept: ResolvedMention[] = [];
    for (const choice of leftmostLongest(choices)) {
      const match = { start: choice.start, end: choice.end, entity: choice.entity };
      if (!choice.neverAlone || this.present[choice.entity] === 1) kept.push(match);
      else if (this.pending.length < MAX_PENDING) this.pending.push({ key: segment.key, match });
    }
    return kept;
  }

  /** Waiting short names whose entity has since been named in full: they can be painted now. */
  release(): ReleasedMention<K>[] {
    const released: ReleasedMention<K>[] = [];
    const still: ReleasedMention<K>[] = [];
    for (const item of this.pending)
      (this.present[item.match.entity] === 1 ? released : still).push(item);
    this.pending = still;
    return released;
  }

  /** Forget waiting mentions whose segments are gone (removed from the page). */
  dropPending(isGone: (key: K) => boolean): void {
    this.pending = this.pending.filter((item) => !isGone(item.key));
  }

  /** Count context cues and clear presences in one segment, recording them page-wide too. */
  private collectContext(segment: MatchedSegment<K>): LocalContext {
    const { groupStart, candEntity, candFlags } = this.data;
    const local: LocalContext = new Map();
    const bump = (entity: number) => {
      local.set(entity, (local.get(entity) ?? 0) + 1);
      this.pageContext[entity] = (this.pageContext[entity] as number) + 1;
    };
    for (const raw of segment.raws) {
      const from = groupStart[raw.group] as number;
      const to = groupStart[raw.group + 1] as number;
      let mentionCandidates = 0;
      let only = -1;
      for (let c = from; c < to; c++) {
        if ((candFlags[c] as number) & CandidateFlag.Context) bump(candEntity[c] as number);
        else {
          mentionCandidates++;
          only = c;
        }
      }
      if (mentionCandidates !== 1) continue;
      const lastEntity = candEntity[only] as number;
      const plain = !(
        (candFlags[only] as number) &
        (CandidateFlag.RequireContext | CandidateFlag.NeverAlone)
      );
      if (plain && this.caseMatches(segment.text, raw, only)) {
        this.present[lastEntity] = 1;
        // A clear mention is context for the entities it is related to.
        const { relatedStart, related } = this.data;
        for (
          let r = relatedStart[lastEntity] as number;
          r < (relatedStart[lastEntity + 1] as number);
          r++
        ) {
          bump(related[r] as number);
        }
      }
    }
    return local;
  }

  private choose(text: string, raw: RawMatch, local: Map<number, number>): Choice | null {
    const { groupStart, candEntity, candFlags, entityPriority } = this.data;
    let best: Choice | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let c = groupStart[raw.group] as number; c < (groupStart[raw.group + 1] as number); c++) {
      const flags = candFlags[c] as number;
      if (flags & CandidateFlag.Context) continue;
      if (flags & CandidateFlag.CaseSensitive && !this.caseMatches(text, raw, c)) continue;
      const entity = candEntity[c] as number;
      const near = local.get(entity) ?? 0;
      const onPage = this.pageContext[entity] as number;
      if (flags & CandidateFlag.RequireContext && near + onPage === 0) continue;
      const score =
        SEGMENT_CONTEXT_WEIGHT * Math.min(near, 9) +
        PAGE_CONTEXT_WEIGHT * Math.min(onPage, 9) +
        (entityPriority[entity] as number);
      if (score > bestScore) {
        bestScore = score;
        best = {
          start: raw.start,
          end: raw.end,
          entity,
          neverAlone: (flags & CandidateFlag.NeverAlone) !== 0,
        };
      }
    }
    return best;
  }

  private caseMatches(text: string, raw: RawMatch, candidate: number): boolean {
    const pattern = this.data.candCase[candidate] ?? '';
    if (!pattern) return true;
    const words = tokenize(text.slice(raw.start, raw.end));
    if (words.length !== pattern.length) return true;
    return words.every((word, i) => {
      const written = text.slice(raw.start + word.start, raw.start + word.end);
      const rule = pattern[i];
      if (rule === 'U') return written === written.toUpperCase();
      if (rule === 'C') return written.charAt(0) !== written.charAt(0).toLowerCase();
      return true;
    });
  }
}

/** Keep the leftmost match, the longest among those starting together; drop what overlaps it. */
export function leftmostLongest<T extends ResolvedMention>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let reach = -1;
  for (const match of sorted) {
    if (match.start >= reach) {
      kept.push(match);
      reach = match.end;
    }
  }
  return kept;
}
