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

  /** Scan `roots` (the whole body at start, changed blocks later), replacing what they held. */
  scan(roots: readonly Element[]): Promise<void> {
    // One scan at a time, in order: a rescan must not interleave with the scan before it.
    const run = this.running.then(() => this.scanNow(roots, this.signal));
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

    // Read the text in slices and send it to be matched in batches; paint each answer as it comes.
    let batch: TextSegment[] = [];
    let chars = 0;
    let limit = FIRST_BATCH;
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
    const editable = this.doc.designMode === 'on';
    for (const root of blocks) {
      if (editable || isInsideSkipped(root)) continue;
      const walker = new SegmentWalker(root, this.options.isVisible);
      for (let segments = walker.next(); segments; segments = walker.next()) {
        for (const segment of segments) {
          batch.push(segment);
          chars += segment.text.length;
          if (chars >= limit) await flush();
        }
        await slice.breathe(signal);
      }
    }
    await flush();
    this.forgetEmpty(new Set(old.map((mention) => mention.block)));
    slice.finish();
    this.options.onChange?.();
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
