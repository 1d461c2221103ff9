/**
 * Cooperative time slicing: long work runs in slices of a few milliseconds and gives the page
 * the main thread in between, so no task Backstory runs comes near 50 ms.
 */

/** Milliseconds of work per slice: well under the 50 ms long-task line, with room for one overrun. */
export const SLICE_MS = 8;

/**
 * Let the page run (input, rendering, its own scripts) before continuing. A macrotask, not
 * `scheduler.yield()`: yield's continuations jump the queue, and a chain of them held frames back
 * by 70–100 ms on a 1 MB page; after a timer task the browser paints when a frame is due.
 */
export function yieldToPage(signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
  });
}

/** The longest stretch of work between yields, and how many there were: the task budget, measured. */
export class TaskStats {
  longestMs = 0;
  tasks = 0;
  /** Stretches over the 50 ms long-task line (a slice overrun, or a garbage collection inside one). */
  overBudget = 0;
  /** All the stretches together: Backstory's whole cost on the page's thread. */
  busyMs = 0;

  record(ms: number): void {
    this.tasks++;
    this.busyMs += ms;
    if (ms > this.longestMs) this.longestMs = ms;
    if (ms > 50) this.overBudget++;
  }
}

/** A clock for one slice. */
export class Slice {
  private end: number;
  private started: number;

  constructor(
    private readonly ms = SLICE_MS,
    private readonly stats?: TaskStats,
  ) {
    this.started = performance.now();
    this.end = this.started + ms;
  }

  /** Start a new stretch of work, with a whole slice ahead of it. */
  private restart(): void {
    this.started = performance.now();
    this.end = this.started + this.ms;
  }

  /** The work is over: record the last stretch. */
  finish(): void {
    this.stats?.record(performance.now() - this.started);
  }

  /** Has this slice used its time? */
  get spent(): boolean {
    return performance.now() >= this.end;
  }

  /**
   * Wait for something off the page's thread (the background matching a batch): the stretch so
   * far is recorded, the page runs meanwhile, and a new stretch starts when the answer comes.
   */
  async wait<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
    this.stats?.record(performance.now() - this.started);
    const value = await work;
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    this.restart();
    return value;
  }

  /** Yield to the page if the slice is spent (or `force`), then start a new one. */
  async breathe(signal?: AbortSignal, force = false): Promise<void> {
    if (!force && !this.spent) return;
    this.stats?.record(performance.now() - this.started);
    await yieldToPage(signal);
    this.restart();
  }
}

/** Run `work` when the page is idle (or after `timeout` ms at the latest). */
export function whenIdle(work: () => void, timeout = 300): () => void {
  const win = globalThis as {
    requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (win.requestIdleCallback && win.cancelIdleCallback) {
    const id = win.requestIdleCallback(work, { timeout });
    return () => win.cancelIdleCallback?.(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
}
