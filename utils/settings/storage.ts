import { storage } from '@wxt-dev/storage';
import { allSourcesOff } from '../live/sources';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

/** The settings item's current version; each bump has a migration below. */
export const SETTINGS_VERSION = 5;

/**
 * How stored settings of earlier versions become today's. Migrations run once, in order, when a
 * newer extension first reads an older value; anything they cannot repair is left to
 * {@link parseSettings}, which falls back to defaults field by field.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  // v2 added the reading history, and with it the switch to pause it.
  // Each migration adds what its version brought and never overrides a value already there.
  2: (old) => (isRecord(old) ? { historyPaused: false, ...old } : old),
  // v3: sites kept out of the history, and the choice not to mark one's own entities.
  3: (old) => (isRecord(old) ? { historyExcludedSites: [], markOwnEntities: true, ...old } : old),
  // v4: the interface language (the browser's until the reader picks one).
  4: (old) => (isRecord(old) ? { language: 'auto', ...old } : old),
  // v5: the opt-in live sources, every one off.
  5: (old) => (isRecord(old) ? { liveSources: allSourcesOff(), ...old } : old),
  // Since v5 a setting a version adds needs no migration: `parseSettings` gives every missing
  // setting, kind and live source its default alone.
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The settings item: small, so it lives in sync storage and follows the reader between browsers.
 * Created on first use, never at import (WXT imports entrypoints in Node while building).
 */
let item: ReturnType<typeof defineSettingsItem> | null = null;

function defineSettingsItem() {
  return storage.defineItem<unknown>('sync:settings', {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
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

/** Forget the item (tests re-create it against a fresh fake browser). */
export function resetSettingsItemForTests(): void {
  item = null;
}
