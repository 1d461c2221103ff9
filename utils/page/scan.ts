/**
 * Finds the text a reader sees, block by block. Inline elements (links, bold, spans…) do not
 * split a block's text, so `<b>Bashar</b> Assad` is read as one phrase; block elements and
 * `<br>` do. Skipped: code, scripts, styles, form fields, editable regions, hidden and
 * aria-hidden subtrees, SVG and MathML, and Backstory's own UI.
 */
import { isInline, isSkipped } from './elements';

/** A stretch of one text node: `node.data.slice(from, to)`. */
export interface TextPiece {
  node: Text;
  from: number;
  to: number;
}

/** One block's inline text, with where each piece of it lives. */
export interface TextSegment {
  block: Element;
  pieces: TextPiece[];
  /** Offset of each piece in `text`. */
  starts: number[];
  text: string;
}

/** Longest segment handed to the matcher in one go; longer text is cut at a sentence end. */
export const MAX_SEGMENT = 32_768;

/**
 * Walks a subtree and yields its segments a few at a time, so a huge page can be read across
 * several short tasks. Create one per scan; call {@link next} until it returns `null`.
 */
export class SegmentWalker {
  /**
   * Text nodes only, walked natively: elements are never handed to script one by one, which is
   * what makes a walk expensive from an extension's isolated world. Skipped regions are found
   * from each text node's ancestors instead, remembered per element.
   */
  private readonly walker: TreeWalker;
  private readonly skippedParent = new Map<Element, boolean>();
  private readonly shown = new Map<Element, boolean>();
  private pieces: TextPiece[] = [];
  private starts: number[] = [];
  private text = '';
  private block: Element | null = null;
  /** The last text node read: a <br> between it and the next one ends the segment. */
  private previous: Text | null = null;
  private done = false;

  constructor(
    private readonly root: Node,
    private readonly isVisible: (block: Element) => boolean = () => true,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  }

  /**
   * Is the walk still inside its subtree? A walk paused for a while (the rest of a long page,
   * read as the reader nears it) is not when the page removed the node it stopped at.
   */
  get attached(): boolean {
    const node = this.walker.currentNode;
    return this.root.isConnected && (node === this.root || this.root.contains(node));
  }

  /**
   * The next segments, stopping after `budget` text nodes whatever they held: a page of 200,000
   * tiny nodes costs its walk in many short steps, not one long one. The list may be empty while
   * the walk goes on; `null` when the subtree is exhausted.
   */
  next(budget = 512): TextSegment[] | null {
    if (this.done) return null;
    const out: TextSegment[] = [];
    for (let visited = 0; visited < budget; visited++) {
      const node = this.walker.nextNode();
      if (!node) {
        this.flush(out);
        this.done = true;
        return out;
      }
      const text = node as Text;
      const block = this.blockOfText(text);
      if (!block) continue;
      if (block !== this.block || this.brokenByLine(text)) {
        this.flush(out);
        let shown = this.shown.get(block);
        if (shown === undefined) {
          shown = this.isVisible(block);
          this.shown.set(block, shown);
        }
        if (!shown) {
          this.block = null;
          continue;
        }
        this.block = block;
      }
      this.previous = text;
      this.append(text, out);
    }
    return out;
  }

  /**
   * Is this element, or an ancestor up to the root, skipped? Memoised per element, and iterative:
   * pages nest ten thousand deep, and a recursive walk would overflow the stack.
   */
  private insideSkipped(element: Element): boolean {
    const chain: Element[] = [];
    let verdict = false;
    for (let current: Element | null = element; current; current = current.parentElement) {
      const known = this.skippedParent.get(current);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(current);
      if (isSkipped(current)) {
        verdict = true;
        break;
      }
      if (current === this.root) break;
    }
    // Everything below a skipped element is skipped; everything below a clear one is as clear.
    for (const visited of chain) this.skippedParent.set(visited, verdict);
    return verdict;
  }

  /** A <br> (or any element) straight before this text node, inside the same block, breaks the line. */
  private brokenByLine(text: Text): boolean {
    const before = text.previousSibling;
    return (
      before !== null &&
      before !== this.previous &&
      before.nodeType === 1 &&
      (before as Element).localName === 'br'
    );
  }

  /**
   * The block a text node belongs to, or null when it sits in a skipped region. Inline ancestors
   * (links, spans, bold) are checked on the way up but not remembered: a page of 100,000 spans
   * would otherwise fill a map per span. Blocks are few, and remembered.
   */
  private blockOfText(text: Text): Element | null {
    let element = text.parentElement;
    while (element && element !== this.root && isInline(element)) {
      if (isSkipped(element)) return null;
      element = element.parentElement;
    }
    if (!element || this.insideSkipped(element)) return null;
    return element;
  }

  private append(node: Text, out: TextSegment[]): void {
    const data = node.data;
    let from = 0;
    while (data.length - from + this.text.length > MAX_SEGMENT) {
      const room = MAX_SEGMENT - this.text.length;
      const cut = sentenceCut(data, from, from + room);
      if (cut <= from) {
        this.flush(out);
        if (room === MAX_SEGMENT) {
          // No sentence end at all in a full window: cut hard rather than never finish.
          this.push(node, from, from + room);
          from += room;
          this.flush(out);
        }
        continue;
      }
      this.push(node, from, cut);
      from = cut;
      this.flush(out);
    }
    if (from < data.length) this.push(node, from, data.length);
  }

  private push(node: Text, from: number, to: number): void {
    this.pieces.push({ node, from, to });
    this.starts.push(this.text.length);
    this.text += from === 0 && to === node.data.length ? node.data : node.data.slice(from, to);
  }

  private flush(out: TextSegment[]): void {
    if (this.pieces.length > 0 && /\S/.test(this.text) && this.block) {
      out.push({ block: this.block, pieces: this.pieces, starts: this.starts, text: this.text });
    }
    this.pieces = [];
    this.starts = [];
    this.text = '';
  }
}

/** The last sentence end (". ", "! ", "? ", or a line break) in `data[from, to)`, or failing that a space. */
function sentenceCut(data: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) {
    const c = data.charCodeAt(i);
    if (c === 0x0a) return i + 1;
    if (c === 0x20 && i > from) {
      const before = data.charCodeAt(i - 1);
      if (before === 0x2e || before === 0x21 || before === 0x3f) return i + 1;
    }
  }
  const space = data.lastIndexOf(' ', to - 1);
  return space > from ? space + 1 : from;
}

/** Where offset `offset` of a segment's text lies in the DOM. */
export function locate(
  segment: TextSegment,
  offset: number,
  preferEnd: boolean,
): { node: Text; offset: number } {
  const { starts, pieces } = segment;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] as number;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo] as TextPiece;
  return { node: piece.node, offset: piece.from + offset - (starts[lo] as number) };
}
