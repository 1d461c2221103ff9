import type { EntityKind } from '../knowledge/schema';

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
