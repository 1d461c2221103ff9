import type { SenderRole } from './protocol';

/** The parts of `runtime.MessageSender` that decide who is talking. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Path of the card frame's page: an extension page that lives inside web pages. */
export const CARD_PAGE = '/card.html';

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * Classify a message's sender. Only our own extension may talk to us at all. Our own documents
 * have an extension URL (the card frame's may carry a per-session id in Chrome, so the scheme
 * decides, not the host); among them the card frame, which lives inside web pages, is told apart
 * by its path and gets only what a card needs. Content scripts run in web pages, in the top frame.
 * @returns the role, or `null` for anything we do not trust.
 */
export function senderRole(sender: SenderInfo, ownId: string): SenderRole | null {
  if (sender.id !== ownId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (EXTENSION_SCHEMES.has(url.protocol)) {
    if (url.pathname === CARD_PAGE) return sender.tab?.id !== undefined ? 'card' : null;
    return 'extension-page';
  }
  if (sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) return 'content';
  return null;
}
