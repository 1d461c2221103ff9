/**
 * The whole message protocol, in one place. Two maps: what the background answers (sent with
 * `runtime.sendMessage` by content scripts and our pages) and what a tab's content script answers
 * (sent with `tabs.sendMessage` by the background and the popup). Every answer is a {@link Result}.
 */
import type { VisitedPage } from '../history/history-store';
import type { Entity, EntityKind, Source } from '../knowledge/schema';
import type { LocatorMap } from '../map/locator';

/** One entity found on a page. */
export interface PageEntity {
  id: string;
  name: string;
  kind: EntityKind;
  count: number;
}

/** What a content script reports about its page. */
export interface PageSummary {
  /** Is Backstory marking this page (on globally, and for this site)? */
  active: boolean;
  host: string | null;
  url: string;
  title: string;
  entities: PageEntity[];
}

/** What a card needs from the background: the entity and the reader's earlier pages about it. */
export interface CardData {
  entity: Entity | null;
  history: VisitedPage[];
}

/** How Backstory is doing on a page: its stretches of work, and what it found. */
export interface PageDiagnostics {
  longestTaskMs: number;
  tasks: number;
  /** Stretches over 50 ms. */
  overBudget: number;
  mentions: number;
  /** Turning the stored matcher back into arrays: one task per page. */
  loadMs: number;
}

/** A pack as the options page lists it. */
export interface PackInfo {
  id: string;
  name: string;
  version: string;
  entities: number;
  sources: Source[];
}

/** Everything the options page shows about packs. */
export interface PacksOverview {
  builtIn: PackInfo;
  imported: PackInfo[];
  /** The reader's own entities, in full (they edit them). */
  user: Entity[];
  /** Problems met reading stored packs (damaged storage), for the reader to see. */
  warnings: string[];
}

/** Who may send a message: a content script in a tab, or one of our own pages or the background. */
export type SenderRole = 'content' | 'extension-page';

export type BackgroundProtocol = {
  /** A content script's page summary changed (badge count). */
  'page:summary': { request: PageSummary; response: { ok: true } };
  /** A content script found no compiled matcher in storage: build it now. */
  'matcher:ensure': { request: Record<string, never>; response: { key: string } };
  /** A hover card asks for its entity and for earlier pages that mentioned it. */
  'entity:card': { request: { id: string }; response: CardData };
  /** A place card asks for its locator map (built in the background, on first use). */
  'map:locator': { request: { id: string }; response: LocatorMap | null };
  /** The options page lists the packs. */
  'packs:list': { request: Record<string, never>; response: PacksOverview };
  /** Import a pack file's parsed JSON; fails with every problem named, storing nothing. */
  'packs:import': { request: { data: unknown }; response: PackInfo };
  'packs:remove': { request: { id: string }; response: { removed: boolean } };
  /** Add or replace one of the reader's own entities (validated in the background). */
  'user:save': { request: { entity: unknown }; response: { id: string } };
  'user:delete': { request: { id: string }; response: { removed: boolean } };
  /** The reading history, newest first. */
  'history:list': { request: { limit?: number }; response: VisitedPage[] };
  'history:clear': { request: Record<string, never>; response: { cleared: number } };
};

export type ContentProtocol = {
  /** The popup asks which entities the page mentions. */
  'content:summary': { request: Record<string, never>; response: PageSummary };
  /** Move keyboard focus to the next (1) or previous (-1) mention. */
  'content:step': { request: { direction: 1 | -1 }; response: { entity: string | null } };
  /** Scroll to and flash the first mention of an entity (popup list). */
  'content:reveal': { request: { id: string }; response: { found: boolean } };
  /** Pause or resume marking on this tab only (the keyboard command). */
  'content:toggle': { request: Record<string, never>; response: { active: boolean } };
  /** How Backstory is doing on the page: its longest task, task count and mentions found. */
  'content:diagnostics': { request: Record<string, never>; response: PageDiagnostics };
};

/** Any protocol map: message name → request and response types. */
export type ProtocolMap = Record<string, { request: unknown; response: unknown }>;

/** The shape on the wire. */
export interface Envelope<P extends ProtocolMap = ProtocolMap, N extends keyof P = keyof P> {
  backstory: 1;
  name: N;
  payload: P[N]['request'];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Which senders each message accepts; receivers refuse everyone else. */
export type AllowedSenders<P extends ProtocolMap> = { [N in keyof P]: readonly SenderRole[] };

export const BACKGROUND_SENDERS: AllowedSenders<BackgroundProtocol> = {
  'page:summary': ['content'],
  'matcher:ensure': ['content', 'extension-page'],
  'entity:card': ['content', 'extension-page'],
  'map:locator': ['content', 'extension-page'],
  'packs:list': ['extension-page'],
  'packs:import': ['extension-page'],
  'packs:remove': ['extension-page'],
  'user:save': ['extension-page'],
  'user:delete': ['extension-page'],
  'history:list': ['extension-page'],
  'history:clear': ['extension-page'],
};

export const CONTENT_SENDERS: AllowedSenders<ContentProtocol> = {
  'content:summary': ['extension-page'],
  'content:step': ['extension-page'],
  'content:reveal': ['extension-page'],
  'content:toggle': ['extension-page'],
  'content:diagnostics': ['extension-page'],
};

/** Narrow an unknown message to one of a protocol's, without trusting its payload's shape. */
export function isEnvelope<P extends ProtocolMap>(
  message: unknown,
  allowed: AllowedSenders<P>,
): message is Envelope<P> {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<Envelope>;
  return (
    candidate.backstory === 1 &&
    typeof candidate.name === 'string' &&
    Object.hasOwn(allowed, candidate.name)
  );
}
