import type { EntityKind } from '../knowledge/schema';
import type { Mention } from './mention';
import type { Painter } from './paint';
import type { Slice } from './slices';
import { ViewportTracker } from './viewport';

/** Which mentions are painted; all are found and counted either way. */
export interface PaintFilter {
  kinds: ReadonlySet<EntityKind>;
  /** Paint only each entity's first mention on the page. */
  firstMentionOnly: boolean;
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
 * The mentions found on a page, kept per block and per text node, and what of them is painted:
 * the kinds and first-mention filters, and (on a page with many marks) only blocks near the
 * viewport. The {@link Annotator} finds them; this holds and paints them.
 */
export class PageMarks {
  private readonly byBlock = new Map<Element, Mention[]>();
  private byNode = new WeakMap<Text, Mention[]>();
  private readonly painted = new Set<Mention>();
  /** Each entity's first mention found (for "only the first mention"). */
  private readonly firstOf = new Map<number, Mention>();
  private viewport: ViewportTracker | null = null;

  /**
   * @param paint `auto`: paint everything until the page holds more than {@link NEAR_ONLY_ABOVE}
   *   marks, then only blocks near the viewport; `near`: only those from the start; `all`:
   *   everything, always
   */
  constructor(
    protected readonly doc: Document,
    private readonly painter: Painter,
    private filter: PaintFilter,
    private readonly paint: 'auto' | 'near' | 'all' = 'auto',
  ) {
    if (paint === 'near') this.trackViewport();
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
    const { kinds, firstMentionOnly } = this.filter;
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

  /** Does a block hold mentions? */
  holds(block: Element): boolean {
    return this.byBlock.has(block);
  }

  /**
   * Take out, and unpaint, the mentions of the blocks `inside` says are in a rescanned root; call
   * {@link forgetEmpty} with their blocks once the rescan has put back what is still there.
   */
  protected takeInside(inside: (block: Element) => boolean): Mention[] {
    const old: Mention[] = [];
    for (const [block, list] of this.byBlock) {
      if (inside(block)) {
        old.push(...list);
        this.byBlock.delete(block);
      }
    }
    if (old.length > 0) this.unpaint(old);
    return old;
  }

  /** Forget mentions whose text left the page (their nodes were removed); did any go? */
  protected forgetRemoved(): boolean {
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
    }
    return gone.length > 0;
  }

  /** Change what is painted (kinds, first mention only) without rescanning. */
  setFilter(filter: PaintFilter): void {
    this.filter = filter;
    this.painter.clear();
    this.painted.clear();
    for (const block of this.byBlock.keys()) this.paintBlock(block);
  }

  /** Unpaint everything and forget it; the page is as it was before Backstory looked. */
  protected clear(): void {
    this.viewport?.disconnect();
    this.painter.clear();
    this.byBlock.clear();
    this.byNode = new WeakMap();
    this.painted.clear();
    this.firstOf.clear();
  }

  /** Record new mentions and paint those on screen, a chunk per slice. */
  protected async commit(mentions: Mention[], slice: Slice, signal?: AbortSignal): Promise<void> {
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
      if (this.paint === 'auto' && this.painted.size > NEAR_ONLY_ABOVE) this.trackViewport();
      if (painted >= PAINT_CHUNK || slice.spent) {
        painted = 0;
        await slice.breathe(signal);
      }
    }
  }

  /** Paint a block's paintable mentions if it is near the viewport; returns how many were added. */
  private paintBlock(block: Element): number {
    if (this.viewport && !this.viewport.isNear(block)) return 0;
    const add = (this.byBlock.get(block) ?? []).filter(
      (mention) => !this.painted.has(mention) && this.isPaintable(mention),
    );
    if (add.length === 0) return 0;
    this.painter.add(add);
    for (const mention of add) this.painted.add(mention);
    return add.length;
  }

  private viewportChanged(entered: Element[], left: Element[]): void {
    const leaving = left.flatMap((block) =>
      (this.byBlock.get(block) ?? []).filter((mention) => this.painted.has(mention)),
    );
    if (leaving.length > 0) {
      this.painter.remove(leaving);
      for (const mention of leaving) this.painted.delete(mention);
    }
    for (const block of entered) this.paintBlock(block);
  }

  private unpaint(mentions: Mention[]): void {
    this.painter.remove(mentions.filter((mention) => this.painted.has(mention)));
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
  protected forgetEmpty(blocks: Iterable<Element>): void {
    for (const block of blocks) if (!this.byBlock.has(block)) this.viewport?.unobserve(block);
  }
}
