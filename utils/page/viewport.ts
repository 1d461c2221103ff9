/**
 * Tells which blocks are near the viewport. Painting only those keeps the browser's highlight
 * work proportional to a screenful, not to the page: Chromium revalidates every registered range
 * whenever a highlight changes, so ten thousand ranges on a long page would cost whole frames.
 */
export class ViewportTracker {
  private readonly observer: IntersectionObserver | null;
  private readonly near = new Set<Element>();

  /**
   * @param onChange called with blocks that came near the viewport and blocks that went away
   * @param margin how far beyond the viewport counts as near (CSS margin syntax)
   */
  constructor(
    win: Window,
    private readonly onChange: (entered: Element[], left: Element[]) => void,
    margin = '100% 0px',
  ) {
    const ObserverClass = (win as Window & { IntersectionObserver?: typeof IntersectionObserver })
      .IntersectionObserver;
    this.observer = ObserverClass
      ? new ObserverClass((entries) => this.update(entries), { rootMargin: margin })
      : null;
  }

  /** Without IntersectionObserver (test DOMs), everything counts as near. */
  get tracking(): boolean {
    return this.observer !== null;
  }

  isNear(block: Element): boolean {
    return this.observer === null || this.near.has(block);
  }

  /** Count a block as near until the observer reports on it (it was painted before tracking began). */
  assumeNear(block: Element): void {
    if (this.observer) this.near.add(block);
  }

  observe(block: Element): void {
    this.observer?.observe(block);
  }

  unobserve(block: Element): void {
    this.observer?.unobserve(block);
    this.near.delete(block);
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.near.clear();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    const entered: Element[] = [];
    const left: Element[] = [];
    for (const entry of entries) {
      if (entry.isIntersecting && !this.near.has(entry.target)) {
        this.near.add(entry.target);
        entered.push(entry.target);
      } else if (!entry.isIntersecting && this.near.has(entry.target)) {
        this.near.delete(entry.target);
        left.push(entry.target);
      }
    }
    if (entered.length > 0 || left.length > 0) this.onChange(entered, left);
  }
}
