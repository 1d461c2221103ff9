import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

/**
 * The settings item: small, so it lives in sync storage and follows the reader between browsers.
 * Created on first use, never at import (WXT imports entrypoints in Node while building).
 */
let item: ReturnType<typeof defineSettingsItem> | null = null;

function defineSettingsItem() {
  return storage.defineItem<unknown>('sync:settings', {
    fallback: DEFAULT_SETTINGS,
    version: 1,
  });
}

function settingsItem() {
  item ??= defineSettingsItem();
  return item;
}

/** Current settings, validated; a damaged value is repaired in memory and reported once. */
export async function readSettings(): Promise<Settings> {
  const { settings, warning } = parseSettings(await settingsItem().getValue());
  if (warning) console.warn(`Backstory: ${warning}`);
  return settings;
}

/** Save settings (the caller validated them: they come from {@link readSettings} or the UI). */
export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem().setValue(settings);
}

/** Call `listener` with fresh, validated settings whenever they change; returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => listener(parseSettings(value).settings));
}
