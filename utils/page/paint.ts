import type { HighlightStyle } from './highlight-styles';
import type { Mention } from './mention';

/** Paints and unpaints mentions. Two implementations: CSS highlights, and wrappers where those are missing. */
export interface Painter {
  add(mentions: readonly Mention[]): void;
  remove(mentions: readonly Mention[]): void;
  /** Show one mention as the focused one (keyboard navigation, open card), or none. */
  focus(mention: Mention | null): void;
  setStyle(style: HighlightStyle): void;
  /** Remove every mark; the page is left exactly as it was. */
  clear(): void;
}

/**
 * The name of the highlight that paints every mark in one style. `CSS.highlights` is shared with
 * the page, so a name says nothing about what was recognised: not the entity, not its kind, not
 * whether it is one of the reader's own.
 */
export function highlightName(style: HighlightStyle, live = false): string {
  return live ? `backstory-${style}-live` : `backstory-${style}`;
}
export const FOCUS_HIGHLIGHT = 'backstory-focus';

/** The browser features the highlight painter needs, passed in so tests and other realms can supply them. */
export interface HighlightApi {
  registry: HighlightRegistry;
  create(): Highlight;
}

/** The page's highlight API, when it has one (Chromium 105+, Firefox 140+, Safari 17.2+). */
export function highlightApiOf(win: Window & typeof globalThis): HighlightApi | null {
  const registry = win.CSS?.highlights;
  const HighlightClass = (win as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !HighlightClass) return null;
  return { registry, create: () => new HighlightClass() };
}

/**
 * Paints with the CSS Custom Highlight API: ranges are registered, nothing in the DOM changes,
 * and `clear()` unregisters them. One highlight for every mark of the packs, named only by
 * style, and one for the marks live discovery found on Wikipedia (so a reader tells them apart).
 */
export class HighlightPainter implements Painter {
  private readonly marks: Highlight;
  private readonly liveMarks: Highlight;
  private readonly focused: Highlight;

  constructor(
    private readonly api: HighlightApi,
    private style: HighlightStyle,
  ) {
    this.marks = api.create();
    this.liveMarks = api.create();
    this.focused = api.create();
    this.focused.priority = 1;
  }

  add(mentions: readonly Mention[]): void {
    for (const mention of mentions) (mention.live ? this.liveMarks : this.marks).add(mention.range);
    this.register();
  }

  remove(mentions: readonly Mention[]): void {
    for (const mention of mentions) {
      this.marks.delete(mention.range);
      this.liveMarks.delete(mention.range);
      this.focused.delete(mention.range);
    }
  }

  /**
   * Register each non-empty highlight under its style's name unless it already is. A registered
   * highlight is live, so adding ranges needs no new registration; registering again costs
   * Firefox a pass over every range, which made painting a long page quadratic.
   */
  private register(): void {
    for (const [name, highlight] of this.named())
      if (highlight.size > 0 && this.api.registry.get(name) !== highlight)
        this.api.registry.set(name, highlight);
  }

  /** The marks' highlights under their names in the current style. */
  private named(): [string, Highlight][] {
    return [
      [highlightName(this.style), this.marks],
      [highlightName(this.style, true), this.liveMarks],
    ];
  }

  focus(mention: Mention | null): void {
    this.focused.clear();
    if (mention) this.focused.add(mention.range);
    if (this.focused.size > 0) this.api.registry.set(FOCUS_HIGHLIGHT, this.focused);
    else this.unregister(FOCUS_HIGHLIGHT, this.focused);
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.unregisterMarks();
    this.style = style;
    this.register();
  }

  clear(): void {
    this.marks.clear();
    this.liveMarks.clear();
    this.unregisterMarks();
    this.focus(null);
  }

  private unregisterMarks(): void {
    for (const [name, highlight] of this.named()) this.unregister(name, highlight);
  }

  /**
   * Take a name out of the registry if it holds this painter's highlight: a painter that took
   * over (the packs changed, and the new session painted) keeps its marks.
   */
  private unregister(name: string, highlight: Highlight): void {
    if (this.api.registry.get(name) === highlight) this.api.registry.delete(name);
  }
}

/** Tag of the wrapper fallback's elements (a custom element name: no page CSS targets it by accident). */
export const WRAPPER_TAG = 'backstory-mark';

interface WrappedNode {
  original: string;
  inserted: Node[];
}

/**
 * Fallback for browsers without CSS highlights: wraps mention text in `<backstory-mark>`
 * elements. It changes the DOM, so it records every text node it splits and `clear()` puts each
 * back exactly (same node, same data, split-off nodes removed). Used only where the API is absent.
 */
export class WrapperPainter implements Painter {
  private readonly wrapped = new Map<Text, WrappedNode>();
  private readonly marksOf = new Map<Mention, Element[]>();
  private focusedMarks: Element[] = [];

  constructor(private style: HighlightStyle) {}

  add(mentions: readonly Mention[]): void {
    // Split each text node once, from its end backwards, so earlier offsets stay valid.
    const byNode = new Map<Text, { from: number; to: number; mention: Mention }[]>();
    for (const mention of mentions) {
      for (const node of mention.nodes) {
        if (this.wrapped.has(node) || !node.isConnected) continue;
        const { startContainer, startOffset, endContainer, endOffset } = mention.range;
        const from = node === startContainer ? startOffset : 0;
        const to = node === endContainer ? endOffset : node.data.length;
        if (to > from) byNode.set(node, [...(byNode.get(node) ?? []), { from, to, mention }]);
      }
    }
    for (const [node, spans] of byNode) {
      const record: WrappedNode = { original: node.data, inserted: [] };
      for (const span of spans.sort((a, b) => b.from - a.from)) {
        if (span.to < node.data.length) record.inserted.push(node.splitText(span.to));
        const middle = node.splitText(span.from);
        const mark = node.ownerDocument.createElement(WRAPPER_TAG);
        mark.setAttribute('data-style', this.style);
        if (span.mention.live) mark.setAttribute('data-live', '');
        middle.replaceWith(mark);
        mark.append(middle);
        record.inserted.push(mark);
        this.marksOf.set(span.mention, [...(this.marksOf.get(span.mention) ?? []), mark]);
      }
      this.wrapped.set(node, record);
    }
  }

  remove(mentions: readonly Mention[]): void {
    for (const mention of mentions) {
      for (const node of mention.nodes) this.restore(node);
      this.marksOf.delete(mention);
    }
  }

  focus(mention: Mention | null): void {
    for (const mark of this.focusedMarks) mark.removeAttribute('data-focused');
    this.focusedMarks = mention ? (this.marksOf.get(mention) ?? []) : [];
    for (const mark of this.focusedMarks) mark.setAttribute('data-focused', '');
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    for (const marks of this.marksOf.values())
      for (const mark of marks) mark.setAttribute('data-style', style);
  }

  clear(): void {
    for (const node of [...this.wrapped.keys()]) this.restore(node);
    this.marksOf.clear();
    this.focusedMarks = [];
  }

  private restore(node: Text): void {
    const record = this.wrapped.get(node);
    if (!record) return;
    for (const inserted of record.inserted) inserted.parentNode?.removeChild(inserted);
    node.data = record.original;
    this.wrapped.delete(node);
  }
}
