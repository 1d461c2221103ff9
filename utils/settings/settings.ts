import * as v from 'valibot';
import { LANGUAGE_SETTINGS } from '../i18n/languages';
import { ENTITY_KINDS, type EntityKind } from '../knowledge/schema';
import { allSourcesOff, LIVE_SOURCES, type LiveSourceId } from '../live/sources';
import { HIGHLIGHT_STYLES } from '../page/highlight-styles';
import { againstDefaults } from './against-defaults';
import { covers } from './site';

/** Host names as the reader types them in lists: `example.com`, `news.example.co.uk`. */
const Host = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9.-]{1,253}$/));

export const SettingsSchema = v.object({
  /** Highlights everywhere (the popup's main switch and the keyboard command). */
  enabled: v.boolean(),
  style: v.picklist(HIGHLIGHT_STYLES),
  /** Which kinds of entity are marked. */
  kinds: v.object(
    Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, v.boolean()])) as Record<
      EntityKind,
      v.BooleanSchema<undefined>
    >,
  ),
  /** Mark only the first mention of each entity on a page. */
  firstMentionOnly: v.boolean(),
  /** `all`: everywhere except blocked sites; `allowed`: only on allowed sites. */
  siteMode: v.picklist(['all', 'allowed'] as const),
  blockedSites: v.pipe(v.array(Host), v.maxLength(2000)),
  allowedSites: v.pipe(v.array(Host), v.maxLength(2000)),
  /** Stop recording the reading history (what is recorded stays until cleared). */
  historyPaused: v.boolean(),
  /** Sites whose pages never enter the reading history. */
  historyExcludedSites: v.pipe(v.array(Host), v.maxLength(2000)),
  /** Mark the reader's own entities (a page can see which words are marked, never why). */
  markOwnEntities: v.boolean(),
  /** The language of menus and cards: the browser's (`auto`), or one Backstory has a catalogue for. */
  language: v.picklist(LANGUAGE_SETTINGS),
  /**
   * Opt-in live sources, each off until the reader turns it on in the options page (which asks
   * for its host permission then). Nothing is asked unless a source is on here and its
   * permission is granted in this browser.
   */
  liveSources: v.object(
    Object.fromEntries(LIVE_SOURCES.map((source) => [source.id, v.boolean()])) as Record<
      LiveSourceId,
      v.BooleanSchema<undefined>
    >,
  ),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  style: 'underline',
  kinds: Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, true])) as Record<
    EntityKind,
    boolean
  >,
  firstMentionOnly: false,
  siteMode: 'all',
  blockedSites: [],
  allowedSites: [],
  historyPaused: false,
  historyExcludedSites: [],
  markOwnEntities: true,
  language: 'auto',
  liveSources: allSourcesOff(),
};

/**
 * Read settings from storage, trusting nothing: a missing value gives the defaults; otherwise each
 * setting (and each kind and live source inside theirs) is read on its own, so a missing or
 * damaged one takes its default alone, with a warning when it was damaged.
 */
export function parseSettings(raw: unknown): { settings: Settings; warning?: string } {
  if (raw === null || raw === undefined) return { settings: structuredClone(DEFAULT_SETTINGS) };
  const problems: string[] = [];
  const settings = againstDefaults(SettingsSchema, raw, DEFAULT_SETTINGS, problems);
  if (problems.length === 0) return { settings };
  return {
    settings,
    warning: `Stored settings were damaged (${problems.join('; ')}); the damaged parts were reset to defaults.`,
  };
}

/** Should Backstory mark pages on this site? */
export function isActiveOn(settings: Settings, host: string | null): boolean {
  if (!settings.enabled || host === null) return false;
  if (settings.siteMode === 'allowed')
    return settings.allowedSites.some((rule) => covers(rule, host));
  return !settings.blockedSites.some((rule) => covers(rule, host));
}

/** The site switch: turn Backstory on or off for one site, whatever the mode. */
export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const without = (list: string[]) => list.filter((rule) => !covers(rule, host));
  if (settings.siteMode === 'allowed') {
    return {
      ...settings,
      allowedSites: on ? [...without(settings.allowedSites), host] : without(settings.allowedSites),
    };
  }
  return {
    ...settings,
    blockedSites: on ? without(settings.blockedSites) : [...without(settings.blockedSites), host],
  };
}

export { covers, siteOf } from './site';
