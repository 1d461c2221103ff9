import { storage } from '@wxt-dev/storage';

/**
 * The reader's own Guardian Open Platform key: kept in local storage on this device, never in
 * the synced settings, and sent only to The Guardian when its source is on.
 */
export const GUARDIAN_KEY_ITEM = 'local:liveGuardianKey' as const;

/** What a Guardian key looks like (their developer keys are UUIDs; a little room either way). */
const KEY = /^[A-Za-z0-9-]{8,64}$/;

/** The key as pasted, trimmed, or '' when it cannot be a key. */
export function cleanGuardianKey(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const key = raw.trim();
  return KEY.test(key) ? key : '';
}

/** The stored key ('' when none, or when what is stored is not a key). */
export async function readGuardianKey(): Promise<string> {
  return cleanGuardianKey(await storage.getItem<unknown>(GUARDIAN_KEY_ITEM));
}

/** Store a key ('' forgets it). Returns what was stored. */
export async function writeGuardianKey(raw: string): Promise<string> {
  const key = cleanGuardianKey(raw);
  if (key) await storage.setItem(GUARDIAN_KEY_ITEM, key);
  else await storage.removeItem(GUARDIAN_KEY_ITEM);
  return key;
}
