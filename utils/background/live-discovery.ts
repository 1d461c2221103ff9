import type { Entity } from '../knowledge/schema';
import type { AnswerCache } from '../live/cache';
import { choosePages, type FoundPage } from '../live/discovered';
import {
  countRequest,
  type DiscoveredTab,
  discoveredEntity,
  requestsToday,
} from '../live/discovered-entity';
import { isOwn, rank } from '../live/discovery-names';
import { DiscoveryPage, spansByBlock } from '../live/discovery-page';
import { wikipediaLanguage } from '../live/page-language';
import { LIVE_SOURCES, type LiveSource } from '../live/sources';
import { cachedTitles } from '../live/title-lookups';
import type { TitleOutcome } from '../live/wikipedia';
import type { FoundEntity, MatchAnswer } from '../messages/protocol';
import type { LiveService } from './live-service';
import type { MatchRequest } from './page-sessions';

/**
 * Live discovery: with Wikipedia on, names a page's packs did not mark get marks and cards. The
 * background reads the page's batches as they are matched, proposes the names the packs left
 * (`utils/live/candidates.ts`), and once the page has been read (it asks with an empty batch)
 * looks them up in batches in the Wikipedia of the page's language, keeps those that name one
 * thing the page's words agree with, and answers their marks as released mentions of entities
 * marked "from Wikipedia". Only candidate names leave the browser, never the page's address or
 * its text. A page gets at most {@link DISCOVERY_LIMITS.requestsPerPage} look-up requests, the
 * browser at most {@link DISCOVERY_LIMITS.requestsPerDay} a day, and every answer (misses too) is
 * kept for a day; nothing is asked for an excluded site, for the reader's own entities' names, or
 * while the source is off.
 */

export const DISCOVERY_LIMITS = {
  /** Look-up requests for one page (50 names each). */
  requestsPerPage: 2,
  /** Look-up requests a day, all pages together. */
  requestsPerDay: 150,
  /** How long a page's question waits for its look-ups before it is answered with what is known. */
  waitMs: 15_000,
} as const;

/** Discovered entities' numbers on a page: far above any matcher's entity index. */
export const DISCOVERED_REF_BASE = 2 ** 30;

export type { DiscoveredEntity, DiscoveredTab } from '../live/discovered-entity';

export interface DiscoveryDeps {
  live: Pick<LiveService, 'enabled' | 'context'>;
  cache: AnswerCache;
  /** The reader's own entities' names and aliases, folded: never looked up. */
  ownNames(): Promise<ReadonlySet<string>>;
  saveTab(tab: number, state: DiscoveredTab): Promise<void>;
  loadTab(tab: number): Promise<DiscoveredTab | null>;
  now(): number;
}

/** One tab's page, while it is read. */
interface PageRun {
  page: DiscoveryPage;
  source: LiveSource;
  key: string;
  /** Names asked (or found in the day's cache), with what came back. */
  outcomes: Map<string, TitleOutcome | undefined>;
  requests: number;
  /** The pack's entities met on the page, by id: a discovered id the packs know keeps their number. */
  packRefs: Map<string, number>;
  refs: Map<string, number>;
  chosen: Map<string, FoundPage>;
  state: DiscoveredTab;
  settling: Promise<void> | null;
}

/** Most pages whose discovery state is kept in memory at once. */
const MAX_PAGES = 50;

export class LiveDiscovery {
  private readonly runs = new Map<number, PageRun>();

  constructor(private readonly deps: DiscoveryDeps) {}

  /**
   * Follow one batch of a page through: read it for names (answering which of its blocks hold
   * some, and that more is coming), or, for the page's empty batch, look the names up and answer
   * their marks.
   */
  async follow(
    tab: number,
    url: string,
    request: MatchRequest & { lang?: string | undefined },
    answer: MatchAnswer,
    /** Spans the reader's corrections left unmarked (`[segment, start, end]` triples): never asked. */
    suppressed: readonly number[] = [],
  ): Promise<MatchAnswer> {
    if (answer.key !== request.key) return answer;
    const existing = this.runs.get(tab);
    if (request.ids.length === 0) {
      if (!existing || existing.state.session !== request.session) return answer;
      if (!(await this.source(url))) return answer;
      const settled = await Promise.race([
        this.settle(existing).then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), DISCOVERY_LIMITS.waitMs)),
      ]);
      return settled ? this.deliver(tab, existing, answer) : { ...answer, pending: true };
    }
    const source = await this.source(url);
    if (!source) {
      this.runs.delete(tab);
      return answer;
    }
    const run =
      existing && existing.state.session === request.session && existing.key === request.key
        ? existing
        : this.start(tab, request, source);
    this.read(run, request, answer, suppressed);
    const keys = run.page.keys();
    if (keys.length === 0) return answer;
    return {
      ...answer,
      waiting: [...new Set([...answer.waiting, ...keys])],
      pending: true,
    };
  }

  /** The card's entity for a discovered id on the tab's page, or null. */
  async entity(tab: number, id: string): Promise<Entity | null> {
    const found = (await this.tabState(tab))?.entities.find((entity) => entity.id === id);
    return found ? discoveredEntity(found) : null;
  }

  /** What was discovered on the tab's page: ids and the page's wiki language. */
  async found(tab: number): Promise<{ ids: string[]; lang?: string }> {
    const state = await this.tabState(tab);
    return state
      ? { ids: state.entities.map((entity) => entity.id), lang: state.lang }
      : { ids: [] };
  }

  /** The tab closed. */
  forget(tab: number): void {
    this.runs.delete(tab);
  }

  private async tabState(tab: number): Promise<DiscoveredTab | null> {
    return this.runs.get(tab)?.state ?? (await this.deps.loadTab(tab));
  }

  /** The source that discovers names, when it is on, permitted and allowed on the page's site. */
  private async source(url: string): Promise<LiveSource | null> {
    const on = await this.deps.live.enabled(url);
    return LIVE_SOURCES.find((source) => source.discover && on.has(source.id)) ?? null;
  }

  private start(
    tab: number,
    request: MatchRequest & { lang?: string | undefined },
    source: LiveSource,
  ): PageRun {
    const sample = request.texts.join('\n').slice(0, 20_000);
    const lang = wikipediaLanguage(request.lang, sample);
    const run: PageRun = {
      page: new DiscoveryPage(request.session, lang),
      source,
      key: request.key,
      outcomes: new Map(),
      requests: 0,
      packRefs: new Map(),
      refs: new Map(),
      chosen: new Map(),
      state: { session: request.session, lang, entities: [] },
      settling: null,
    };
    this.runs.delete(tab);
    this.runs.set(tab, run);
    if (this.runs.size > MAX_PAGES) this.runs.delete(this.runs.keys().next().value as number);
    return run;
  }

  /** A batch's blocks, and what the packs marked in them. */
  private read(
    run: PageRun,
    request: MatchRequest,
    answer: MatchAnswer,
    suppressed: readonly number[],
  ): void {
    for (const entity of answer.entities) run.packRefs.set(entity.id, entity.ref);
    const taken = spansByBlock(answer.mentions, 4, spansByBlock(suppressed, 3));
    for (let i = 0; i + 3 < answer.released.length; i += 4)
      run.page.markTaken(answer.released[i] as number, [
        answer.released[i + 1] as number,
        answer.released[i + 2] as number,
      ]);
    run.page.observe(
      request.ids.map((key, i) => ({ key, text: request.texts[i] ?? '' })),
      taken,
    );
  }

  /** Look up the page's names not yet asked, within the limits; one settling at a time. */
  private settle(run: PageRun): Promise<void> {
    const previous = run.settling ?? Promise.resolve();
    const next = previous
      .then(() => this.lookUp(run))
      .catch((error: unknown) => console.warn('Backstory: live discovery failed', error));
    run.settling = next;
    return next;
  }

  private async lookUp(run: PageRun): Promise<void> {
    const discover = run.source.discover;
    if (!discover) return;
    const own = await this.deps.ownNames();
    const names = run.page.names();
    const multiWord = names.filter((name) => name.words > 1).map((name) => name.name);
    const wanted = names.filter(
      (name) =>
        !run.outcomes.has(name.name) &&
        !isOwn(name.name, own) &&
        // A lone surname or first name means the person named in full ("Karikó" after
        // "Katalin Karikó"), not a page of its own.
        !run.page.partOfLonger(name.name, multiWord),
    );
    const ctx = await this.deps.live.context(run.source);
    const ranked = rank(wanted);
    // What the day's cache knows costs no request.
    const { known } = await cachedTitles(
      this.deps.cache,
      run.page.lang,
      ranked.map((name) => name.name),
    );
    for (const [name, outcome] of known) run.outcomes.set(name, outcome);
    const unknown = ranked.filter((name) => !known.has(name.name)).map((name) => name.name);
    const budget = await this.budget(run, unknown.length, discover.perRequest);
    const asking = unknown.slice(0, budget * discover.perRequest);
    for (let start = 0; start < asking.length; start += discover.perRequest) {
      const batch = asking.slice(start, start + discover.perRequest);
      run.requests++;
      await countRequest(this.deps.cache, this.deps.now());
      const result = await discover.lookUp(ctx, run.page.lang, batch);
      if (!result.ok) break;
      for (const name of batch) run.outcomes.set(name, result.value.get(name));
    }
    // Names left over (beyond the limits) are not asked on this page.
    for (const name of unknown.slice(asking.length)) run.outcomes.set(name, undefined);
    for (const [name, page] of choosePages(names, run.outcomes, run.page.lang, run.page.words))
      run.chosen.set(name, page);
  }

  /** How many requests the page may still make for `unknown` names, within both limits. */
  private async budget(run: PageRun, unknown: number, perRequest: number): Promise<number> {
    if (unknown === 0) return 0;
    const today = await requestsToday(this.deps.cache, this.deps.now());
    return Math.max(
      0,
      Math.min(
        Math.ceil(unknown / perRequest),
        DISCOVERY_LIMITS.requestsPerPage - run.requests,
        DISCOVERY_LIMITS.requestsPerDay - today,
      ),
    );
  }

  /** The chosen names' marks, as released mentions of their entities. */
  private async deliver(tab: number, run: PageRun, answer: MatchAnswer): Promise<MatchAnswer> {
    const entities: FoundEntity[] = [];
    const refOf = (name: string): number | undefined => {
      const page = run.chosen.get(name);
      if (!page) return undefined;
      const packRef = run.packRefs.get(page.qid);
      if (packRef !== undefined) return packRef;
      let ref = run.refs.get(page.qid);
      if (ref === undefined) {
        ref = DISCOVERED_REF_BASE + run.refs.size;
        run.refs.set(page.qid, ref);
        entities.push({ ref, id: page.qid, name: page.title, kind: page.kind, live: true });
        run.state.entities.push({
          id: page.qid,
          name,
          title: page.title,
          description: page.description,
          lang: page.lang,
          kind: page.kind,
        });
      }
      return ref;
    };
    const marks = run.page.marks(refOf);
    run.page.forget(run.page.keys());
    if (entities.length > 0) await this.deps.saveTab(tab, run.state);
    return {
      ...answer,
      released: [...answer.released, ...marks],
      entities: [...answer.entities, ...entities],
    };
  }
}
