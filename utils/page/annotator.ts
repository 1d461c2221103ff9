import type { EntityKind } from '../knowledge/schema';
import type { Matcher } from '../match/matcher';
import { KIND_CODES } from '../match/matcher-data';
import { type LocalContext, type MatchedSegment, Resolver } from '../match/resolve';
import { type Mention, makeStaticRange } from './mention';
import type { Painter } from './paint';
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
  matcher: Matcher;
  painter: Painter;
  filter: PaintFilter;
  /** Is a block shown? Hidden blocks are skipped (and rescanned when they appear). */
  isVisible?: (block: Element) => boolean;
  /** Called after each batch that changed the mentions. */
  onChange?: () => void;
  /** `near` (default): paint only blocks near the viewport; `all`: paint everything at once. */
  paint?: 'near' | 'all';
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
 * The page's mentions: finds them (scan → match → resolve), keeps them per block and per text
 * node, paints them through a {@link Painter}, and replaces a block's mentions when it changes.
 * All work is sliced; `stop()` leaves the page exactly as it was.
 */
export class Annotator {
  private readonly resolver: Resolver<TextSegment>;
  private readonly byBlock = new Map<Element, Mention[]>();
  private byNode = new WeakMap<Text, Mention[]>();
  private readonly painted = new Set<Mention>();
  /** Each entity's first mention found (for "only the first mention"). */
  private readonly firstOf = new Map<number, Mention>();
  private readonly viewport: ViewportTracker | null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly options: AnnotatorOptions,
  ) {
    this.resolver = new Resolver(options.matcher.data);
    const win = doc.defaultView;
    this.viewport =
      win && options.paint !== 'all'
        ? new ViewportTracker(win, (entered, left) => this.viewportChanged(entered, left))
        : null;
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
  scan(roots: readonly Element[], signal?: AbortSignal): Promise<void> {
    // One scan at a time, in order: a rescan must not interleave with the scan before it.
    const run = this.running.then(() => this.scanNow(roots, signal));
    this.running = run.catch(reportFailure);
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
      this.resolver.dropPending((segment) => !segment.block.isConnected);
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
  stop(): void {
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

    // Read and match everything first, observing context page-wide…
    const found: { segment: MatchedSegment<TextSegment>; local: LocalContext }[] = [];
    const editable = this.doc.designMode === 'on';
    for (const root of blocks) {
      if (editable || isInsideSkipped(root)) continue;
      const walker = new SegmentWalker(root, this.options.isVisible);
      for (let batch = walker.next(); batch; batch = walker.next()) {
        for (const segment of batch) {
          const raws = this.options.matcher.scan(segment.text);
          if (raws.length > 0) {
            const matched = { key: segment, text: segment.text, raws };
            found.push({ segment: matched, local: this.resolver.observe(matched) });
          }
          // One huge text node comes as many segments at once: breathe between them.
          await slice.breathe(signal);
        }
        await slice.breathe(signal);
      }
    }
    // …then decide and paint.
    let fresh: Mention[] = [];
    for (const { segment, local } of found) {
      for (const match of this.resolver.decide(segment, local))
        fresh.push(this.toMention(segment.key, match));
      if (slice.spent) {
        fresh = await this.commit(fresh, slice, signal);
        await slice.breathe(signal);
      }
    }
    for (const { key, match } of this.resolver.release()) {
      if (key.block.isConnected) fresh.push(this.toMention(key, match));
    }
    await this.commit(fresh, slice, signal);
    this.forgetEmpty(new Set(old.map((mention) => mention.block)));
    slice.finish();
    this.options.onChange?.();
  }

  private toMention(
    segment: TextSegment,
    match: { start: number; end: number; entity: number },
  ): Mention {
    const start = locate(segment, match.start, false);
    const end = locate(segment, match.end, true);
    const nodes: Text[] = [];
    let within = false;
    for (const piece of segment.pieces) {
      if (piece.node === start.node) within = true;
      if (within && nodes[nodes.length - 1] !== piece.node) nodes.push(piece.node);
      if (piece.node === end.node) break;
    }
    return {
      entity: match.entity,
      kind: KIND_CODES[this.options.matcher.data.entityKinds[match.entity] as number] as EntityKind,
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

/** A stopped scan is normal; anything else is a bug worth a console line, never a broken page. */
function reportFailure(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  console.warn('Backstory: a scan failed', error);
}
