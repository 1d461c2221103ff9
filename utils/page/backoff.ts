/** How many times in a row a failed page is started over, the first after how long. */
const RETRIES = 3;
const RETRY_FIRST_MS = 1000;
/** Failures this far apart are not "in a row". */
const RETRY_FORGET_MS = 60_000;

/**
 * Trying again after a failure: after `firstMs`, then twice as long after each failure in a row,
 * and no more after {@link RETRIES} (a failure that lasts is reported, not retried for ever).
 * Failures a minute apart are not in a row. At most one try waits at a time; the end of
 * `signal` cancels it.
 */
export class Backoff {
  private failures = 0;
  private lastFailure = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly signal: AbortSignal,
    private readonly firstMs = RETRY_FIRST_MS,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** Something failed: run `retry` later, unless a try already waits or the tries are spent. */
  failed(retry: () => void): void {
    const now = performance.now();
    if (now - this.lastFailure > RETRY_FORGET_MS) this.failures = 0;
    this.lastFailure = now;
    if (this.timer !== undefined || this.failures >= RETRIES) return;
    const delay = this.firstMs * 2 ** this.failures;
    this.failures += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.signal.aborted) retry();
    }, delay);
  }
}
