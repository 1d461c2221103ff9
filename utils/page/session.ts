import type { DateEvidence } from '../article-date/signals';
import type { EntityKind } from '../knowledge/schema';
import type { FoundEntity, MatchAnswer, PageConfig, PageSummary } from '../messages/protocol';
import { Annotator } from './annotator';
import type { HighlightStyle } from './highlight-styles';
import { mentionAtPoint } from './hit';
import type { Mention } from './mention';
import type { PaintFilter } from './page-marks';
import { HighlightPainter, highlightApiOf, type Painter, WrapperPainter } from './paint';
import { type MatchBatch, RemoteMatcher } from './remote-matcher';
import type { TaskStats } from './slices';
import { PageWatcher } from './watch';

/** How a session paints: the part of the page's config the painter and the annotator read. */
export interface SessionLook {
  style: HighlightStyle;
  filter: PaintFilter;
}

/** What a session needs from the controller that starts it. */
export interface SessionHooks {
  /** Match a batch in the background. */
  send(batch: MatchBatch): Promise<MatchAnswer>;
  sessionId: string;
  /** The packs' key to match with ('' when the first answer brings it). */
  key: string;
  dateEvidence: DateEvidence;
  /** The language the page declares, sent with the first batch (live discovery). */
  lang?: string | undefined;
  /** The mentions changed (after a batch, a prune or a new filter). */
  onChange(): void;
  /** A scan failed other than by the session ending. */
  onFailure(error: unknown): void;
  stats: TaskStats;
}

/**
 * Everything started for one stretch of marking: the annotator reading and painting the page,
 * the watcher following its changes, the remote matcher holding what the background found. The
 * abort controller's end (or the lifetime's) tears all of it down.
 */
export interface PageSession {
  annotator: Annotator;
  painter: Painter;
  remote: RemoteMatcher;
  abort: AbortController;
  key: string;
}

/** Until the first answer, a page is read as it will most likely be marked: everything, underlined. */
export const FIRST_LOOK: SessionLook = {
  style: 'underline',
  filter: { kinds: new Set(), firstMentionOnly: false },
};

/** The look a config asks for. */
export function lookOf(config: PageConfig): SessionLook {
  return {
    style: config.style,
    filter: { kinds: new Set<EntityKind>(config.kinds), firstMentionOnly: config.firstMentionOnly },
  };
}

/** Does `b` paint other kinds, or other mentions, than `a` (null: nothing painted yet)? */
export function filterChanged(a: PageConfig | null, b: PageConfig): boolean {
  return (
    !a ||
    a.firstMentionOnly !== b.firstMentionOnly ||
    a.kinds.length !== b.kinds.length ||
    a.kinds.some((kind) => !b.kinds.includes(kind))
  );
}

/**
 * Start marking a page: watch it for changes, then read its whole body. Null when the document
 * has no body yet.
 */
export function startSession(
  doc: Document,
  look: SessionLook,
  hooks: SessionHooks,
  lifetime: AbortSignal,
): PageSession | null {
  if (!doc.body) return null;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const api = win ? highlightApiOf(win) : null;
  const painter = api ? new HighlightPainter(api, look.style) : new WrapperPainter(look.style);
  const abort = new AbortController();
  const signal = AbortSignal.any([abort.signal, lifetime]);
  // Names live discovery finds once the page is read come later, marked like the others.
  const remote = new RemoteMatcher(hooks.send, hooks.sessionId, hooks.key, hooks.dateEvidence, {
    lang: hooks.lang,
    signal,
    onLate: (found) => void annotator.place(found),
  });
  let watcher: PageWatcher | null = null;
  const annotator = new Annotator(
    doc,
    {
      match: (segments) => remote.match(segments),
      forgetWaiting: (isGone) => remote.forgetWaiting(isGone),
      painter: api ? painter : withDomWriteGuard(painter, () => watcher?.discard()),
      filter: look.filter,
      isVisible: (block) => watcher?.isVisible(block) ?? true,
      onChange: hooks.onChange,
      onFailure: hooks.onFailure,
      stats: hooks.stats,
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
  watcher.start();
  void annotator.readPage(doc.body);
  return { annotator, painter, remote, abort, key: hooks.key };
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

/** The entities a session found on the page, for the popup (none when nothing marks it). */
export function summaryOf(
  session: PageSession | null,
  doc: Document,
  host: string | null,
): PageSummary {
  const entities = session
    ? session.annotator.counts().flatMap(({ entity, count }) => {
        const found = session.remote.entity(entity);
        return found ? [{ id: found.id, name: found.name, kind: found.kind, count }] : [];
      })
    : [];
  return { active: session !== null, host, url: doc.URL, title: doc.title, entities };
}

/** The entity a mention names: its id, display name and kind. */
export function describeIn(session: PageSession | null, mention: Mention): FoundEntity | null {
  if (mention.explained) return mention.explained.entity;
  // A mention of a session that ended (the packs changed while a hover waited) names nothing:
  // its entity numbers were that session's.
  const node = mention.nodes[0];
  if (!session || !node || !session.annotator.mentionsIn(node).includes(mention)) return null;
  return session.remote.entity(mention.entity) ?? null;
}

/** The painted mention of a session under a viewport point (hover cards). */
export function mentionAtIn(
  session: PageSession | null,
  doc: Document,
  x: number,
  y: number,
): Mention | null {
  const annotator = session?.annotator;
  if (!annotator) return null;
  return mentionAtPoint(
    doc,
    x,
    y,
    (node) => annotator.mentionsIn(node),
    (mention) => annotator.isPainted(mention),
  );
}
