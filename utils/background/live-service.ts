import { type ArticleDate, knownDate } from '../article-date/choose';
import type { Entity } from '../knowledge/schema';
import { type LiveAnswer, NOTHING_ASKED } from '../live/answer';
import type { LiveBuildConfig } from '../live/build-config';
import type { AnswerCache } from '../live/cache';
import { utcDay } from '../live/coverage';
import type { LiveHttp } from '../live/http';
import type { LivePart, SourceContext } from '../live/source';
import { hostPermissions, LIVE_SOURCES, type LiveSource, type LiveSourceId } from '../live/sources';
import { linkedArticle } from '../live/sources/wikipedia';
import { isActiveOn, type Settings, siteOf } from '../settings/settings';
import { runPart } from './live-parts';

/**
 * The background's live service: for a card the reader opened, it fills in what the reader's
 * opted-in sources know. It asks nothing unless that source is on in the settings, its host
 * permission is granted in this browser, and the page's site is one Backstory works on; it asks
 * only about entities the tab's page really mentions; it sends names, ids and a date window, never
 * the page's address. Every answer (misses too) is kept for a day in the cache, so a name is asked
 * at most once a day; errors are not kept. Failures come back as the source's name in `failed`,
 * so the card stays the pack's card with a quiet note. Which source answers what is the sources'
 * own business (`utils/live/sources/`); `live-parts.ts` asks them in turn.
 */

/** What the service works with; the background passes the real ones, tests pass fakes. */
export interface LiveServiceDeps {
  /** The shared client: one request at a time per host, backoff, timeouts, no cookies. */
  http: LiveHttp;
  cache: AnswerCache;
  config: Pick<LiveBuildConfig, 'endpoints' | 'imageOrigins' | 'gdeltSpacingMs'>;
  readSettings(): Promise<Settings>;
  /** Has this browser granted the extension these host permissions (`permissions.contains`)? */
  permitted(origins: string[]): Promise<boolean>;
  /** The reader's key for a source that needs one ('' when none). */
  sourceKey(id: LiveSourceId): Promise<string>;
  /** The pack's entity with this id (to name the page's other popular titles in one look-up). */
  entity(id: string): Promise<Entity | null>;
  /** Is this one of the reader's own entities? Those are private: never looked up anywhere. */
  isReaderOwn(id: string): Promise<boolean>;
  now(): number;
}

/** What the service knows of the page in the card's tab (the background's page session). */
export interface LivePage {
  url: string;
  /** Ids of the entities the page mentions. */
  found: readonly string[];
  articleDate: ArticleDate | null;
  /** The page's language, as a Wikipedia language code (English when unknown). */
  lang?: string;
}

/** Popular-title entities: a name and a Wikipedia search link, no Wikidata id. */
const POPULAR_TITLE = /^bs:wp-/;
const QID = /^Q[1-9]\d*$/;
/** Ids the options page gives the reader's own entities. */
const READER_OWN = /^user:/;

export class LiveService {
  private readonly serials = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: LiveServiceDeps) {}

  /** Where this build lets a card's picture come from. */
  get imageOrigins(): readonly string[] {
    return this.deps.config.imageOrigins;
  }

  /**
   * The sources that may be asked for a card on `pageUrl`: on in the settings, permitted in this
   * browser, and the page's site not excluded (blocked, or not on the allowed list).
   */
  async enabled(pageUrl: string): Promise<Set<LiveSourceId>> {
    const settings = await this.deps.readSettings();
    const on = new Set<LiveSourceId>();
    if (!isActiveOn(settings, siteOf(pageUrl))) return on;
    for (const source of LIVE_SOURCES) {
      if (!settings.liveSources[source.id]) continue;
      if (await this.deps.permitted(hostPermissions(source.id, this.deps.config.endpoints)))
        on.add(source.id);
    }
    return on;
  }

  /** Is `id` one of the reader's own entities (never looked up)? */
  async isPrivate(id: string): Promise<boolean> {
    return READER_OWN.test(id) || (await this.deps.isReaderOwn(id));
  }

  /** One part of a card's live background for `entity`, shown on `page`. */
  async answer(entity: Entity, page: LivePage, part: LivePart): Promise<LiveAnswer> {
    // Only names the page really mentions: the card frame cannot widen what is sent. Never the
    // reader's own entities: what they added stays on this device.
    if (!page.found.includes(entity.id)) return { ...NOTHING_ASKED };
    if (await this.isPrivate(entity.id)) return { ...NOTHING_ASKED };
    const on = await this.enabled(page.url);
    const sources: LiveSource[] = [];
    for (const source of LIVE_SOURCES) {
      if (source.part !== part || !on.has(source.id)) continue;
      // A source that needs the reader's key asks nothing without one.
      if (source.needsKey && !(await this.deps.sourceKey(source.id))) continue;
      sources.push(source);
    }
    if (sources.length === 0) return { ...NOTHING_ASKED };
    const now = this.deps.now();
    return runPart({
      sources,
      context: (source) => this.context(source, now),
      ask: {
        entity,
        ...(QID.test(entity.id) ? { qid: entity.id } : {}),
        ...(linkedArticle(entity) ? { article: linkedArticle(entity) } : {}),
        lang: page.lang ?? 'en',
        // A page without a date: the window ends today (UTC).
        date: knownDate(page.articleDate) ?? utcDay(now),
        otherNames: () => this.otherNames(entity, page),
      },
      pageUrl: page.url,
      imageOrigins: this.deps.config.imageOrigins,
    });
  }

  /** Forget every stored answer (the options page's "forget live answers"). */
  clear(): Promise<void> {
    return this.deps.cache.clear();
  }

  /** What a source asks with. */
  async context(source: LiveSource, now = this.deps.now()): Promise<SourceContext> {
    return {
      http: this.deps.http,
      cache: this.deps.cache,
      endpoints: this.deps.config.endpoints,
      build: { gdeltSpacingMs: this.deps.config.gdeltSpacingMs },
      key: source.needsKey ? await this.deps.sourceKey(source.id) : '',
      now,
      serial: (name, task) => this.serial(name, task),
    };
  }

  /** The page's other popular titles, asked about together with a card's own name. */
  private async otherNames(entity: Entity, page: LivePage): Promise<string[]> {
    const names: string[] = [];
    for (const id of page.found) {
      if (id === entity.id || !POPULAR_TITLE.test(id)) continue;
      const name = (await this.deps.entity(id))?.name;
      if (name && name !== entity.name && !names.includes(name)) names.push(name);
    }
    return names;
  }

  /** Tasks under one name run one after another (two cards opening at once share a batch). */
  private serial<T>(name: string, task: () => Promise<T>): Promise<T> {
    const run = (this.serials.get(name) ?? Promise.resolve()).then(task);
    this.serials.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  }
}
