import type { SenderRole } from './protocol';

/** The parts of `runtime.MessageSender` that decide who is talking. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Classify a message's sender. Only our own extension may talk to the background; among our
 * own contexts, extension pages (popup, options) are told apart from content scripts by URL,
 * because an options page opened in a tab also has `sender.tab`.
 * @returns the role, or `null` for anything we do not trust.
 */
export function senderRole(
  sender: SenderInfo,
  ownId: string,
  ownOrigin: string,
): SenderRole | null {
  if (sender.id !== ownId) return null;
  if (sender.url?.startsWith(ownOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'content';
  return null;
}
