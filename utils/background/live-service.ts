import { type ArticleDate, knownDate } from '../article-date/choose';
import type { Entity, Fact } from '../knowledge/schema';
import { type LiveAnswer, type LivePart, NOTHING_ASKED } from '../live/answer';
import { allowedPicture, type LiveBuildConfig } from '../live/build-config';
import type { LiveCache } from '../live/cache';
import { type CoverageItem, dayOf, earlierCoverage, utcDay } from '../live/coverage';
import { fetchGdeltCoverage, type GdeltReach } from '../live/gdelt';
import { fetchGuardianCoverage } from '../live/guardian';
import { asObject, type LiveHttp } from '../live/http';
import { type LiveResult, ok } from '../live/result';
import { hostPermissions, LIVE_SOURCES, type LiveSourceId } from '../live/sources';
import { fetchWikidataCards } from '../live/wikidata';
import {
  fetchSummary,
  lookUpTitles,
  type PageSummary,
  type SummaryOutcome,
  TITLES_PER_REQUEST,
  type TitleOutcome,
} from '../live/wikipedia';
import { isActiveOn, type Settings, siteOf } from '../settings/settings';

/**
 * The background's live service: for a card the reader opened, it fills in what the reader's
 * opted-in sources know. It asks nothing unless that source is on in the settings, its host
 * permission is granted in this browser, and the page's site is one Backstory works on; it asks
 * only about entities the tab's page really mentions; it sends names, ids and a date window, never
 * the page's address. Every answer (misses too) is kept for a day in the cache, so a name is asked
 * at most once a day; errors are not kept. Failures come back as the source's name in `failed`,
 * so the card stays the pack's card with a quiet note.
 */

/** What the service works with; the background passes the real ones, tests pass fakes. */
export interface LiveServiceDeps {
  /** The shared client: one request at a time per host, backoff, timeouts, no cookies. */
  http: LiveHttp;
  cache: LiveCache;
  config: Pick<LiveBuildConfig, 'endpoints' | 'imageOrigins' | 'gdeltSpacingMs'>;
  readSettings(): Promise<Settings>;
  /** Has this browser granted the extension these host permissions (`permissions.contains`)? */
  permitted(origins: string[]): Promise<boolean>;
  /** The reader's Guardian key ('' when none). */
  guardianKey(): Promise<string>;
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
}

/** What is cached for a Wikidata item: the facts, and its English Wikipedia title. */
interface WikidataEntry {
  found: boolean;
  facts: Fact[];
  enwiki?: string;
}

const QID = /^Q[1-9]\d*$/;
/** Popular-title entities: a name and a Wikipedia search link, no Wikidata id. */
const POPULAR_TITLE = /^bs:wp-/;
/** Ids the options page gives the reader's own entities. */
const READER_OWN = /^user:/;
/** The Wikipedia a card reads. Pages in other languages still get English summaries (see README). */
const LANG = 'en';
/** Earlier coverage items a card lists. */
export const COVERAGE_SHOWN = 8;

/** A cached successful result (errors are never stored, but storage is not trusted). */
const isOkResult = <T>(value: unknown): value is LiveResult<T> => {
  const record = asObject(value);
  return record?.ok === true && 'value' in record;
};
const isTitleOutcome = (value: unknown): value is TitleOutcome =>
  typeof asObject(value)?.status === 'string';

/** The English Wikipedia title a pack entity links to, if it links to an article (not a search). */
export function linkedTitle(entity: Entity): string | undefined {
  for (const source of entity.sources) {
    const match = /^https:\/\/en\.wikipedia\.org\/wiki\/([^?#]+)$/.exec(source.url ?? '');
    if (!match?.[1]) continue;
    const title = decodeURIComponent(match[1]).replace(/_/g, ' ');
    if (!/^Special:/i.test(title)) return title;
  }
  return undefined;
}

export class LiveService {
  /** Title look-ups run one batch at a time, so two cards opening at once share a batch. */
  private lookups: Promise<unknown> = Promise.resolve();

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

  /** One part of a card's live background for `entity`, shown on `page`. */
  async answer(entity: Entity, page: LivePage, part: LivePart): Promise<LiveAnswer> {
    // Only names the page really mentions: the card frame cannot widen what is sent. Never the
    // reader's own entities: what they added stays on this device.
    if (!page.found.includes(entity.id)) return { ...NOTHING_ASKED };
    if (READER_OWN.test(entity.id) || (await this.deps.isReaderOwn(entity.id)))
      return { ...NOTHING_ASKED };
    const on = await this.enabled(page.url);
    return part === 'about' ? this.about(entity, page, on) : this.coverage(entity, page, on);
  }

  /** Forget every stored answer (the options page's "forget live answers"). */
  clear(): Promise<void> {
    return this.deps.cache.clear();
  }

  private async about(
    entity: Entity,
    page: LivePage,
    on: ReadonlySet<LiveSourceId>,
  ): Promise<LiveAnswer> {
    const qid = QID.test(entity.id) ? entity.id : undefined;
    // Wikipedia and Wikidata only for a Wikidata id, or a popular title (which is a Wikipedia
    // title): a curated slug's name ("Russian mediation in southern Syria") has no page to find.
    if (!qid && !POPULAR_TITLE.test(entity.id)) return { ...NOTHING_ASKED };
    const asked = (['wikipedia', 'wikidata'] as const).filter((id) => on.has(id));
    if (asked.length === 0) return { ...NOTHING_ASKED };
    const failed = new Set<LiveSourceId>();
    let title = qid ? linkedTitle(entity) : undefined;
    let item = qid;

    let wikidata: WikidataEntry | undefined;
    if (on.has('wikidata') && qid) {
      const result = await this.wikidata(qid);
      if (result.ok) wikidata = result.value;
      else failed.add('wikidata');
    }
    title ??= wikidata?.enwiki;

    let summary: PageSummary | undefined;
    if (on.has('wikipedia')) {
      if (!title) {
        const found = await this.lookUp(entity.name, page);
        if (!found.ok) failed.add('wikipedia');
        else if (found.value?.status === 'found' && (!qid || found.value.wikidataId === qid)) {
          // A pack entity with an id is matched only by a page that names the same item.
          title = found.value.title;
          item ??= found.value.wikidataId;
        }
      }
      if (title) {
        const result = await this.summary(title);
        if (!result.ok) failed.add('wikipedia');
        else if (result.value.found) {
          const page = result.value.summary;
          if (!qid || !page.wikidataId || page.wikidataId === qid) {
            summary = page;
            item ??= page.wikidataId;
          }
        }
      }
    }

    // A popular title's page may name its Wikidata item: its dated facts come too.
    if (on.has('wikidata') && !qid && item) {
      const result = await this.wikidata(item);
      if (result.ok) wikidata = result.value;
      else failed.add('wikidata');
    }

    const thumbnail = allowedPicture(summary?.thumbnail, this.deps.config.imageOrigins);
    return {
      asked: [...asked],
      failed: [...failed],
      ...(summary
        ? {
            wikipedia: {
              title: summary.title,
              url: summary.url,
              ...(summary.description ? { description: summary.description } : {}),
              ...(summary.extract ? { extract: summary.extract } : {}),
              ...(thumbnail ? { thumbnail } : {}),
            },
          }
        : {}),
      ...(wikidata?.facts.length ? { facts: wikidata.facts } : {}),
    };
  }

  private async coverage(
    entity: Entity,
    page: LivePage,
    on: ReadonlySet<LiveSourceId>,
  ): Promise<LiveAnswer> {
    const key = on.has('guardian') ? await this.deps.guardianKey() : '';
    const asked = (['gdelt', 'guardian'] as const).filter(
      (id) => on.has(id) && (id !== 'guardian' || key),
    );
    if (asked.length === 0) return { ...NOTHING_ASKED };
    const now = this.deps.now();
    // A page without a date: the window ends today (UTC).
    const date = knownDate(page.articleDate) ?? utcDay(now);
    const day = dayOf(date);
    const name = entity.name;
    const failed = new Set<LiveSourceId>();
    const items: CoverageItem[] = [];
    let gdeltReach: GdeltReach | undefined;
    const { endpoints, gdeltSpacingMs } = this.deps.config;

    const [gdelt, guardian] = await Promise.all([
      asked.includes('gdelt')
        ? this.cached(`gdelt:${name}:${day}`, () =>
            fetchGdeltCoverage(this.deps.http, [name], date, {
              endpoints,
              now,
              spacingMs: gdeltSpacingMs,
            }),
          )
        : null,
      asked.includes('guardian')
        ? this.cached(`guardian:${name}:${day}`, () =>
            fetchGuardianCoverage(this.deps.http, [name], date, { endpoints, apiKey: key }),
          )
        : null,
    ]);
    if (gdelt?.ok) {
      items.push(...gdelt.value.items);
      gdeltReach = gdelt.value.reach;
    } else if (gdelt) failed.add('gdelt');
    if (guardian?.ok) items.push(...guardian.value);
    else if (guardian) failed.add('guardian');

    return {
      asked: [...asked],
      failed: [...failed],
      // Filtered again here, whatever was cached: before the article, not the article itself.
      coverage: earlierCoverage(items, date, { exceptUrl: page.url, limit: COVERAGE_SHOWN }),
      ...(gdeltReach ? { gdeltReach } : {}),
    };
  }

  /** A source's answer through the day's cache: what it answered is kept, an error is not. */
  private cached<T>(key: string, load: () => Promise<LiveResult<T>>): Promise<LiveResult<T>> {
    return this.deps.cache.through(key, load, {
      valid: isOkResult<T>,
      keep: (result) => result.ok,
    });
  }

  /** An item's dated facts and English title, from the cache or Wikidata. */
  private wikidata(id: string): Promise<LiveResult<WikidataEntry>> {
    return this.cached(`wikidata:${id}`, async (): Promise<LiveResult<WikidataEntry>> => {
      const result = await fetchWikidataCards(this.deps.http, [id], {
        endpoints: this.deps.config.endpoints,
      });
      if (!result.ok) return result;
      const card = result.value.get(id);
      // Only what a card needs is kept: raw claims can run to megabytes for a country.
      return ok(
        card
          ? {
              found: true,
              facts: card.facts,
              ...(card.entity.sitelinks.enwiki ? { enwiki: card.entity.sitelinks.enwiki } : {}),
            }
          : { found: false, facts: [] },
      );
    });
  }

  /** A page's summary, from the cache or Wikipedia. */
  private summary(title: string): Promise<LiveResult<SummaryOutcome>> {
    return this.cached(`wikipedia:summary:${LANG}:${title}`, () =>
      fetchSummary(this.deps.http, title, { endpoints: this.deps.config.endpoints, lang: LANG }),
    );
  }

  /**
   * What Wikipedia has under `name`. Asked together with the page's other popular titles not yet
   * known (50 names a request), each outcome kept under its own name for a day.
   */
  private lookUp(name: string, page: LivePage): Promise<LiveResult<TitleOutcome | undefined>> {
    const run = this.lookups.then(async () => {
      const key = (title: string) => `wikipedia:titles:${LANG}:${title}`;
      const cached = await this.deps.cache.get(key(name), isTitleOutcome);
      if (cached) return ok<TitleOutcome | undefined>(cached);
      const batch = [name];
      for (const id of page.found) {
        if (batch.length >= TITLES_PER_REQUEST) break;
        if (!POPULAR_TITLE.test(id)) continue;
        const other = (await this.deps.entity(id))?.name;
        if (!other || batch.includes(other)) continue;
        if (!(await this.deps.cache.get(key(other), isTitleOutcome))) batch.push(other);
      }
      const result = await lookUpTitles(this.deps.http, batch, {
        endpoints: this.deps.config.endpoints,
        lang: LANG,
      });
      if (!result.ok) return result;
      for (const [asked, outcome] of result.value) await this.deps.cache.set(key(asked), outcome);
      return ok<TitleOutcome | undefined>(result.value.get(name));
    });
    this.lookups = run.catch(() => undefined);
    return run;
  }
}
