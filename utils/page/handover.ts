import { HighlightPainter } from './paint';
import type { PageSession } from './session';

/** Longest an old session's marks stay on screen after a new one took over (its matcher may be compiling). */
const RETIRE_MS = 10_000;

/**
 * A new session took over the page (the packs changed): the old one's marks stay until the new
 * one has painted its first batch, or {@link RETIRE_MS} passed, so the page does not flash
 * unmarked. Wrappers in the DOM (no CSS highlights) cannot overlap: they go at once.
 */
export class Handover {
  private old: PageSession | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `old` was taken over (by a session that started, when `replaced`): end it once that one has painted. */
  begin(old: PageSession, replaced: boolean): void {
    this.end();
    if (!replaced || !(old.painter instanceof HighlightPainter)) {
      old.abort.abort();
      return;
    }
    this.old = old;
    this.timer = setTimeout(() => this.end(), RETIRE_MS);
  }

  /** The new session painted (or marking stopped): the old one ends now. */
  end(): void {
    clearTimeout(this.timer);
    this.old?.abort.abort();
    this.old = null;
  }
}
