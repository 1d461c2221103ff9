import type { EntityKind } from '../knowledge/schema';
import { Matcher } from '../match/matcher';
import { KIND_CODES, type MatcherData } from '../match/matcher-data';
import type { PageDiagnostics, PageSummary } from '../messages/protocol';
import { isActiveOn, type Settings } from '../settings/settings';
import { Annotator, type PaintFilter } from './annotator';
import { inDocumentOrder, mentionAtPoint, nextMention, revealMention } from './hit';
import type { Mention } from './mention';
import { HighlightPainter, highlightApiOf, type Painter, WrapperPainter } from './paint';
import { TaskStats } from './slices';
import { PageWatcher } from './watch';

/** What the controller needs from the extension; the content script passes the real ones. */
export interface ControllerDeps {
  doc: Document;
  /** The page's site, as settings rules see it (null: not a web page). */
  host: string | null;
  readSettings(): Promise<Settings>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** The compiled matcher for the current packs (asks the background to build it if missing). */
  loadMatcher(): Promise<MatcherData>;
  watchMatcher(listener: () => void): () => void;
  /** Tell the background what the page mentions (badge). */
  report(summary: PageSummary): void;
  /** Marking stopped (switched off): close whatever shows a mention. */
  onStop?: () => void;
}

/** How long a mention revealed from the popup stays flashed. */
const FLASH_MS = 1600;

interface Session {
  annotator: Annotator;
  watcher: PageWatcher;
  painter: Painter;
  abort: AbortController;
}

/**
 * Backstory on one page: switches marking on and off as settings change, keeps the annotator
 * and the page watcher together for as long as marking is on, and answers the popup and the
 * keyboard commands. Everything it starts ends with `dispose()` or its lifetime signal.
 */
export class PageController {
  private settings: Settings | null = null;
  private matcher: Matcher | null = null;
  private session: Session | null = null;
  private focused: Mention | null = null;
  /** How long Backstory's stretches of work on this page were (the 50 ms task budget). */
  readonly stats = new TaskStats();
  /** Paused on this tab only (the keyboard command), whatever the settings say. */
  private pausedHere = false;
  private readonly unsubscribe: (() => void)[] = [];
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deps: ControllerDeps,
    lifetime: AbortSignal,
  ) {
    lifetime.addEventListener('abort', () => this.dispose(), { once: true });
  }

  /** Read settings, and start marking if Backstory is on for this site. */
  async start(): Promise<void> {
    this.settings = await this.deps.readSettings();
    this.unsubscribe.push(
      this.deps.watchSettings((settings) => void this.apply(settings)),
      this.deps.watchMatcher(() => void this.reloadMatcher()),
    );
    await this.apply(this.settings);
  }

  /** Pause or resume marking on this tab only; returns whether the page is marked now. */
  async toggleHere(): Promise<boolean> {
    this.pausedHere = !this.pausedHere;
    if (this.settings) await this.apply(this.settings);
    this.scheduleReport();
    return this.active;
  }

  /** Diagnostics for tests and the curious: the longest task so far, and the page's mentions. */
  diagnostics(): PageDiagnostics {
    const mentions = [...(this.session?.annotator.mentions() ?? [])].length;
    const { longestMs, tasks, overBudget } = this.stats;
    return { longestTaskMs: longestMs, tasks, overBudget, mentions, loadMs: this.loadMs };
  }

  /** How long turning the stored matcher back into arrays took (one task, once per page). */
  loadMs = 0;

  /** Is the page being marked? */
  get active(): boolean {
    return this.session !== null;
  }

  /** The entities on the page, for the popup and the badge. */
  summary(): PageSummary {
    const active = this.session !== null;
    const data = this.matcher?.data;
    const entities =
      active && data
        ? this.session?.annotator.counts().map(({ entity, count }) => ({
            id: data.entityIds[entity] as string,
            name: data.entityNames[entity] as string,
            kind: KIND_CODES[data.entityKinds[entity] as number] as EntityKind,
            count,
          }))
        : [];
    const doc = this.deps.doc;
    return {
      active,
      host: this.deps.host,
      url: doc.URL,
      title: doc.title,
      entities: entities ?? [],
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

  /** Scroll to and focus the first mention of an entity. */
  reveal(id: string): boolean {
    const session = this.session;
    const entity = this.matcher?.data.entityIds.indexOf(id) ?? -1;
    if (!session || entity < 0) return false;
    const [first] = inDocumentOrder(
      [...session.annotator.mentions()].filter((mention) => mention.entity === entity),
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

  /** The annotator of the running session (hover cards hit-test through it). */
  get annotator(): Annotator | null {
    return this.session?.annotator ?? null;
  }

  /** Entity id of a mention. */
  entityId(mention: Mention): string | null {
    return this.matcher?.data.entityIds[mention.entity] ?? null;
  }

  /** Id, display name and kind of a mention's entity. */
  describe(mention: Mention): { id: string; name: string; kind: EntityKind } | null {
    const data = this.matcher?.data;
    if (!data) return null;
    return {
      id: data.entityIds[mention.entity] as string,
      name: data.entityNames[mention.entity] as string,
      kind: KIND_CODES[data.entityKinds[mention.entity] as number] as EntityKind,
    };
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

  dispose(): void {
    for (const stop of this.unsubscribe.splice(0)) stop();
    this.stopSession();
    clearTimeout(this.reportTimer);
    clearTimeout(this.flashTimer);
  }

  private async apply(settings: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    const shouldRun = isActiveOn(settings, this.deps.host) && !this.pausedHere;
    if (!shouldRun) {
      if (this.session) {
        this.stopSession();
        this.scheduleReport();
      }
      return;
    }
    if (!this.session) {
      await this.startSession();
      return;
    }
    if (previous?.style !== settings.style) this.session.painter.setStyle(settings.style);
    if (filterChanged(previous, settings)) this.session.annotator.setFilter(filterOf(settings));
  }

  private async startSession(): Promise<void> {
    const settings = this.settings;
    const doc = this.deps.doc;
    if (!settings || !doc.body) return;
    if (!this.matcher) this.matcher = new Matcher(await this.deps.loadMatcher());
    if (this.session || this.pausedHere || !isActiveOn(this.settings ?? settings, this.deps.host))
      return;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const api = win ? highlightApiOf(win) : null;
    const painter = api
      ? new HighlightPainter(api, settings.style)
      : new WrapperPainter(settings.style);
    const abort = new AbortController();
    let watcher: PageWatcher | null = null;
    const annotator = new Annotator(doc, {
      matcher: this.matcher,
      painter: api ? painter : withDomWriteGuard(painter, () => watcher?.discard()),
      filter: filterOf(settings),
      isVisible: (block) => watcher?.isVisible(block) ?? true,
      onChange: () => this.scheduleReport(),
      stats: this.stats,
    });
    watcher = new PageWatcher(
      doc,
      (changes) => {
        if (changes.removed) annotator.prune();
        if (changes.blocks.length > 0) void annotator.scan(changes.blocks, abort.signal);
      },
      (node) => annotator.mentionsIn(node).length > 0,
    );
    this.session = { annotator, watcher, painter, abort };
    watcher.start();
    await annotator.scan([doc.body], abort.signal);
  }

  private stopSession(): void {
    const session = this.session;
    if (!session) return;
    this.deps.onStop?.();
    this.session = null;
    this.focused = null;
    session.abort.abort();
    session.watcher.stop();
    session.annotator.stop();
    session.watcher.discard();
  }

  private async reloadMatcher(): Promise<void> {
    this.matcher = null;
    if (!this.session) return;
    this.stopSession();
    await this.startSession();
  }

  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.deps.report(this.summary()), 250);
  }
}

function filterOf(settings: Settings): PaintFilter {
  const kinds = new Set(
    (Object.entries(settings.kinds) as [EntityKind, boolean][])
      .filter(([, on]) => on)
      .map(([kind]) => kind),
  );
  return { kinds, firstMentionOnly: settings.firstMentionOnly };
}

function filterChanged(a: Settings | null, b: Settings): boolean {
  return (
    !a ||
    a.firstMentionOnly !== b.firstMentionOnly ||
    JSON.stringify(a.kinds) !== JSON.stringify(b.kinds)
  );
}

/** The wrapper painter writes to the DOM; its own writes must not look like page changes. */
function withDomWriteGuard(painter: Painter, afterWrite: () => void): Painter {
  return {
    add: (mentions) => {
      painter.add(mentions);
      afterWrite();
    },
    remove: (mentions) => {
      painter.remove(mentions);
      afterWrite();
    },
    focus: (mention) => {
      painter.focus(mention);
      afterWrite();
    },
    setStyle: (style) => {
      painter.setStyle(style);
      afterWrite();
    },
    clear: () => {
      painter.clear();
      afterWrite();
    },
  };
}
