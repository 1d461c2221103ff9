import type { DateEvidence } from '../article-date/signals';
import type { FoundEntity, MatchAnswer } from '../messages/protocol';
import type { TextSegment } from './scan';

/** A mention as the background found it, placed in the page's segments. */
export interface FoundMention {
  segment: TextSegment;
  start: number;
  end: number;
  entity: FoundEntity;
}

/** One batch of page text as sent to the background. */
export interface MatchBatch {
  session: string;
  key: string;
  ids: number[];
  texts: string[];
  evidence?: DateEvidence;
  lang?: string;
}

/** What else the page side of matching is given. */
export interface RemoteOptions {
  /** The language the page declares: sent once, with the first batch. */
  lang?: string | undefined;
  /** Mentions the background found later (live discovery), once the page has sent its text. */
  onLate?: (found: FoundMention[]) => void;
  /** The page session's end: no more questions, no late mentions. */
  signal?: AbortSignal;
}

/** How long after the last answer that said more is coming the page asks for it. */
const LATE_ASK_MS = 250;
/** Most times a page session asks for late mentions (each after new text was sent). */
const MAX_LATE_ASKS = 20;

/** The packs changed while the page was being matched: the page starts over with the new ones. */
export class StaleMatcherError extends Error {
  constructor(readonly key: string) {
    super('The knowledge packs changed');
  }
}

/**
 * The page side of matching. The page never holds the matcher or the packs: segments of text go
 * to the background in batches, offsets and entities come back. One per page session; it keeps
 * the segments whose mentions wait for their entity to be named in full, and the entities met.
 */
export class RemoteMatcher {
  private nextId = 0;
  private readonly entities = new Map<number, FoundEntity>();
  private waiting = new Map<number, TextSegment>();
  private evidence: DateEvidence | undefined;
  private lang: string | undefined;
  private inFlight = 0;
  private lateTimer: ReturnType<typeof setTimeout> | undefined;
  private lateAsks = 0;

  /**
   * @param send asks the background to match a batch
   * @param key the packs' key the page started with; '' when the first batch goes with the
   *   question how to mark the page, and the first answer's key is the page's from then on
   * @param evidence what the page says about its date: sent once, with the first batch
   */
  constructor(
    private readonly send: (batch: MatchBatch) => Promise<MatchAnswer>,
    readonly session: string,
    private key: string,
    evidence?: DateEvidence,
    private readonly options: RemoteOptions = {},
  ) {
    this.evidence = evidence;
    this.lang = options.lang;
    options.signal?.addEventListener('abort', () => clearTimeout(this.lateTimer), { once: true });
  }

  /** An entity met on this page, by its session number. */
  entity(ref: number): FoundEntity | undefined {
    return this.entities.get(ref);
  }

  /** How many entities the background has described to this session (what it counts on the badge). */
  get entityCount(): number {
    return this.entities.size;
  }

  /** Forget waiting segments (their text is being read again, or left the page). */
  forgetWaiting(isGone: (segment: TextSegment) => boolean): void {
    for (const [id, segment] of this.waiting) if (isGone(segment)) this.waiting.delete(id);
  }

  /** Match segments: their mentions, and mentions of earlier segments released by this batch. */
  async match(segments: readonly TextSegment[]): Promise<FoundMention[]> {
    const byId = new Map<number, TextSegment>();
    for (const segment of segments) byId.set(this.nextId++, segment);
    const batch: MatchBatch = {
      session: this.session,
      key: this.key,
      ids: [...byId.keys()],
      texts: segments.map((segment) => segment.text),
    };
    if (this.evidence) {
      batch.evidence = this.evidence;
      this.evidence = undefined;
    }
    if (this.lang) {
      batch.lang = this.lang;
      this.lang = undefined;
    }
    this.inFlight++;
    let answer: MatchAnswer;
    try {
      answer = await this.send(batch);
    } finally {
      this.inFlight--;
    }
    if (this.key === '') this.key = answer.key;
    else if (answer.key !== this.key) throw new StaleMatcherError(answer.key);
    if (answer.pending) this.askLater();
    for (const entity of answer.entities) this.entities.set(entity.ref, entity);
    const known = (id: number) => byId.get(id) ?? this.waiting.get(id);
    const found = [
      ...this.place(answer.mentions, known),
      ...this.place(answer.released, (id) => this.waiting.get(id)),
    ];
    const waiting = new Map<number, TextSegment>();
    for (const id of answer.waiting) {
      const segment = known(id);
      if (segment) waiting.set(id, segment);
    }
    this.waiting = waiting;
    return found;
  }

  /**
   * The background is still looking for names (live discovery): once the page has sent its text
   * (no batch for a moment), ask with an empty batch and hand what comes back to `onLate`.
   */
  private askLater(): void {
    const { onLate, signal } = this.options;
    clearTimeout(this.lateTimer);
    if (!onLate || signal?.aborted || this.lateAsks >= MAX_LATE_ASKS) return;
    this.lateTimer = setTimeout(() => {
      if (this.inFlight > 0) {
        this.askLater();
        return;
      }
      this.lateAsks++;
      this.match([]).then(
        (found) => {
          if (found.length > 0 && !signal?.aborted) onLate(found);
        },
        () => {},
      );
    }, LATE_ASK_MS);
  }

  /** `[segment, start, end, ref]` quadruples → mentions; those of unknown segments are dropped. */
  private place(
    flat: readonly number[],
    segmentOf: (id: number) => TextSegment | undefined,
  ): FoundMention[] {
    const out: FoundMention[] = [];
    for (let i = 0; i + 3 < flat.length; i += 4) {
      const segment = segmentOf(flat[i] as number);
      const entity = this.entities.get(flat[i + 3] as number);
      const start = flat[i + 1] as number;
      const end = flat[i + 2] as number;
      if (!segment || !entity || !(start >= 0 && end > start && end <= segment.text.length))
        continue;
      out.push({ segment, start, end, entity });
    }
    return out;
  }
}
