import type { RawMatch } from './matcher';

/** A mention the resolver accepted: `text[start, end)` of a segment names entity `entity`. */
export interface ResolvedMention {
  start: number;
  end: number;
  entity: number;
}

/** A candidate chosen for a span; `needsPresence`: marked only once the page names it clearly. */
export type Choice = ResolvedMention & { needsPresence: boolean };

/**
 * Popularity (0–255) counts for at most 8 points: among namesakes the page says nothing about,
 * the best known is the usual referent, but a pack's priority and any context outweigh it.
 */
const POPULARITY_DIVISOR = 32;
/**
 * How much better known (in popularity code: 20 ≈ 1.6 times the Wikipedias) the most popular of
 * namesakes the page says nothing about must be to be taken as the usual referent.
 */
const POPULARITY_MARGIN = 20;

/** What the words around a match say, read once per span. */
export interface SpanEvidence {
  /** A title before it or a government word after it: a surname names a person. */
  title: boolean;
  /** It is a dateline's place. */
  dateline: boolean;
  /** It starts a sentence, where a capital proves nothing. */
  sentenceStart: boolean;
}

/** A scored candidate: `basis` is everything but popularity. */
export interface Scored {
  choice: Choice;
  basis: number;
  popularity: number;
  /** A country or settlement that can be marked now (nothing makes it wait). */
  place?: boolean;
  /**
   * An organisation called by a place's name that waits for its full name ("Stuttgart" for VfB
   * Stuttgart, not yet named on the page): it gives the name to a place that can take it.
   */
  standsAside?: boolean;
}

/**
 * The best candidate of a span, and the best of the other entities: when nothing but popularity
 * tells them apart and neither is much better known, the name is in doubt and waits (a clear
 * mention of one of them elsewhere on the page settles it). An organisation that waits for its
 * full name does not keep a place from the name meanwhile.
 */
export class Ranking {
  private best: Scored | null = null;
  private second: Scored | null = null;
  private bestPlace: Scored | null = null;

  constructor(private readonly canon: (entity: number) => number) {}

  add(candidate: Scored): void {
    if (candidate.place && (!this.bestPlace || score(candidate) > score(this.bestPlace)))
      this.bestPlace = candidate;
    const best = this.best;
    if (!best || score(candidate) > score(best)) {
      if (best && this.canon(best.choice.entity) !== this.canon(candidate.choice.entity))
        this.second = best;
      this.best = candidate;
    } else if (
      this.canon(best.choice.entity) !== this.canon(candidate.choice.entity) &&
      (!this.second || score(candidate) > score(this.second))
    )
      this.second = candidate;
  }

  choice(): Choice | null {
    const { best, second } = this;
    if (!best) return null;
    if (best.standsAside && this.bestPlace) return this.bestPlace.choice;
    if (
      second &&
      best.basis === second.basis &&
      best.popularity - second.popularity < POPULARITY_MARGIN
    )
      return { ...best.choice, needsPresence: true };
    return best.choice;
  }
}

function score(candidate: Scored): number {
  return candidate.basis + candidate.popularity / POPULARITY_DIVISOR;
}

/** Do two matches cover the same text? */
export function sameAs(a: RawMatch | undefined, b: RawMatch): boolean {
  return !!a && a.start === b.start && a.end === b.end;
}

/** Does another match (of another pack) cover exactly the text of match `r`? */
export function sameSpan(raws: readonly RawMatch[], r: number): boolean {
  const raw = raws[r] as RawMatch;
  return sameAs(raws[r - 1], raw) || sameAs(raws[r + 1], raw);
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
