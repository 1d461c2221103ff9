import { isInline, isInsideSkipped } from './elements';
import { whenIdle } from './slices';

/** Attributes whose change can show or hide text. */
const VISIBILITY_ATTRIBUTES = [
  'hidden',
  'aria-hidden',
  'style',
  'class',
  'open',
  'contenteditable',
];
/** Of those, the ones pages flip all the time for styling: they count only near hidden text. */
const STYLING_ATTRIBUTES = new Set(['style', 'class']);
/** Hidden blocks remembered for a later reveal; past this, the oldest are forgotten. */
const MAX_HIDDEN = 2000;

/** What a batch of page changes asks of the annotator. */
export interface PageChanges {
  /** Blocks whose text changed or appeared: rescan them. */
  blocks: Element[];
  /** Something was removed: drop mentions that left the page. */
  removed: boolean;
}

/** Text with no letter cannot hold a name: clocks, counters and scores tick for free. */
const HAS_LETTER = /\p{L}/u;

/**
 * Watches the page for text that arrives or changes (live blogs, infinite scroll, single-page
 * apps) and reports the affected blocks in batches, when the page is idle. Ignores Backstory's
 * own UI, skipped regions (scripts, inputs, editors) and changes that cannot hold a name.
 */
export class PageWatcher {
  private readonly observer: MutationObserver;
  private blocks = new Set<Element>();
  private readonly hidden = new Set<Element>();
  private removed = false;
  private cancelIdle: (() => void) | null = null;

  /**
   * @param holdsMentions whether a text node has mentions now (its change must be looked at even
   *   when the new text has no letters, to drop them)
   */
  constructor(
    private readonly doc: Document,
    private readonly onChanges: (changes: PageChanges) => void,
    private readonly holdsMentions: (node: Text) => boolean,
    signal: AbortSignal,
  ) {
    const ObserverClass =
      (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ??
      MutationObserver;
    this.observer = new ObserverClass((records) => this.collect(records));
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  start(): void {
    this.observer.observe(this.doc.documentElement, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      attributeFilter: VISIBILITY_ATTRIBUTES,
    });
  }

  /** Stop watching (the session's end; called by its signal). */
  private stop(): void {
    this.observer.disconnect();
    this.cancelIdle?.();
    this.cancelIdle = null;
    this.blocks.clear();
    this.removed = false;
  }

  /**
   * Is a block shown? For the scanner: a hidden block is skipped and remembered, so that
   * the style or class change that reveals it (an expanding "read more") gets it scanned.
   */
  isVisible = (block: Element): boolean => {
    const check = (block as Element & { checkVisibility?: () => boolean }).checkVisibility;
    if (!check || check.call(block)) {
      this.hidden.delete(block);
      return true;
    }
    if (this.hidden.size >= MAX_HIDDEN)
      this.hidden.delete(this.hidden.values().next().value as Element);
    this.hidden.add(block);
    return false;
  };

  /** Drop changes not yet delivered: Backstory's own DOM writes (the wrapper fallback) are not news. */
  discard(): void {
    this.observer.takeRecords();
  }

  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        if (target.nodeType !== 3) continue;
        if (HAS_LETTER.test((target as Text).data) || this.holdsMentions(target as Text))
          this.add(target);
        continue;
      }
      if (record.type === 'attributes') {
        if (target.nodeType === 1)
          this.attributeChanged(target as Element, record.attributeName ?? '');
        continue;
      }
      for (const node of record.removedNodes) {
        if (node.nodeType === 1 || (node.nodeType === 3 && this.holdsMentions(node as Text)))
          this.removed = true;
      }
      for (const node of record.addedNodes) {
        if (
          node.nodeType === 3
            ? HAS_LETTER.test((node as Text).data)
            : node.nodeType === 1 && HAS_LETTER.test(node.textContent ?? '')
        ) {
          this.add(node);
        }
      }
    }
    if ((this.blocks.size > 0 || this.removed) && !this.cancelIdle) {
      this.cancelIdle = whenIdle(() => this.flush());
    }
  }

  private attributeChanged(element: Element, name: string): void {
    if (!STYLING_ATTRIBUTES.has(name)) {
      // Hidden, aria-hidden, editable or their reverse: the annotator rescans the element,
      // or, when it is now skipped, drops its mentions.
      this.blocks.add(element);
      return;
    }
    for (const block of this.hidden) {
      if (element === block || element.contains(block)) this.add(block);
    }
  }

  /** Record the block that holds `node`, unless the change is ours or in a skipped region. */
  private add(node: Node): void {
    let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element || isInsideSkipped(element)) return;
    // A change inside an inline element is a change to its block, read again as a whole.
    while (isInline(element) && element.parentElement) element = element.parentElement;
    this.blocks.add(element);
  }

  private flush(): void {
    this.cancelIdle = null;
    const changes = { blocks: [...this.blocks], removed: this.removed };
    this.blocks = new Set();
    this.removed = false;
    if (changes.blocks.length > 0 || changes.removed) this.onChanges(changes);
  }
}
