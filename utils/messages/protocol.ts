/**
 * The whole message protocol between content scripts, extension pages and the background.
 * Each entry maps a message name to its request and response types; the background answers
 * every message with a {@link Result}.
 */

/** What the background knows about one tab's page. */
export interface TabStatus {
  url: string;
  title: string;
  /** Milliseconds since the epoch when the content script reported in. */
  readyAt: number;
}

/** Who may send a message: a content script in a tab, or one of our own pages (popup, options). */
export type SenderRole = 'content' | 'extension-page';

export interface Protocol {
  /** A content script started on a page. */
  'page:ready': { request: { url: string; title: string }; response: { enabled: boolean } };
  /** The popup asks what Backstory found in a tab. */
  'tab:status': { request: { tabId: number }; response: TabStatus | null };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];

/** The shape on the wire. */
export interface Envelope<N extends MessageName = MessageName> {
  backstory: 1;
  name: N;
  payload: RequestOf<N>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Which roles may send each message; the background refuses everyone else. */
export const ALLOWED_SENDERS: { [N in MessageName]: readonly SenderRole[] } = {
  'page:ready': ['content'],
  'tab:status': ['extension-page'],
};

/** Narrow an unknown message to one of ours, without trusting its payload's shape. */
export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<Envelope>;
  return (
    candidate.backstory === 1 &&
    typeof candidate.name === 'string' &&
    Object.hasOwn(ALLOWED_SENDERS, candidate.name)
  );
}
