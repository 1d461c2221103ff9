import { BATCH, FIRST_BATCH } from './batches';
import { isInsideSkipped } from './elements';
import { type Mention, makeStaticRange } from './mention';
import { PageMarks, type PaintFilter } from './page-marks';
import { PageReading } from './page-reading';
import type { Painter } from './paint';
import type { FoundMention } from './remote-matcher';
import { locate, SegmentWalker, type TextSegment } from './scan';
import { Slice, type TaskStats } from './slices';

export interface AnnotatorOptions {
  /** Find the mentions in segments of text (the background does the matching). */
  match(segments: readonly TextSegment[]): Promise<FoundMention[]>;
  /** Forget segments still waiting to be matched in full (their blocks are being read again). */
  forgetWaiting?(isGone: (segment: TextSegment) => boolean): void;
  painter: Painter;
  filter: PaintFilter;
  /** Is a block shown? Hidden blocks are skipped (and rescanned when they appear). */
  isVisible?: (block: Element) => boolean;
  /** Called after each batch that changed the mentions. */
  onChange?: () => void;
  /** A scan failed (other than by its session ending): the packs changed, or a bug. */
  onFailure?: (error: unknown) => void;
  /**
   * `auto` (default): paint everything until the page holds more than `NEAR_ONLY_ABOVE` marks,
   * then only blocks near the viewport; `near`: only those from the start; `all`: everything,
   * always (see {@link PageMarks}).
   */
  paint?: 'auto' | 'near' | 'all';
  /** Where to record the length of each stretch of work (the 50 ms task budget). */
  stats?: TaskStats;
}

/**
 * The page's mentions: finds them (scan, then matching in the background), keeps and paints them
 * ({@link PageMarks}), and replaces a block's mentions when it changes. All work is sliced; the
 * end of its session's signal leaves the page exactly as it was.
 */
export class Annotator extends PageMarks {
  private running: Promise<void> = Promise.resolve();
  private readonly reading: PageReading;

  constructor(
    doc: Document,
    private readonly options: AnnotatorOptions,
    private readonly signal: AbortSignal,
  ) {
    super(doc, options.painter, options.filter, options.paint);
    this.reading = new PageReading({
      doc,
      isVisible: this.options.isVisible,
      read: (next, budget, take) =>
        this.stretch((slice) => this.read(next, slice, this.signal, budget, take)),
      rescan: (root) => this.scanNow([root], this.signal),
      holds: (block) => this.holds(block),
      enqueue: (job) => this.enqueue(job),
    });
    signal.addEventListener(
      'abort',
      () => {
        this.reading.stop();
        this.clear();
      },
      { once: true },
    );
  }

  /**
   * Read the page from `root` (its body): at once as far as `READ_AHEAD` characters, then
   * on as the reader nears the end of what was read (all at once where nothing can tell).
   */
  readPage(root: Element): Promise<void> {
    return this.enqueue(async () => {
      if (this.doc.designMode === 'on' || isInsideSkipped(root)) this.options.onChange?.();
      else await this.reading.start(root);
    });
  }

  /** Read whatever of the page is still unread (the popup lists the whole page's entities). */
  readAll(): Promise<void> {
    return this.enqueue(() => this.reading.readOn(Number.POSITIVE_INFINITY));
  }

  /** Is part of the page still unread (the reader has not come near it)? */
  get partial(): boolean {
    return this.reading.partial;
  }

  /** Forget mentions whose text left the page (their nodes were removed). */
  prune(): void {
    if (this.forgetRemoved()) this.options.onChange?.();
  }

  /** Scan `roots` (blocks that changed), replacing what they held. */
  scan(roots: readonly Element[]): Promise<void> {
    return this.enqueue(() => this.scanNow(roots, this.signal));
  }

  /** One scan at a time, in order: a rescan must not interleave with the scan before it. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.running.then(job);
    this.running = run.catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (this.options.onFailure) this.options.onFailure(error);
      else console.warn('Backstory: a scan failed', error);
    });
    return this.running;
  }

  /**
   * Mentions found after their batch was answered (live discovery's, once the page was read):
   * recorded and painted like the rest, in turn with the scans.
   */
  place(found: readonly FoundMention[]): Promise<void> {
    const run = this.running.then(() =>
      this.stretch((slice) => this.record(found, slice, this.signal)),
    );
    this.running = run.catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'AbortError'))
        console.warn('Backstory: late mentions failed', error);
    });
    return this.running;
  }

  /** One stretch of work on the mentions, timed for the task budget; they changed after it. */
  private async stretch<T>(work: (slice: Slice) => Promise<T>): Promise<T> {
    const slice = new Slice(undefined, this.options.stats);
    const result = await work(slice);
    slice.finish();
    this.options.onChange?.();
    return result;
  }

  /** Record and paint what the background found, in the blocks still on the page. */
  private record(found: readonly FoundMention[], slice: Slice, signal?: AbortSignal) {
    const fresh = found
      .filter(({ segment }) => segment.block.isConnected)
      .map((mention) => this.toMention(mention));
    return this.commit(fresh, slice, signal);
  }

  private scanNow(roots: readonly Element[], signal?: AbortSignal): Promise<void> {
    return this.stretch((slice) => this.rescan(outermost(roots), slice, signal));
  }

  /** Read `blocks` again, replacing what they held. */
  private async rescan(blocks: Element[], slice: Slice, signal?: AbortSignal): Promise<void> {
    const inside = (block: Element) =>
      blocks.some((root) => root === block || root.contains(block));
    // Old mentions inside the rescanned roots go first.
    const old = this.takeInside(inside);
    this.options.forgetWaiting?.((segment) => inside(segment.block));
    const editable = this.doc.designMode === 'on';
    const walkers = blocks
      .filter((root) => !editable && !isInsideSkipped(root))
      .map((root) => new SegmentWalker(root, this.options.isVisible));
    let current = 0;
    const next = () => {
      for (; current < walkers.length; current++) {
        const segments = walkers[current]?.next();
        if (segments) return segments;
      }
      return null;
    };
    await this.read(next, slice, signal, Number.POSITIVE_INFINITY);
    this.forgetEmpty(new Set(old.map((mention) => mention.block)));
  }

  /**
   * Read segments (`next` gives them a few at a time, null at the end) and send them to be matched
   * in batches, painting each answer as it comes. Stops once `budget` characters were read;
   * returns whether the text ran out, and the segments given but not read. `take` may leave a
   * segment out.
   */
  private async read(
    next: () => TextSegment[] | null,
    slice: Slice,
    signal: AbortSignal | undefined,
    budget: number,
    take?: (segment: TextSegment) => boolean,
  ): Promise<{ done: boolean; rest: TextSegment[] }> {
    let batch: TextSegment[] = [];
    let chars = 0;
    let limit = FIRST_BATCH;
    let read = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      chars = 0;
      limit = BATCH;
      await this.record(await slice.wait(this.options.match(sent), signal), slice, signal);
    };
    for (let segments = next(); segments; segments = next()) {
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as TextSegment;
        if (take && !take(segment)) continue;
        batch.push(segment);
        chars += segment.text.length;
        read += segment.text.length;
        if (read >= budget) {
          await flush();
          return { done: false, rest: segments.slice(i + 1) };
        }
        if (chars >= limit) await flush();
      }
      await slice.breathe(signal);
    }
    await flush();
    return { done: true, rest: [] };
  }

  private toMention({ segment, start: from, end: to, entity }: FoundMention): Mention {
    const start = locate(segment, from, false);
    const end = locate(segment, to, true);
    const nodes: Text[] = [];
    let within = false;
    for (const piece of segment.pieces) {
      if (piece.node === start.node) within = true;
      if (within && nodes[nodes.length - 1] !== piece.node) nodes.push(piece.node);
      if (piece.node === end.node) break;
    }
    return {
      entity: entity.ref,
      kind: entity.kind,
      ...(entity.live ? { live: true as const } : {}),
      range: makeStaticRange(this.doc, {
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      }),
      block: segment.block,
      nodes,
    };
  }
}

/** The connected roots not inside another root (each once). */
function outermost(roots: readonly Element[]): Element[] {
  const unique = [...new Set(roots)].filter((root) => root.isConnected);
  return unique.filter((root) => !unique.some((other) => other !== root && other.contains(root)));
}
