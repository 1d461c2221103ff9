import type { Mention } from './mention';

/** A caret position under a point: the text node and the offset in it. */
export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position under viewport point (x, y), with whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const caretDoc = doc as CaretDocument;
  if (caretDoc.caretPositionFromPoint) {
    const position = caretDoc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = caretDoc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** A live Range over a mention's static range, for measuring it. */
export function liveRange(doc: Document, mention: Mention): Range {
  const range = doc.createRange();
  range.setStart(mention.range.startContainer, mention.range.startOffset);
  range.setEnd(mention.range.endContainer, mention.range.endOffset);
  return range;
}

/** Slack around a mention's boxes, in CSS pixels, so the pointer need not be pixel-exact. */
const SLACK = 1;

/**
 * The painted mention under viewport point (x, y), or null. Cheap enough for every pointer move:
 * one caret lookup, a short list of mentions on that text node, and, only for a candidate, its
 * client rects — the caret snaps to the nearest character even in a margin, so the rects decide.
 */
export function mentionAtPoint(
  doc: Document,
  x: number,
  y: number,
  mentionsIn: (node: Text) => readonly Mention[],
  isPainted: (mention: Mention) => boolean,
): Mention | null {
  const caret = caretAt(doc, x, y);
  if (caret?.node.nodeType !== 3) return null;
  const node = caret.node as Text;
  for (const mention of mentionsIn(node)) {
    if (!isPainted(mention)) continue;
    const { startContainer, startOffset, endContainer, endOffset } = mention.range;
    if (node === startContainer && caret.offset < startOffset) continue;
    if (node === endContainer && caret.offset > endOffset) continue;
    for (const rect of liveRange(doc, mention).getClientRects()) {
      if (
        x >= rect.left - SLACK &&
        x <= rect.right + SLACK &&
        y >= rect.top - SLACK &&
        y <= rect.bottom + SLACK
      ) {
        return mention;
      }
    }
  }
  return null;
}

/** Mentions in document order (by start point). */
export function inDocumentOrder(mentions: Iterable<Mention>): Mention[] {
  return [...mentions].sort((a, b) => {
    if (a.range.startContainer === b.range.startContainer)
      return a.range.startOffset - b.range.startOffset;
    const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
    return position & 4 /* FOLLOWING */ ? -1 : 1;
  });
}

/**
 * The mention after (or before) `current` in document order, wrapping around; with no current
 * mention, the first one below the top of the viewport (or the last above it, going back).
 */
export function nextMention(
  doc: Document,
  ordered: readonly Mention[],
  current: Mention | null,
  direction: 1 | -1,
): Mention | null {
  if (ordered.length === 0) return null;
  const at = current ? ordered.indexOf(current) : -1;
  if (at >= 0) return ordered[(at + direction + ordered.length) % ordered.length] ?? null;
  const tops = ordered.map((mention) => liveRange(doc, mention).getBoundingClientRect().top);
  if (direction === 1)
    return (
      ordered[
        Math.max(
          0,
          tops.findIndex((top) => top >= 0),
        )
      ] ?? null
    );
  const above = tops.findLastIndex((top) => top < 0);
  return ordered[above >= 0 ? above : ordered.length - 1] ?? null;
}

/** Scroll so that a mention is in view (centred), without touching the page's DOM. */
export function revealMention(doc: Document, mention: Mention): void {
  const rect = liveRange(doc, mention).getBoundingClientRect();
  const win = doc.defaultView;
  if (!win) return;
  if (rect.top >= 0 && rect.bottom <= win.innerHeight) return;
  win.scrollBy({ top: rect.top - win.innerHeight / 2, behavior: 'instant' as ScrollBehavior });
}
