import type { PageDiagnostics } from '../messages/protocol';
import { TaskStats } from './slices';

/**
 * What Backstory did on a page, for tests and the curious (`content:diagnostics`): how long its
 * stretches of work were, how many batches it sent and how long their answers took, how many
 * sessions it began, and when the first answer came.
 */
export class PageTally {
  /** How long Backstory's stretches of work on this page were (the 50 ms task budget). */
  readonly stats = new TaskStats();
  private batches = 0;
  private matchWaitMs = 0;
  /** Sessions begun (a new one each time the packs or the look change, or a retry). */
  sessions = 0;
  /** Milliseconds from the start to the first answer (NaN until it came). */
  firstConfigMs = Number.NaN;
  /** Settings answers applied after the first. */
  refreshes = 0;

  /** Send a batch, counting it and the wait for its answer. */
  async timed<T>(send: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await send();
    } finally {
      this.batches++;
      this.matchWaitMs += performance.now() - started;
    }
  }

  /** The figures, with the page's mentions now and whether it is being marked. */
  diagnostics(mentions: number, marking: boolean): PageDiagnostics {
    const { longestMs, tasks, overBudget, busyMs } = this.stats;
    return {
      longestTaskMs: longestMs,
      tasks,
      overBudget,
      busyMs,
      mentions,
      batches: this.batches,
      matchWaitMs: this.matchWaitMs,
      firstConfigMs: this.firstConfigMs,
      sessions: this.sessions,
      refreshes: this.refreshes,
      marking,
    };
  }
}
