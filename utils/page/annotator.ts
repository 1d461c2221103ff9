import type { EntityKind } from '../knowledge/schema';
import { BATCH, FIRST_BATCH } from './batches';
import { type Mention, makeStaticRange } from './mention';
import type { Painter } from './paint';
import type { FoundMention } from './remote-matcher';
import { isInsideSkipped, locate, SegmentWalker, type TextSegment } from './scan';
import { Slice, type TaskStats } from './slices';
import { ViewportTracker } from './viewport';

/** Which mentions are painted; all are found and counted either way. */
export interface PaintFilter {
  kinds: ReadonlySet<EntityKind>;
  /** Paint only each entity's first mention on the page. */
  firstMentionOnly: boolean;
}

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
   * `auto` (default): paint everything until the page holds more than {@link NEAR_ONLY_ABOVE}
   * marks, then only blocks near the viewport; `near`: only those from the start; `all`:
   * everything, always.
   */
  paint?: 'auto' | 'near' | 'all';
  /** Where to record the length of each stretch of work (the 50 ms task budget). */
  stats?: TaskStats;
}

/** How many mentions an entity has on the page. */
export interface EntityCount {
  entity: number;
  count: number;
}

/** Ranges registered per slice at most: Firefox needs ~2–3 ms per thousand. */
const PAINT_CHUNK = 1500;

/**
 * Marks painted on a page before only blocks near the viewport are: an ordinary article is
 * painted at once, with no observer to set up and no frame to wait for; a long page is painted a
 * screenful at a time, since Chromium revalidates every registered range when a highlight changes
 * and Firefox pays for each range added or removed.
 */
export const NEAR_ONLY_ABOVE = 200;

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
 * The page's mentions: finds them (scan, then matching in the background), keeps them per block
 * and per text node, paints them through a {@link Painter}, and replaces a block's mentions when
 * it changes. All work is sliced; the end of its session's signal leaves the page exactly as it was.
 */
export class Annotator {
  private readonly byBlock = new Map<Element, Mention[]>();
  private byNode = new WeakMap<Text, Mention[]>();
  private readonly painted = new Set<Mention>();
  /** Each entity's first mention found (for "only the first mention"). */
  private readonly firstOf = new Map<number, Mention>();
  private viewport: ViewportTracker | null = null;
  private running: Promise<void> = Promise.resolve();
  private unread: Unread | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: AnnotatorOptions,
    private readonly signal: AbortSignal,
  ) {
    if (options.paint === 'near') this.trackViewport();
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /**
   * From now on paint only blocks near the viewport. Blocks with mentions so far count as near
   * until the observer's first report says otherwise, and then lose their marks.
   */
  private trackViewport(): void {
    const win = this.doc.defaultView;
    if (!win || this.viewport) return;
    this.viewport = new ViewportTracker(win, (entered, left) =>
      this.viewportChanged(entered, left),
    );
    for (const block of this.byBlock.keys()) {
      this.viewport.assumeNear(block);
      this.viewport.observe(block);
    }
  }

  /** Every mention found, in no particular order. */
  *mentions(): IterableIterator<Mention> {
    for (const list of this.byBlock.values()) yield* list;
  }

  /** Mentions that would be painted were their block on screen (kinds and first-mention filters). */
  isPaintable(mention: Mention): boolean {
    const { kinds, firstMentionOnly } = this.options.filter;
    return (
      kinds.has(mention.kind) && (!firstMentionOnly || this.firstOf.get(mention.entity) === mention)
    );
  }

  /** Mentions covering a text node (for hit-testing). */
  mentionsIn(node: Text): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  isPainted(mention: Mention): boolean {
    return this.painted.has(mention);
  }

  /** How many entities the page mentions (the badge's count: no list is built for it). */
  entityCount(): number {
    const entities = new Set<number>();
    for (const mention of this.mentions()) entities.add(mention.entity);
    return entities.size;
  }

  /** Entities on the page with their mention counts, most mentioned first. */
  counts(): EntityCount[] {
    const counts = new Map<number, number>();
    for (const mention of this.mentions())
      counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
    return [...counts]
      .map(([entity, count]) => ({ entity, count }))
      .sort((a, b) => b.count - a.count);
  }

  /**
   * Read the page from `root` (its body): at once as far as {@link READ_AHEAD} characters, then
   * on as the reader nears the end of what was read (all at once where nothing can tell).
   */
  readPage(root: Element): Promise<void> {
    return this.enqueue(() => this.startReading(root));
  }

  /** Read whatever of the page is still unread (the popup lists the whole page's entities). */
  readAll(): Promise<void> {
    return this.enqueue(() => this.readOn(Number.POSITIVE_INFINITY));
  }

  /** Is part of the page still unread (the reader has not come near it)? */
  get partial(): boolean {
    return this.unread !== null;
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
    const run = this.running.then(async () => {
      const slice = new Slice(undefined, this.options.stats);
      const fresh = found
        .filter(({ segment }) => segment.block.isConnected)
        .map((mention) => this.toMention(mention));
      await this.commit(fresh, slice, this.signal);
      slice.finish();
      this.options.onChange?.();
    });
    this.running = run.catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'AbortError'))
        console.warn('Backstory: late mentions failed', error);
    });
    return this.running;
  }

  /** Forget mentions whose text left the page (their nodes were removed). */
  prune(): void {
    const gone: Mention[] = [];
    for (const [block, list] of this.byBlock) {
      if (!block.isConnected) {
        gone.push(...list);
        this.byBlock.delete(block);
        continue;
      }
      const kept = list.filter((mention) => mention.nodes.every((node) => node.isConnected));
      if (kept.length !== list.length) {
        gone.push(...list.filter((mention) => !kept.includes(mention)));
        this.byBlock.set(block, kept);
      }
    }
    if (gone.length > 0) {
      this.unpaint(gone);
      this.forgetEmpty(new Set(gone.map((mention) => mention.block)));
      this.options.onChange?.();
    }
  }

  /** Change what is painted (kinds, first mention only) without rescanning. */
  setFilter(filter: PaintFilter): void {
    this.options.filter = filter;
    this.options.painter.clear();
    this.painted.clear();
    for (const block of this.byBlock.keys()) this.paintBlock(block);
  }

  /** Unpaint everything and forget it; the page is as it was before Backstory looked. */
  private stop(): void {
    this.viewport?.disconnect();
    this.unread?.observer?.disconnect();
    this.unread = null;
    this.options.painter.clear();
    this.byBlock.clear();
    this.byNode = new WeakMap();
    this.painted.clear();
    this.firstOf.clear();
  }

  private async scanNow(roots: readonly Element[], signal?: AbortSignal): Promise<void> {
    const slice = new Slice(undefined, this.options.stats);
    const blocks = outermost(roots);
    // Old mentions inside the rescanned roots go first.
    const old: Mention[] = [];
    for (const [block, list] of this.byBlock) {
      if (blocks.some((root) => root === block || root.contains(block))) {
        old.push(...list);
        this.byBlock.delete(block);
      }
    }
    if (old.length > 0) this.unpaint(old);
    this.options.forgetWaiting?.((segment) =>
      blocks.some((root) => root === segment.block || root.contains(segment.block)),
    );
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
    slice.finish();
    this.options.onChange?.();
  }

  /** Begin reading the page: its top now, the rest as the reader nears it. */
  private async startReading(root: Element): Promise<void> {
    if (this.doc.designMode === 'on' || isInsideSkipped(root)) {
      this.options.onChange?.();
      return;
    }
    const canWatch = Boolean(this.doc.defaultView?.IntersectionObserver);
    this.unread = {
      root,
      walker: new SegmentWalker(root, this.options.isVisible),
      pending: [],
      own: new WeakSet(),
      frontier: null,
      observer: null,
    };
    await this.readOn(canWatch ? READ_AHEAD : Number.POSITIVE_INFINITY);
  }

  /** Read on in the unread part of the page, `budget` characters (then pause) or to its end. */
  private async readOn(budget: number): Promise<void> {
    const unread = this.unread;
    if (!unread) return;
    unread.observer?.disconnect();
    if (!unread.walker.attached) {
      // The page removed where the walk had paused: read the page again, whole.
      this.unread = null;
      await this.scanNow([unread.root], this.signal);
      return;
    }
    const slice = new Slice(undefined, this.options.stats);
    const { done, rest } = await this.read(
      () => (unread.pending.length > 0 ? unread.pending.splice(0) : unread.walker.next()),
      slice,
      this.signal,
      budget,
      (segment) => {
        // A block that changed since, and was read then, is not read twice.
        if (this.byBlock.has(segment.block) && !unread.own.has(segment.block)) return false;
        unread.own.add(segment.block);
        unread.frontier = segment.block;
        return true;
      },
    );
    unread.pending = rest;
    slice.finish();
    this.options.onChange?.();
    if (this.unread !== unread) return;
    if (done) this.unread = null;
    else this.watchFrontier(unread);
  }

  /** Read on when the last block read comes near the viewport. */
  private watchFrontier(unread: Unread): void {
    const Observer = this.doc.defaultView?.IntersectionObserver;
    if (!Observer || !unread.frontier) {
      void this.readAll();
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
        void this.enqueue(() => this.readOn(passed ? BATCH * 2 : READ_AHEAD));
      },
      { rootMargin: READ_ON_MARGIN },
    );
    unread.observer.observe(unread.frontier);
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
      const found = await slice.wait(this.options.match(sent), signal);
      const fresh = found
        .filter(({ segment }) => segment.block.isConnected)
        .map((mention) => this.toMention(mention));
      await this.commit(fresh, slice, signal);
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

  /** Record new mentions and paint those on screen, a chunk per slice. Returns an empty list to refill. */
  private async commit(
    mentions: Mention[],
    slice: Slice,
    signal?: AbortSignal,
  ): Promise<Mention[]> {
    const blocks = new Set<Element>();
    for (const mention of mentions) {
      const list = this.byBlock.get(mention.block);
      if (list) list.push(mention);
      else {
        this.byBlock.set(mention.block, [mention]);
        this.viewport?.observe(mention.block);
      }
      blocks.add(mention.block);
      if (!this.firstOf.has(mention.entity)) this.firstOf.set(mention.entity, mention);
      for (const node of mention.nodes) {
        const onNode = this.byNode.get(node);
        if (onNode) onNode.push(mention);
        else this.byNode.set(node, [mention]);
      }
    }
    let painted = 0;
    for (const block of blocks) {
      painted += this.paintBlock(block);
      if ((this.options.paint ?? 'auto') === 'auto' && this.painted.size > NEAR_ONLY_ABOVE)
        this.trackViewport();
      if (painted >= PAINT_CHUNK || slice.spent) {
        painted = 0;
        await slice.breathe(signal);
      }
    }
    return [];
  }

  /** Paint a block's paintable mentions if it is near the viewport; returns how many were added. */
  private paintBlock(block: Element): number {
    if (this.viewport && !this.viewport.isNear(block)) return 0;
    const add = (this.byBlock.get(block) ?? []).filter(
      (mention) => !this.painted.has(mention) && this.isPaintable(mention),
    );
    if (add.length === 0) return 0;
    this.options.painter.add(add);
    for (const mention of add) this.painted.add(mention);
    return add.length;
  }

  private viewportChanged(entered: Element[], left: Element[]): void {
    const leaving = left.flatMap((block) =>
      (this.byBlock.get(block) ?? []).filter((mention) => this.painted.has(mention)),
    );
    if (leaving.length > 0) {
      this.options.painter.remove(leaving);
      for (const mention of leaving) this.painted.delete(mention);
    }
    for (const block of entered) this.paintBlock(block);
  }

  private unpaint(mentions: Mention[]): void {
    this.options.painter.remove(mentions.filter((mention) => this.painted.has(mention)));
    for (const mention of mentions) {
      this.painted.delete(mention);
      if (this.firstOf.get(mention.entity) === mention) this.firstOf.delete(mention.entity);
      for (const node of mention.nodes) {
        const list = this.byNode.get(node)?.filter((other) => other !== mention);
        if (list && list.length > 0) this.byNode.set(node, list);
        else this.byNode.delete(node);
      }
    }
  }

  /** Stop watching blocks that no longer hold mentions. */
  private forgetEmpty(blocks: Iterable<Element>): void {
    for (const block of blocks) if (!this.byBlock.has(block)) this.viewport?.unobserve(block);
  }
}

/** The connected roots not inside another root (each once). */
function outermost(roots: readonly Element[]): Element[] {
  const unique = [...new Set(roots)].filter((root) => root.isConnected);
  return unique.filter((root) => !unique.some((other) => other !== root && other.contains(root)));
}
