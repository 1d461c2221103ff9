import type { DateEvidence } from '../article-date/signals';
import type {
  FoundEntity,
  MatchAnswer,
  PageConfig,
  PageDiagnostics,
  PageStart,
  PageSummary,
} from '../messages/protocol';
import { Backoff } from './backoff';
import { BadgeCount, type PageCount } from './badge-count';
import { Handover } from './handover';
import type { Mention } from './mention';
import { PageTally } from './page-tally';
import { type MatchBatch, StaleMatcherError } from './remote-matcher';
import {
  describeIn,
  FIRST_LOOK,
  filterChanged,
  lookOf,
  mentionAtIn,
  type PageSession,
  type SessionLook,
  startSession,
  summaryOf,
} from './session';

/** What the controller needs from the extension; the content script passes the real ones. */
export interface ControllerDeps {
  doc: Document;
  /** The page's site (null: not a web page), for the popup. */
  host(): string | null;
  /**
   * Send the page's first batch with the question how to mark it: the background answers with
   * the config and, when the page is to be marked, the batch matched.
   */
  start(batch: MatchBatch): Promise<PageStart>;
  /** How to mark this page now (asked again when settings or packs change). */
  config(): Promise<PageConfig>;
  /** Match a batch of the page's text in the background. */
  match(batch: MatchBatch): Promise<MatchAnswer>;
  /** What the page says about its date, sent with a session's first batch. */
  dateEvidence(): DateEvidence;
  /** The language the page declares, sent with a session's first batch (live discovery). */
  language?(): string | undefined;
  /** A fresh random session id. */
  sessionId(): string;
  /** Tell the background the page's count for the badge (only when it differs from its own). */
  report(count: PageCount): void;
  /** The page's count of entities, after each change (settled for a moment). */
  counted?: (entities: number) => void;
  /** A session marks the page (the first answer said so, or later settings): what only a marked page needs may start. */
  onMarking?: () => void;
  /**
   * Marking stopped (switched off, or paused here): close whatever shows a mention. Not called
   * when another session takes over at once (the packs changed): a card the reader has open, say
   * the one where they just chose another meaning, stays open.
   */
  onStop?: () => void;
  /** How long after a first failure the page starts over (doubling after each; tests shorten it). */
  retryFirstMs?: number;
}

/**
 * Backstory on one page: starts marking with the page's first batch of text (one message asks
 * whether to mark the page and matches that batch), switches marking on and off as settings
 * change, and answers the popup and the keyboard commands. Everything it starts ends with its
 * lifetime signal.
 */
export class PageController {
  /** Null until the first answer. */
  private config: PageConfig | null = null;
  private session: PageSession | null = null;
  private readonly tally = new PageTally();
  /** Paused on this tab only (the keyboard command), whatever the settings say. */
  private pausedHere = false;
  private readonly badge = new BadgeCount();
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private applying: Promise<void> = Promise.resolve();
  /** Failed stretches of matching (a lost message): each starts the page over, later. */
  private readonly retries: Backoff;
  /** The next settings answer starts a new session even when its key is the same (a retry). */
  private restartNext = false;
  /** The session a new one took over from, its marks still shown until the new one paints. */
  private readonly handover = new Handover();

  constructor(
    private readonly deps: ControllerDeps,
    private readonly lifetime: AbortSignal,
  ) {
    this.retries = new Backoff(lifetime, deps.retryFirstMs);
    lifetime.addEventListener(
      'abort',
      () => {
        this.stopSession();
        clearTimeout(this.reportTimer);
      },
      { once: true },
    );
  }

  /** Start reading the page; its first batch asks whether to mark it. */
  start(): void {
    const started = performance.now();
    let asked = false;
    const session = this.begin(FIRST_LOOK, '', async (batch) => {
      // The session's later batches (text the page adds) are matched as usual.
      if (asked) return this.deps.match(batch);
      asked = true;
      const { config, answer } = await this.deps.start(batch);
      this.tally.firstConfigMs = performance.now() - started;
      // A refresh took over meanwhile (settings changed, or paused here): this answer is stale.
      if (!session || this.session !== session) return { ...NOTHING, key: '' };
      this.config = config;
      if (!config.active || this.pausedHere || !answer) {
        this.stopSession();
        return { ...NOTHING, key: '' };
      }
      session.key = config.key;
      const look = lookOf(config);
      session.painter.setStyle(look.style);
      session.annotator.setFilter(look.filter);
      this.marking();
      return answer;
    });
  }

  /** Settings or packs changed: ask how to mark the page again, and follow. */
  refresh(): Promise<void> {
    // One refresh at a time, in order.
    const run = this.applying.then(async () => {
      if (this.lifetime.aborted) return;
      this.apply(await this.deps.config());
      this.tally.refreshes += 1;
    });
    this.applying = run.catch((error: unknown) => {
      if (!this.lifetime.aborted) console.warn('Backstory: could not apply settings', error);
    });
    return this.applying;
  }

  /** Pause or resume marking on this tab only; returns whether the page is marked now. */
  async toggleHere(): Promise<boolean> {
    this.pausedHere = !this.pausedHere;
    await this.refresh();
    this.scheduleReport();
    return this.active;
  }

  /** Is the page being marked? */
  get active(): boolean {
    return this.session !== null;
  }

  /** The session marking the page now, if any. */
  get current(): PageSession | null {
    return this.session;
  }

  /** Diagnostics for tests and the curious: the longest task so far, the whole cost, and the page's mentions. */
  diagnostics(): PageDiagnostics {
    const mentions = [...(this.session?.annotator.mentions() ?? [])].length;
    return this.tally.diagnostics(mentions, this.active);
  }

  /** Read the rest of a long page now (the popup lists the whole page's entities). */
  async readAll(): Promise<void> {
    await this.session?.annotator.readAll();
  }

  /** The entities on the page, for the popup. */
  summary(): PageSummary {
    return summaryOf(this.session, this.deps.doc, this.deps.host());
  }

  /** The entity a mention names: its id, display name and kind. */
  describe(mention: Mention): FoundEntity | null {
    return describeIn(this.session, mention);
  }

  /** The painted mention under a viewport point (hover cards). */
  mentionAt(x: number, y: number): Mention | null {
    return mentionAtIn(this.session, this.deps.doc, x, y);
  }

  private apply(config: PageConfig): void {
    const previous = this.config;
    this.config = config;
    if (!config.active || this.pausedHere) {
      this.restartNext = false;
      if (this.session) {
        this.stopSession();
        this.scheduleReport();
      }
      return;
    }
    const session = this.session;
    if (!session || session.key !== config.key || this.restartNext) {
      this.restartNext = false;
      // The old session keeps its marks on screen until the new one has painted.
      this.session = null;
      const fresh = this.begin(lookOf(config), config.key, (batch) => this.deps.match(batch));
      if (fresh) this.marking();
      if (session) this.handover.begin(session, fresh !== null);
      return;
    }
    const look = lookOf(config);
    if (previous?.style !== config.style) session.painter.setStyle(look.style);
    if (filterChanged(previous, config)) session.annotator.setFilter(look.filter);
  }

  /** A session is marking the page. */
  private marking(): void {
    this.badge.started();
    this.deps.onMarking?.();
  }

  /** Start a session that matches through `send` (null: the document has no body). */
  private begin(
    look: SessionLook,
    key: string,
    send: (batch: MatchBatch) => Promise<MatchAnswer>,
  ): PageSession | null {
    const session = startSession(
      this.deps.doc,
      look,
      {
        send: (batch) => this.tally.timed(() => send(batch)),
        sessionId: this.deps.sessionId(),
        key,
        dateEvidence: this.deps.dateEvidence(),
        lang: this.deps.language?.(),
        onChange: () => {
          // The new session painted its first batch: the one it took over from may go.
          if (this.session === session) this.handover.end();
          this.scheduleReport();
        },
        onFailure: (error) => {
          // A session already taken over fails as it ends: nothing to do.
          if (this.session !== session) return;
          // The packs changed under the page: ask again, and start over with the new ones.
          if (error instanceof StaleMatcherError) void this.refresh();
          else if (!this.lifetime.aborted) {
            console.warn('Backstory: a scan failed', error);
            this.retryLater();
          }
        },
        stats: this.tally.stats,
      },
      this.lifetime,
    );
    this.session = session;
    if (session) this.tally.sessions += 1;
    return session;
  }

  /**
   * A batch could not be matched (its message was lost: the background was restarting, say), so
   * part of the page, perhaps all of it, is unmarked: start over in a moment ({@link Backoff}).
   */
  private retryLater(): void {
    this.retries.failed(() => {
      if (this.config === null) {
        // The first answer never came: ask it again, with the page's text.
        this.stopSession({ takenOver: true });
        this.start();
      } else {
        this.restartNext = true;
        void this.refresh();
      }
    });
  }

  /**
   * End the session: one abort stops the annotator, the watcher and the painter together.
   * `takenOver`: a new session starts at once, so what shows a mention may stay.
   */
  private stopSession({ takenOver = false } = {}): void {
    this.handover.end();
    const session = this.session;
    if (!session) return;
    if (!takenOver) this.deps.onStop?.();
    this.session = null;
    session.abort.abort();
  }

  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      const session = this.session;
      const page = session?.annotator.entityCount() ?? 0;
      this.deps.counted?.(page);
      const told = this.badge.update(
        session ? { page, background: session.remote.entityCount } : null,
      );
      if (told) this.deps.report(told);
    }, 250);
  }
}

/** An answer with nothing in it (a session that ended before its first answer). */
const NOTHING: Omit<MatchAnswer, 'key'> = { mentions: [], released: [], waiting: [], entities: [] };
