import type { PageInput } from './page-input';

/** Seconds in the foreground after which a page counts as read without any input. */
export const READ_AFTER_MS = 8000;

/**
 * Decides when the reader has really read a page, so only reading makes history: the page has
 * been visible in the foreground for {@link READ_AFTER_MS} in all, or the reader clicked, touched
 * or pressed a key on it (trusted input only, through {@link PageInput}: a page can fake neither).
 * A page that reloads itself to mint history gets nowhere: it is never read long enough. (No
 * wheel or touch listeners: registering those makes the browser recompute the page's
 * scroll-blocking regions.)
 */
export class ReadTracker {
  private visibleSince: number | null = null;
  private visibleMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private read = false;

  constructor(
    private readonly doc: Document,
    input: PageInput,
    private readonly onRead: () => void,
    signal: AbortSignal,
    private readonly afterMs = READ_AFTER_MS,
  ) {
    input.on('pointerdown', () => this.markRead());
    input.on('keydown', () => this.markRead());
    doc.addEventListener('visibilitychange', () => this.visibilityChanged(), { signal });
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
    this.visibilityChanged();
  }

  /** Has the page been read? */
  get done(): boolean {
    return this.read;
  }

  private visibilityChanged(): void {
    if (this.read) return;
    const now = performance.now();
    if (this.doc.visibilityState === 'visible') {
      this.visibleSince ??= now;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.markRead(), Math.max(0, this.afterMs - this.visibleMs));
      return;
    }
    if (this.visibleSince !== null) this.visibleMs += now - this.visibleSince;
    this.visibleSince = null;
    clearTimeout(this.timer);
  }

  private markRead(): void {
    if (this.read) return;
    this.read = true;
    clearTimeout(this.timer);
    this.onRead();
  }
}
