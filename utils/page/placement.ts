/** A box in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  /** The mention's boxes, one per line it runs over. */
  lines: readonly Box[];
  /** Where the reader's pointer is, if the card follows a hover: the line under it is used. */
  pointer?: { x: number; y: number } | undefined;
  /** The card's size. */
  width: number;
  height: number;
  viewport: { width: number; height: number };
  /** Gap between the mention and the card. */
  gap: number;
  /** Room kept between the card and the viewport's edges. */
  edge: number;
  /** Which way the mention's text runs: the card lines up with the line's start edge. */
  direction?: 'ltr' | 'rtl';
}

/**
 * Where the card goes: beside the mention, never over it. Below its line, lined up with the
 * mention's start edge (its left in left-to-right text, its right in right-to-left text, where the
 * reader's eye begins the word); above when there is more room there; slid sideways to stay within
 * the viewport. Of a mention broken over two lines, the line under the pointer (or the first) is
 * the one to follow.
 * The card floats in the top layer with fixed coordinates, so this is all arithmetic on boxes:
 * no library's worth of code on every page.
 */
export function placeCard(input: PlacementInput): { x: number; y: number } {
  const { lines, pointer, width, height, viewport, gap, edge, direction = 'ltr' } = input;
  const line = lineUnder(lines, pointer) ?? { left: 0, top: 0, right: 0, bottom: 0 };
  const below = viewport.height - edge - (line.bottom + gap);
  const above = line.top - gap - edge;
  const y = below >= height || below >= above ? line.bottom + gap : line.top - gap - height;
  const maxX = viewport.width - edge - width;
  const start = direction === 'rtl' ? line.right - width : line.left;
  const x = Math.max(edge, Math.min(start, maxX));
  return { x: Math.round(x), y: Math.round(y) };
}

/** The line box under the pointer, else the one nearest to it, else the first. */
function lineUnder(lines: readonly Box[], pointer?: { x: number; y: number }): Box | undefined {
  if (!pointer || lines.length < 2) return lines[0];
  let best = lines[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    const dx = Math.max(line.left - pointer.x, 0, pointer.x - line.right);
    const dy = Math.max(line.top - pointer.y, 0, pointer.y - line.bottom);
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = line;
      bestDistance = distance;
    }
  }
  return best;
}
