import { BATCH } from './batches';
import { SegmentWalker, type TextSegment } from './scan';

/**
 * Characters of a page's text read before its first marks, and again each time the reader comes
 * within a few screens of the end of what was read: a long page costs what its reader reaches. An
 * ordinary article (10–20 KB of text) is read whole at once.
 */
export const READ_AHEAD = 32 * 1024;

/**
 * When the last block read counts as near, so reading goes on: up to three screens below the
 * viewport, and anywhere above it or beside it (a reader who jumped down the page).
 */
const READ_ON_MARGIN = '100000px 100000px 300% 100000px';

/** What reading needs from the annotator that reads the segments and holds their mentions. */
export interface ReadingHost {
  doc: Document;
  /** Is a block shown? Hidden blocks are skipped. */
  isVisible: ((block: Element) => boolean) | undefined;
  /**
   * Read segments (`next` gives them a few at a time, null at the end) as far as `budget`
   * characters; `take` may leave a segment out. Returns whether the text ran out, and the segments
   * given but not read.
   */
  read(
    next: () => TextSegment[] | null,
    budget: number,
    take: (segment: TextSegment) => boolean,
  ): Promise<{ done: boolean; rest: TextSegment[] }>;
  /** Read a root again, whole, replacing what its blocks held. */
  rescan(root: Element): Promise<void>;
  /** Does a block hold mentions already (from any reading)? */
  holds(block: Element): boolean;
  /** Run a job after the scans queued before it. */
  enqueue(job: () => Promise<void>): Promise<void>;
}

/** The rest of the page, not read yet: the paused walk and where it stopped. */
interface Unread {
  root: Element;
  walker: SegmentWalker;
  /** Segments the walk gave that were not read yet (the last stretch ended among them). */
  pending: TextSegment[];
  /** Blocks this walk has read (a block whose mentions came from elsewhere was read by a rescan). */
  own: WeakSet<Element>;
  /** The last block read: when it nears the viewport, reading goes on. */
  frontier: Element | null;
  observer: IntersectionObserver | null;
}

/**
 * Reading a page as its reader goes: its top at once, as far as {@link READ_AHEAD} characters,
 * then the next stretch when the last block read comes near the viewport (all at once where no
 * observer can tell). Jobs run in the annotator's queue, so they never interleave with a rescan.
 */
export class PageReading {
  private unread: Unread | null = null;

  constructor(private readonly host: ReadingHost) {}

  /** Is part of the page still unread (the reader has not come near it)? */
  get partial(): boolean {
    return this.unread !== null;
  }

  /** Begin reading the page from `root` (its body). */
  async start(root: Element): Promise<void> {
    const canWatch = Boolean(this.host.doc.defaultView?.IntersectionObserver);
    this.unread = {
      root,
      walker: new SegmentWalker(root, this.host.isVisible),
      pending: [],
      own: new WeakSet(),
      frontier: null,
      observer: null,
    };
    await this.readOn(canWatch ? READ_AHEAD : Number.POSITIVE_INFINITY);
  }

  /** Read on in the unread part of the page, `budget` characters (then pause) or to its end. */
  async readOn(budget: number): Promise<void> {
    const unread = this.unread;
    if (!unread) return;
    unread.observer?.disconnect();
    if (!unread.walker.attached) {
      // The page removed where the walk had paused: read the page again, whole.
      this.unread = null;
      await this.host.rescan(unread.root);
      return;
    }
    const { done, rest } = await this.host.read(
      () => (unread.pending.length > 0 ? unread.pending.splice(0) : unread.walker.next()),
      budget,
      (segment) => {
        // A block that changed since, and was read then, is not read twice.
        if (this.host.holds(segment.block) && !unread.own.has(segment.block)) return false;
        unread.own.add(segment.block);
        unread.frontier = segment.block;
        return true;
      },
    );
    unread.pending = rest;
    if (this.unread !== unread) return;
    if (done) this.unread = null;
    else this.watchFrontier(unread);
  }

  /** Stop reading on (the session ended). */
  stop(): void {
    this.unread?.observer?.disconnect();
    this.unread = null;
  }

  /** Read on when the last block read comes near the viewport. */
  private watchFrontier(unread: Unread): void {
    const Observer = this.host.doc.defaultView?.IntersectionObserver;
    if (!Observer || !unread.frontier) {
      void this.host.enqueue(() => this.readOn(Number.POSITIVE_INFINITY));
      return;
    }
    unread.observer ??= new Observer(
      (entries) => {
        const near = entries.find((entry) => entry.isIntersecting);
        if (!near) return;
        unread.observer?.disconnect();
        // A reader who jumped past what was read (the end key, a link to a section) is further
        // down than one stretch would reach: read on in longer ones.
        const passed = near.boundingClientRect.bottom < 0;
        void this.host.enqueue(() => this.readOn(passed ? BATCH * 2 : READ_AHEAD));
      },
      { rootMargin: READ_ON_MARGIN },
    );
    unread.observer.observe(unread.frontier);
  }
}
