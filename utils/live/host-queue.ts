/**
 * One request at a time per host. Services ask tools to queue rather than fan out (Wikimedia's
 * etiquette; GDELT answers about one request per five seconds), so every live request waits its
 * turn on its host, optionally keeps a minimum spacing from the previous one, and waits out a
 * host's `Retry-After` together with everyone queued behind it.
 */

/** Sleeps `ms`, or rejects with the signal's reason once it aborts. Timer-based, so fake timers drive it. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
  });
}

/** Resolves with `promise`, or rejects as soon as the signal aborts (the promise runs on). */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {}); // still settles later: its failure must not go unhandled
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export interface QueueTurn {
  /** Wait before starting, measured from when the previous task on this host started. */
  spacingMs?: number;
  /** Leave the queue (rejecting with the signal's reason) when this aborts. */
  signal?: AbortSignal;
}

/** Serialises tasks per host, with spacing and a shared "blocked until" per host. */
export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastStart = new Map<string, number>();
  private readonly blocked = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Runs `task` once every task queued earlier for `host` has finished, and at least `spacingMs`
   * after the previous one started. A task whose signal aborts while waiting leaves the queue
   * without holding up those behind it.
   */
  async run<T>(host: string, task: () => Promise<T>, turn: QueueTurn = {}): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release: () => void = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(host, tail);
    try {
      await untilAborted(previous, turn.signal);
      const spacing =
        (this.lastStart.get(host) ?? Number.NEGATIVE_INFINITY) + (turn.spacingMs ?? 0);
      const wait = spacing - this.now();
      if (wait > 0) await sleep(wait, turn.signal);
      this.lastStart.set(host, this.now());
      return await task();
    } finally {
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }

  /** Holds every later request to `host` until `until` (epoch ms), e.g. after a 429's Retry-After. */
  block(host: string, until: number): void {
    if (until > (this.blocked.get(host) ?? 0)) this.blocked.set(host, until);
  }

  /** How long `host` is still blocked, in ms (0 when free). */
  blockedFor(host: string): number {
    const until = this.blocked.get(host);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) this.blocked.delete(host);
    return Math.max(0, left);
  }
}
