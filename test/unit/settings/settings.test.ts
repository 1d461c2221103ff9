import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LIVE_SOURCES } from '@/utils/live/sources';
import { againstDefaults } from '@/utils/settings/against-defaults';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  parseSettings,
  siteOf,
  withSite,
} from '@/utils/settings/settings';
import {
  readSettings,
  resetSettingsItemForTests,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  watchSettings,
  writeSettings,
} from '@/utils/settings/storage';

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsItemForTests();
});

describe('settings in storage', () => {
  it('gives the defaults on first run', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates version 1 settings (before the reading history) to the current version', async () => {
    const v1 = {
      ...DEFAULT_SETTINGS,
      style: 'background',
      blockedSites: ['example.com'],
    } as Record<string, unknown>;
    delete v1.historyPaused;
    delete v1.historyExcludedSites;
    delete v1.markOwnEntities;
    delete v1.language;
    delete v1.liveSources;
    await fakeBrowser.storage.sync.set({ settings: v1, settings$: { v: 1 } });
    const settings = await readSettings();
    expect(settings.historyPaused).toBe(false);
    expect(settings.style).toBe('background');
    expect(settings.blockedSites).toEqual(['example.com']);
    expect(settings.historyExcludedSites).toEqual([]);
    expect(settings.markOwnEntities).toBe(true);
    expect(settings.language).toBe('auto');
    expect(settings.liveSources).toEqual(DEFAULT_SETTINGS.liveSources);
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it("migrates version 3 settings to the browser's language, keeping every choice made", async () => {
    const v3 = { ...DEFAULT_SETTINGS, enabled: false, markOwnEntities: false } as Record<
      string,
      unknown
    >;
    delete v3.language;
    await fakeBrowser.storage.sync.set({ settings: v3, settings$: { v: 3 } });
    const warn = vi.spyOn(console, 'warn');
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      markOwnEntities: false,
      language: 'auto',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it("keeps a chosen language and repairs an unknown one to the browser's", async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, language: 'ar' });
    expect((await readSettings()).language).toBe('ar');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseSettings({ ...DEFAULT_SETTINGS, language: 'tlh' }).settings.language).toBe('auto');
    expect(warn).not.toHaveBeenCalled();
  });

  it('version 5 adds the live sources, every one off, and keeps whatever is already there', async () => {
    const v4 = { ...DEFAULT_SETTINGS, firstMentionOnly: true } as Record<string, unknown>;
    delete v4.liveSources;
    await fakeBrowser.storage.sync.set({ settings: v4, settings$: { v: 4 } });
    const settings = await readSettings();
    expect(Object.keys(settings.liveSources)).toEqual(LIVE_SOURCES.map((source) => source.id));
    expect(Object.values(settings.liveSources).every((on) => on === false)).toBe(true);
    expect(settings.firstMentionOnly).toBe(true);
    // A value already there (synced from a newer version, say) is never overridden.
    const on = { ...DEFAULT_SETTINGS.liveSources, wikipedia: true };
    expect(SETTINGS_MIGRATIONS[5]?.({ ...v4, liveSources: on })).toMatchObject({ liveSources: on });
  });

  it('repairs a damaged live-source switch alone, keeping the others and the rest', () => {
    const { settings, warning } = parseSettings({
      ...DEFAULT_SETTINGS,
      enabled: false,
      liveSources: { wikipedia: 'yes', wikidata: true },
    });
    expect(settings.liveSources).toEqual({ ...DEFAULT_SETTINGS.liveSources, wikidata: true });
    expect(settings.enabled).toBe(false);
    expect(warning).toMatch(/liveSources\.wikipedia/);
  });

  it('a kind or a live source added since the value was stored keeps every other switch', async () => {
    // As stored by a version that knew fewer kinds and sources (no migration wrote the new keys).
    const older = {
      ...DEFAULT_SETTINGS,
      kinds: { person: false, place: true, organisation: false },
      liveSources: { wikipedia: true, gdelt: true },
    };
    await fakeBrowser.storage.sync.set({ settings: older, settings$: { v: SETTINGS_VERSION } });
    const warn = vi.spyOn(console, 'warn');
    const settings = await readSettings();
    expect(settings.kinds).toEqual({
      ...DEFAULT_SETTINGS.kinds,
      person: false,
      organisation: false,
    });
    expect(settings.liveSources).toEqual({
      ...DEFAULT_SETTINGS.liveSources,
      wikipedia: true,
      gdelt: true,
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads any schema against its defaults: a new key takes its default, the rest is kept', () => {
    const schema = v.object({
      on: v.boolean(),
      sources: v.object({ a: v.boolean(), b: v.boolean(), added: v.boolean() }),
    });
    const defaults = { on: true, sources: { a: false, b: false, added: false } };
    const problems: string[] = [];
    expect(
      againstDefaults(schema, { on: false, sources: { a: true, b: 3 } }, defaults, problems),
    ).toEqual({ on: false, sources: { a: true, b: false, added: false } });
    expect(problems).toEqual([expect.stringMatching(/^field sources\.b: /)]);
  });

  it('names a damaged value inside a list by its place in it', () => {
    const schema = v.object({ sites: v.array(v.string()) });
    const problems: string[] = [];
    expect(againstDefaults(schema, { sites: ['a.com', 3] }, { sites: [] }, problems)).toEqual({
      sites: [],
    });
    expect(problems).toEqual([expect.stringMatching(/^field sites\[1\]: /)]);
  });

  it('falls back to defaults, field by field, for a corrupt value, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, style: 'neon', enabled: false, kinds: 'all' },
      settings$: { v: 2 },
    });
    const settings = await readSettings();
    expect(settings.style).toBe('underline');
    expect(settings.kinds).toEqual(DEFAULT_SETTINGS.kinds);
    expect(settings.enabled).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Stored settings were damaged'));
  });

  it('survives values that are not settings at all', () => {
    for (const junk of ['hello', 42, [], null, { __proto__: { enabled: false } }]) {
      expect(parseSettings(junk).settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('round-trips and notifies watchers with validated values', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((settings) => seen.push(settings.enabled));
    await writeSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await vi.waitFor(() => expect(seen).toEqual([false]));
    stop();
    expect((await readSettings()).enabled).toBe(false);
  });
});

describe('site rules', () => {
  it('reads the site of a page address', () => {
    expect(siteOf('https://www.bbc.co.uk/news/world')).toBe('bbc.co.uk');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('blocks a site and its subdomains in "all" mode, and allows only listed sites in "allowed" mode', () => {
    const blocked = withSite(DEFAULT_SETTINGS, 'example.com', false);
    expect(isActiveOn(blocked, 'example.com')).toBe(false);
    expect(isActiveOn(blocked, 'news.example.com')).toBe(false);
    expect(isActiveOn(blocked, 'other.org')).toBe(true);
    expect(isActiveOn(withSite(blocked, 'example.com', true), 'example.com')).toBe(true);
    const allowedOnly = { ...DEFAULT_SETTINGS, siteMode: 'allowed' as const };
    expect(isActiveOn(allowedOnly, 'example.com')).toBe(false);
    expect(isActiveOn(withSite(allowedOnly, 'example.com', true), 'example.com')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com')).toBe(false);
  });
});
