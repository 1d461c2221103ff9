import type { DateEvidence } from '../article-date/signals';
import type { EntityKind } from '../knowledge/schema';
import type {
  FoundEntity,
  MatchAnswer,
  PageConfig,
  PageDiagnostics,
  PageSummary,
} from '../messages/protocol';
import { Annotator, type PaintFilter } from './annotator';
import { inDocumentOrder, mentionAtPoint, nextMention, revealMention } from './hit';
import type { Mention } from './mention';
import { HighlightPainter, highlightApiOf, type Painter, WrapperPainter } from './paint';
import { type MatchBatch, RemoteMatcher, StaleMatcherError } from './remote-matcher';
import { TaskStats } from './slices';
import { PageWatcher } from './watch';

/** What the controller needs from the extension; the content script passes the real ones. */
export interface ControllerDeps {
  doc: Document;
  /** The page's site (null: not a web page). */
  host: string | null;
  /** How to mark this page, decided by the background from settings, site and packs. */
  config(): Promise<PageConfig>;
  /** Call `listener` whenever settings or packs change, until `signal` ends. */
  watchConfig(listener: () => void, signal: AbortSignal): void;
  /** Match a batch of the page's text in the background. */
  match(batch: MatchBatch): Promise<MatchAnswer>;
  /** What the page says about its date, sent with a session's first batch. */
  dateEvidence(): DateEvidence;
  /** The language the page declares, sent with a session's first batch (live discovery). */
  language?(): string | undefined;
  /** A fresh random session id. */
  sessionId(): string;
  /** Tell the background how many entities the page shows (badge). */
  report(count: { active: boolean; entities: number }): void;
  /** Marking stopped (switched off): close whatever shows a mention. */
  onStop?: () => void;
}

/** How long a mention revealed from the popup stays flashed. */
const FLASH_MS = 1600;

/** Everything started for one stretch of marking; its signal's end tears all of it down. */
interface Session {
  annotator: Annotator;
  painter: Painter;
  remote: RemoteMatcher;
  abort: AbortController;
  key: string;
}

/**
 * Backstory on one page: switches marking on and off as settings change, keeps the annotator
 * and the page watcher together for as long as marking is on, and answers the popup and the
 * keyboard commands. Everything it starts ends with its lifetime signal.
 */
export class PageController {
  private config: PageConfig | null = null;
  private session: Session | null = null;
  private focused: Mention | null = null;
  /** How long Backstory's stretches of work on this page were (the 50 ms task budget). */
  readonly stats = new TaskStats();
  private batches = 0;
  private matchWaitMs = 0;
  private firstConfigMs = Number.NaN;
  /** Paused on this tab only (the keyboard command), whatever the settings say. */
  private pausedHere = false;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: ControllerDeps,
    private readonly lifetime: AbortSignal,
  ) {
    lifetime.addEventListener(
      'abort',
      () => {
        this.stopSession();
        clearTimeout(this.reportTimer);
        clearTimeout(this.flashTimer);
      },
      { once: true },
    );
  }

  /** Ask how to mark the page, and start if Backstory is on here. */
  async start(): Promise<void> {
    this.deps.watchConfig(() => void this.refresh(), this.lifetime);
    await this.refresh();
  }

  /** Pause or resume marking on this tab only; returns whether the page is marked now. */
  async toggleHere(): Promise<boolean> {
    this.pausedHere = !this.pausedHere;
    await this.refresh();
    this.scheduleReport();
    return this.active;
  }

  /** Diagnostics for tests and the curious: the longest task so far, the whole cost, and the page's mentions. */
  diagnostics(): PageDiagnostics {
    const mentions = [...(this.session?.annotator.mentions() ?? [])].length;
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
    };
  }

  /** Is the page being marked? */
  get active(): boolean {
    return this.session !== null;
  }

  /** The entities on the page, for the popup. */
  summary(): PageSummary {
    const session = this.session;
    const entities = session
      ? session.annotator.counts().flatMap(({ entity, count }) => {
          const found = session.remote.entity(entity);
          return found ? [{ id: found.id, name: found.name, kind: found.kind, count }] : [];
        })
      : [];
    const doc = this.deps.doc;
    return {
      active: session !== null,
      host: this.deps.host,
      url: doc.URL,
      title: doc.title,
      entities,
    };
  }

  /** Move the focus mark to the next or previous painted mention and bring it into view. */
  step(direction: 1 | -1): Mention | null {
    const session = this.session;
    if (!session) return null;
    const painted = [...session.annotator.mentions()].filter((mention) =>
      session.annotator.isPaintable(mention),
    );
    const next = nextMention(this.deps.doc, inDocumentOrder(painted), this.focused, direction);
    this.focus(next);
    if (next) revealMention(this.deps.doc, next);
    return next;
  }

  /** Scroll to and flash the first mention of an entity. */
  reveal(id: string): boolean {
    const session = this.session;
    if (!session) return false;
    const [first] = inDocumentOrder(
      [...session.annotator.mentions()].filter(
        (mention) => session.remote.entity(mention.entity)?.id === id,
      ),
    );
    if (!first) return false;
    this.focus(first);
    revealMention(this.deps.doc, first);
    // A flash, not a lasting mark: the focus fades unless something (a card) took it over.
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      if (this.focused === first) this.focus(null);
    }, FLASH_MS);
    return true;
  }

  /** Mark one mention as focused (or none). */
  focus(mention: Mention | null): void {
    this.focused = mention;
    this.session?.painter.focus(mention);
  }

  /** The entity a mention names: its id, display name and kind. */
  describe(mention: Mention): FoundEntity | null {
    return this.session?.remote.entity(mention.entity) ?? null;
  }

  /** The painted mention under a viewport point (hover cards). */
  mentionAt(x: number, y: number): Mention | null {
    const annotator = this.session?.annotator;
    if (!annotator) return null;
    return mentionAtPoint(
      this.deps.doc,
      x,
      y,
      (node) => annotator.mentionsIn(node),
      (mention) => annotator.isPainted(mention),
    );
  }

  /** Ask the background how to mark the page again, and follow (one refresh at a time). */
  private refresh(): Promise<void> {
    const run = this.applying.then(async () => {
      if (this.lifetime.aborted) return;
      const started = performance.now();
      const config = await this.deps.config();
      if (Number.isNaN(this.firstConfigMs)) this.firstConfigMs = performance.now() - started;
      this.apply(config);
    });
    this.applying = run.catch((error: unknown) => {
      if (!this.lifetime.aborted) console.warn('Backstory: could not apply settings', error);
    });
    return this.applying;
  }

  private apply(config: PageConfig): void {
    const previous = this.config;
    this.config = config;
    if (!config.active || this.pausedHere) {
      if (this.session) {
        this.stopSession();
        this.scheduleReport();
      }
      return;
    }
    if (!this.session || this.session.key !== config.key) {
      this.stopSession();
      this.startSession(config);
      return;
    }
    if (previous?.style !== config.style) this.session.painter.setStyle(config.style);
    if (filterChanged(previous, config)) this.session.annotator.setFilter(filterOf(config));
  }

  private startSession(config: PageConfig): void {
    const doc = this.deps.doc;
    if (!doc.body) return;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const api = win ? highlightApiOf(win) : null;
    const painter = api
      ? new HighlightPainter(api, config.style)
      : new WrapperPainter(config.style);
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, this.lifetime]);
    const remote = new RemoteMatcher(
      (batch) => this.timedMatch(batch),
      this.deps.sessionId(),
      config.key,
      this.deps.dateEvidence(),
      // Names live discovery finds once the page is read come later, marked like the others.
      { lang: this.deps.language?.(), signal, onLate: (found) => void annotator.place(found) },
    );
    let watcher: PageWatcher | null = null;
    const annotator = new Annotator(
      doc,
      {
        match: (segments) => remote.match(segments),
        forgetWaiting: (isGone) => remote.forgetWaiting(isGone),
        painter: api ? painter : withDomWriteGuard(painter, () => watcher?.discard()),
        filter: filterOf(config),
        isVisible: (block) => watcher?.isVisible(block) ?? true,
        onChange: () => this.scheduleReport(),
        onFailure: (error) => {
          // The packs changed under the page: ask again, and start over with the new ones.
          if (error instanceof StaleMatcherError) void this.refresh();
          else if (!this.lifetime.aborted) console.warn('Backstory: a scan failed', error);
        },
        stats: this.stats,
      },
      signal,
    );
    watcher = new PageWatcher(
      doc,
      (changes) => {
        if (changes.removed) annotator.prune();
        if (changes.blocks.length > 0) void annotator.scan(changes.blocks);
      },
      (node) => annotator.mentionsIn(node).length > 0,
      signal,
    );
    this.session = { annotator, painter, remote, abort, key: config.key };
    watcher.start();
    void annotator.scan([doc.body]);
  }

  /** End the session: one abort stops the annotator, the watcher and the painter together. */
  private stopSession(): void {
    const session = this.session;
    if (!session) return;
    this.deps.onStop?.();
    this.session = null;
    this.focused = null;
    session.abort.abort();
  }

  private async timedMatch(batch: MatchBatch): Promise<MatchAnswer> {
    const started = performance.now();
    try {
      return await this.deps.match(batch);
    } finally {
      this.batches++;
      this.matchWaitMs += performance.now() - started;
    }
  }

  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      const summary = this.summary();
      this.deps.report({ active: summary.active, entities: summary.entities.length });
    }, 250);
  }
}

function filterOf(config: PageConfig): PaintFilter {
  return { kinds: new Set<EntityKind>(config.kinds), firstMentionOnly: config.firstMentionOnly };
}

function filterChanged(a: PageConfig | null, b: PageConfig): boolean {
  return (
    !a ||
    a.firstMentionOnly !== b.firstMentionOnly ||
    a.kinds.length !== b.kinds.length ||
    a.kinds.some((kind) => !b.kinds.includes(kind))
  );
}

/** The wrapper painter writes to the DOM; its own writes must not look like page changes. */
function withDomWriteGuard(painter: Painter, afterWrite: () => void): Painter {
  const guarded =
    <A extends unknown[]>(write: (...args: A) => void) =>
    (...args: A) => {
      write(...args);
      afterWrite();
    };
  return {
    add: guarded((mentions) => painter.add(mentions)),
    remove: guarded((mentions) => painter.remove(mentions)),
    focus: guarded((mention) => painter.focus(mention)),
    setStyle: guarded((style) => painter.setStyle(style)),
    clear: guarded(() => painter.clear()),
  };
}
