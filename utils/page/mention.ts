import type { EntityKind } from '../knowledge/schema';
import type { FoundEntity } from '../messages/protocol';

/** One painted mention of an entity on the page. */
export interface Mention {
  /** Entity index in the compiled matcher. */
  entity: number;
  kind: EntityKind;
  /** The mention's text in the page (a StaticRange: it costs the page nothing when the DOM changes). */
  range: StaticRange;
  /** The block it was found in; a rescan of the block replaces its mentions. */
  block: Element;
  /** Every text node the mention covers, first to last (usually one). */
  nodes: Text[];
  /** Found on Wikipedia by live discovery, not in the reader's packs: painted in its own style. */
  live?: true;
  /**
   * Not a mark but words the reader selected and asked Backstory to explain: what the background
   * said they name, and the name within them.
   */
  explained?: { entity: FoundEntity; surface: string };
}

/**
 * A StaticRange in the page's realm; where the DOM has none (test DOMs), a frozen object of the
 * same shape, which is all the wrapper fallback and hit-testing read.
 */
export function makeStaticRange(doc: Document, init: StaticRangeInit): StaticRange {
  const StaticRangeClass = (doc.defaultView as { StaticRange?: typeof StaticRange } | null)
    ?.StaticRange;
  if (StaticRangeClass) return new StaticRangeClass(init);
  const collapsed =
    init.startContainer === init.endContainer && init.startOffset === init.endOffset;
  return Object.freeze({ ...init, collapsed }) as StaticRange;
}

/** The words a mention covers, as the page writes them (what "Not this?" corrects). */
export function mentionText(mention: Pick<Mention, 'range' | 'nodes'>): string {
  const { startContainer, startOffset, endContainer, endOffset } = mention.range;
  let text = '';
  for (const node of mention.nodes) {
    const from = node === startContainer ? startOffset : 0;
    const to = node === endContainer ? endOffset : node.data.length;
    text += node.data.slice(from, to);
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** A selection the reader asked to explain, as a mention its card can be opened on. */
export function selectionMention(
  doc: Document,
  range: Range,
  explained: { entity: FoundEntity; surface: string },
): Mention | null {
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* SHOW_TEXT */);
  if (range.commonAncestorContainer.nodeType === 3)
    nodes.push(range.commonAncestorContainer as Text);
  else
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (range.intersectsNode(node)) nodes.push(node as Text);
  const first = nodes[0];
  const block = first?.parentElement?.closest('p, li, td, h1, h2, h3, h4, h5, h6, div, body');
  if (!first || !block) return null;
  return {
    entity: explained.entity.ref,
    kind: explained.entity.kind,
    range: makeStaticRange(doc, {
      startContainer: range.startContainer,
      startOffset: range.startOffset,
      endContainer: range.endContainer,
      endOffset: range.endOffset,
    }),
    block,
    nodes,
    explained,
  };
}
