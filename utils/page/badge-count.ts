/** A page's count as the toolbar badge shows it. */
export interface PageCount {
  active: boolean;
  entities: number;
}

/** What a marking session has found: by the page's own count, and by the background's. */
export interface SessionCounts {
  /** Entities the page's mentions name now. */
  page: number;
  /** Entities the background has described to the session: what it puts on the badge itself. */
  background: number;
}

/**
 * Decides when the page must tell the background its count for the toolbar badge. The background
 * counts what it found on the page itself (after a session's first batch, and after each batch
 * that met new entities), so on an ordinary page nothing needs telling; the page speaks only when
 * its own count differs (mentions gone with text the page removed) or marking stopped.
 */
export class BadgeCount {
  /** What the page last told, and the background's count then (a new entity since overrides it). */
  private told: { entities: number; background: number } | null = null;
  private marking = false;

  /** A session started: the background counts from its first batch. */
  started(): void {
    this.told = null;
    this.marking = true;
  }

  /**
   * The count to tell the background now, or null when the badge already shows it.
   * @param session the current session's counts; null when marking is off
   */
  update(session: SessionCounts | null): PageCount | null {
    if (!session) {
      if (!this.marking) return null;
      this.marking = false;
      this.told = null;
      return { active: false, entities: 0 };
    }
    const told = this.told;
    const shown =
      told && told.background === session.background ? told.entities : session.background;
    if (session.page === shown) return null;
    this.told = { entities: session.page, background: session.background };
    return { active: true, entities: session.page };
  }
}
