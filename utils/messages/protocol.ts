/**
 * The message protocol's shared shapes: the envelope on the wire, results, sender roles, and the
 * data that crosses between the page, the card frame, our pages and the background. The messages
 * themselves, with a schema for each payload, are in `background-messages.ts` (answered by the
 * background) and `content-messages.ts` (answered by a tab's content script).
 */
import type * as v from 'valibot';
import type { ArticleDate } from '../article-date/choose';
import type { VisitedPage } from '../history/history-store';
import type { Entity, EntityKind } from '../knowledge/schema';
import type { SearchLink } from '../live/search-link';

/** Who may send a message: a page's content script, a card frame in a tab, or our own pages and background. */
export type SenderRole = 'content' | 'card' | 'extension-page';

/** One message: who may send it and what its payload must look like. */
export interface MessageSpec<Request = unknown> {
  senders: readonly SenderRole[];
  request: v.GenericSchema<unknown, Request>;
}

/** Any protocol map: message name → request and response types. */
export type ProtocolMap = Record<string, { request: unknown; response: unknown }>;

/** A protocol's messages with their specs, typed by the protocol map. */
export type MessageSpecs<P extends ProtocolMap> = { [N in keyof P]: MessageSpec<P[N]['request']> };

/** The shape on the wire. */
export interface Envelope<P extends ProtocolMap = ProtocolMap, N extends keyof P = keyof P> {
  backstory: 1;
  name: N;
  payload: P[N]['request'];
}

/** An answer: the value, or every problem found (a pack that does not validate names each one). */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Narrow an unknown message to one of a protocol's, without trusting its payload's shape. */
export function isEnvelope<P extends ProtocolMap>(
  message: unknown,
  specs: MessageSpecs<P>,
): message is Envelope<P> {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<Envelope>;
  return (
    candidate.backstory === 1 &&
    typeof candidate.name === 'string' &&
    Object.hasOwn(specs, candidate.name)
  );
}

/** How a page's content script is to mark it, decided by the background from settings and the site. */
export interface PageConfig {
  /** Mark this page (on globally and for this site)? */
  active: boolean;
  style: 'underline' | 'background' | 'subtle';
  /** Kinds of entity to mark. */
  kinds: EntityKind[];
  firstMentionOnly: boolean;
  /** The compiled packs the page is matched with; a new key means matching again. */
  key: string;
}

/** An entity found on a page, as the page side needs it: a session-local number and what to list. */
export interface FoundEntity {
  ref: number;
  id: string;
  name: string;
  kind: EntityKind;
  /** Found by live discovery (Wikipedia), not in the reader's packs: marked in a style of its own. */
  live?: true;
}

/** The background's answer to a batch of page text. */
export interface MatchAnswer {
  /** The packs matched with; when it differs from the page's, the page starts over. */
  key: string;
  /** Accepted mentions, as `[segment, start, end, ref]` quadruples of numbers. */
  mentions: number[];
  /** Mentions of earlier segments accepted now (their entity has since been named in full), same form. */
  released: number[];
  /** Segments still holding mentions that wait for their entity to be named in full. */
  waiting: number[];
  /** Entities first met in this page session. */
  entities: FoundEntity[];
  /**
   * Live discovery is reading the page for names its packs lack: once the page has sent its
   * text, it asks again with an empty batch, and gets their marks as `released` mentions.
   */
  pending?: true;
}

/** The answer to a page's first batch: how to mark it, and that batch matched (null: not marked). */
export interface PageStart {
  config: PageConfig;
  answer: MatchAnswer | null;
}

/** One entity found on a page, for the popup. */
export interface PageEntity {
  id: string;
  name: string;
  kind: EntityKind;
  count: number;
}

/** What a content script reports about its page to the popup. */
export interface PageSummary {
  active: boolean;
  host: string | null;
  url: string;
  title: string;
  entities: PageEntity[];
}

/** What a card frame gets from the background for one entity. */
export interface CardData {
  entity: Entity | null;
  /** The reader's earlier pages about it (only for entities this tab's page mentions). */
  history: VisitedPage[];
  /** When the page in this tab was published. */
  articleDate: ArticleDate | null;
  /** How long the background took to answer, in ms (diagnostics: the benchmark reads it). */
  elapsedMs: number;
  /** "Search earlier coverage" links for the name on the page's own site: nothing is sent until clicked. */
  searchLinks: SearchLink[];
}

/** One of the entities the packs have for a name, as "Not this?" lists it. */
export interface CorrectionChoice {
  id: string;
  name: string;
  kind: EntityKind;
  description: string;
  /** Name and description in other languages, as the pack has them. */
  translations?: Entity['translations'];
}

/** What a card's "Not this?" offers for the name its mark is on. */
export interface CorrectionOptions {
  /** The name as written on the page. */
  surface: string;
  /** The page's site (null: not a web page; only "everywhere" is possible). */
  site: string | null;
  /** Every entity the packs have for the name (the one shown among them). */
  candidates: CorrectionChoice[];
}

/** How Backstory is doing on a page: its own stretches of work on the page's thread, and what it found. */
export interface PageDiagnostics {
  longestTaskMs: number;
  tasks: number;
  /** Stretches over 50 ms. */
  overBudget: number;
  /** All of Backstory's work on the page's thread, summed. */
  busyMs: number;
  mentions: number;
  /** Text batches sent to the background to match, and their total round trip. */
  batches: number;
  matchWaitMs: number;
  /**
   * The first answer from the background (how to mark the page, and its first batch matched):
   * waking it and loading the matcher, if it had stopped, included.
   */
  firstConfigMs: number;
  /** Marking sessions begun on this page: a change of packs or settings that alters the matching begins another. */
  sessions: number;
  /** Times the page asked again how to mark it (settings or packs changed), and applied the answer. */
  refreshes: number;
  /** Is the page being marked now? */
  marking: boolean;
}
