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

/** What one segment holds, from {@link Resolver.observe}: the alias groups met and the entities clearly named. */
export interface LocalContext {
  groups: Set<number>;
  present: Set<number>;
}

/** What the resolver may know about the page beyond its text. */
export interface ResolverOptions {
  /** When the article was published, `YYYY-MM-DD` (or `YYYY-MM`): chooses among namesakes by date. */
  articleDate?: string;
}

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
  /** Alias groups (names and context words) met anywhere on the page. */
  private readonly pageGroups: Uint8Array;
  private readonly present: Uint8Array;
  private pending: ReleasedMention<K>[] = [];

  constructor(
    private readonly data: MatcherData,
    private readonly options: ResolverOptions = {},
  ) {
    this.pageGroups = new Uint8Array(data.groupStart.length - 1);
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

  /**
   * Note the groups a segment meets and the entities it names clearly (one candidate, no hint
   * but case), page-wide and for the segment. Constant work per match, however many entities
   * a word is a cue for: the cues are read only when a choice needs them.
   */
  private collectContext(segment: MatchedSegment<K>): LocalContext {
    const { groupSingle, candEntity } = this.data;
    const local: LocalContext = { groups: new Set(), present: new Set() };
    for (const raw of segment.raws) {
      local.groups.add(raw.group);
      this.pageGroups[raw.group] = 1;
      const single = groupSingle[raw.group] as number;
      if (single >= 0 && this.caseMatches(segment.text, raw, single)) {
        const entity = candEntity[single] as number;
        this.present[entity] = 1;
        local.present.add(entity);
      }
    }
    return local;
  }

  /** How much the segment, and the page, point to an entity: its context words and related entities met. */
  private contextOf(entity: number, local: LocalContext): { near: number; onPage: number } {
    const { contextStart, contextGroups, relatedStart, related } = this.data;
    let near = 0;
    let onPage = 0;
    for (let i = contextStart[entity] as number; i < (contextStart[entity + 1] as number); i++) {
      const group = contextGroups[i] as number;
      if (local.groups.has(group)) near++;
      if (this.pageGroups[group] === 1) onPage++;
    }
    for (let i = relatedStart[entity] as number; i < (relatedStart[entity + 1] as number); i++) {
      const other = related[i] as number;
      if (local.present.has(other)) near++;
      if (this.present[other] === 1) onPage++;
    }
    return { near, onPage };
  }

  private choose(text: string, raw: RawMatch, local: LocalContext): Choice | null {
    const { groupStart, groupMentionEnd, candEntity, candFlags, entityPriority } = this.data;
    let best: Choice | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    const from = groupStart[raw.group] as number;
    const to = groupMentionEnd[raw.group] as number;
    for (let c = from; c < to; c++) {
      const flags = candFlags[c] as number;
      if (flags & CandidateFlag.CaseSensitive && !this.caseMatches(text, raw, c)) continue;
      const entity = candEntity[c] as number;
      // A lone candidate with no hint needs no context to be chosen.
      const { near, onPage } =
        to - from === 1 && !(flags & CandidateFlag.RequireContext)
          ? { near: 0, onPage: 0 }
          : this.contextOf(entity, local);
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
