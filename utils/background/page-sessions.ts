import { type ArticleDate, chooseArticleDate, knownDate } from '../article-date/choose';
import type { DateEvidence } from '../article-date/signals';
import { correctMark } from '../corrections/apply';
import type { Correction } from '../corrections/correction';
import { correctionsFor, correctionsKey } from '../corrections/correction-index';
import type { LoadedMatcher } from '../knowledge/layered-matcher';
import { indexOfId } from '../match/layers';
import { KIND_CODES } from '../match/matcher-data';
import { PageMatch } from '../match/page-match';
import type { FoundEntity, MatchAnswer } from '../messages/protocol';
import { siteOf } from '../settings/site';

/** What the background remembers of the page in a tab (kept in session storage across restarts). */
export interface TabState {
  session: string;
  /** The page's address, as its content script's messages carry it. */
  url: string;
  /** Ids of the entities found on the page: only these may show the reader's history. */
  found: string[];
  articleDate: ArticleDate | null;
}

/** A batch of a page's text, checked by the router. */
export interface MatchRequest {
  session: string;
  key: string;
  ids: number[];
  texts: string[];
  evidence?: DateEvidence | undefined;
}

export interface PageSessionsDeps {
  matcher(): Promise<LoadedMatcher>;
  /** Should the reader's own entities be marked? */
  markOwn(): Promise<boolean>;
  saveTab(tab: number, state: TabState): Promise<void>;
  loadTab(tab: number): Promise<TabState | null>;
  today(): Date;
  /** The reader's corrections (none when absent): applied to every mark as it is matched. */
  corrections?(): Promise<readonly Correction[]>;
}

interface PageSession {
  state: TabState;
  key: string;
  page: PageMatch<number>;
  /** Entities already described to the page. */
  sent: Set<number>;
  /** Texts of segments whose mentions wait, so their marks can be corrected when released. */
  texts: Map<number, string>;
}

/**
 * What a page is matched with: the compiled packs, whether the reader's own entities are marked,
 * and the reader's corrections. Any of them changing gives a new key, and pages match again.
 */
export function pageKey(packsKey: string, markOwn: boolean, corrections = ''): string {
  const key = markOwn ? packsKey : `${packsKey}|own-unmarked`;
  return corrections ? `${key}|${corrections}` : key;
}

/** Pages whose matching state is kept in memory at once; a tab beyond that starts its context afresh. */
const MAX_LIVE = 100;

/**
 * Matching for pages, in the background: each tab's page session keeps its resolver (the context
 * words and entities seen so far on the page) while the page sends its text batch by batch. The
 * page gets offsets and entities back, never the matcher. What the page mentions is remembered per
 * tab, so the tab's card frame may show history only for entities its page really names.
 */
export class PageSessions {
  private readonly live = new Map<number, PageSession>();
  private readonly ids = new WeakMap<LoadedMatcher, Map<string, number>>();

  constructor(private readonly deps: PageSessionsDeps) {}

  async match(
    tab: number,
    url: string,
    request: MatchRequest,
  ): Promise<MatchAnswer & { suppressed?: number[] }> {
    const [loaded, markOwn, corrections] = await Promise.all([
      this.deps.matcher(),
      this.deps.markOwn(),
      this.deps.corrections?.() ?? [],
    ]);
    const key = pageKey(loaded.key, markOwn, correctionsKey(corrections));
    const answer: MatchAnswer & { suppressed?: number[] } = {
      key,
      mentions: [],
      released: [],
      waiting: [],
      entities: [],
    };
    // Matched with other packs (or rules) than the page started with: it must start over.
    if (request.key !== key) return answer;
    const live = this.session(tab, url, request, key, loaded);
    const { own } = loaded;
    const skipOwn = !markOwn && own.size > 0;
    const before = live.state.found.length;
    // The reader's corrections for this site, by name: applied to each mark here, so they cost
    // the page nothing (a suppressed name never reaches it).
    const byName = correctionsFor(corrections, siteOf(url));
    const texts = new Map(request.ids.map((id, i) => [id, request.texts[i] ?? '']));
    const indexOf = (id: string) => this.indexOf(loaded, id);
    const add = (out: number[], key: number, start: number, end: number, found: number) => {
      const text = texts.get(key) ?? live.texts.get(key) ?? '';
      const entity = correctMark(text, start, end, found, byName, indexOf);
      if (entity === null) {
        // Not marked, at the reader's word: live discovery must not mark it either.
        answer.suppressed ??= [];
        answer.suppressed.push(key, start, end);
        return;
      }
      if (skipOwn && own.has(entity)) return;
      out.push(key, start, end, entity);
      this.describe(live, loaded, entity, answer.entities);
    };
    const result = live.page.match(
      request.ids.map((id, i) => ({ key: id, text: request.texts[i] ?? '' })),
    );
    for (const m of result.mentions) add(answer.mentions, m.key, m.start, m.end, m.entity);
    for (const m of result.released) add(answer.released, m.key, m.start, m.end, m.entity);
    answer.waiting = result.waiting;
    // Keep the texts of segments still waiting (their marks are corrected when released), only.
    const waiting = new Set(result.waiting);
    for (const id of live.texts.keys()) if (!waiting.has(id)) live.texts.delete(id);
    if (byName.size > 0)
      for (const [id, text] of texts) if (waiting.has(id)) live.texts.set(id, text);
    if (live.state.found.length !== before || request.evidence)
      await this.deps.saveTab(tab, live.state);
    return answer;
  }

  /** What the background knows of the page in a tab (after a restart, from session storage). */
  async tab(tab: number): Promise<TabState | null> {
    return this.live.get(tab)?.state ?? (await this.deps.loadTab(tab));
  }

  /** The tab closed. */
  forget(tab: number): void {
    this.live.delete(tab);
  }

  private session(
    tab: number,
    url: string,
    request: MatchRequest,
    key: string,
    loaded: LoadedMatcher,
  ): PageSession {
    const existing = this.live.get(tab);
    if (existing && existing.state.session === request.session && existing.key === key) {
      // Most recently used last: the oldest sessions are the ones let go.
      this.live.delete(tab);
      this.live.set(tab, existing);
      return existing;
    }
    // The page's date, from what it says about itself (sent with its first batch): cards state
    // facts as they stood then, and the resolver prefers the referents current then.
    const articleDate = request.evidence
      ? chooseArticleDate(request.evidence, this.deps.today())
      : null;
    const known = knownDate(articleDate);
    const live: PageSession = {
      state: { session: request.session, url, found: [], articleDate },
      key,
      page: new PageMatch<number>(loaded.matcher, known ? { articleDate: known } : {}),
      sent: new Set(),
      texts: new Map(),
    };
    this.live.delete(tab);
    this.live.set(tab, live);
    if (this.live.size > MAX_LIVE) this.live.delete(this.live.keys().next().value as number);
    return live;
  }

  /** The matcher's index of an entity id (-1: in no pack), looked up once per matcher. */
  private indexOf(loaded: LoadedMatcher, id: string): number {
    let ids = this.ids.get(loaded);
    if (!ids) {
      ids = new Map();
      this.ids.set(loaded, ids);
    }
    let index = ids.get(id);
    if (index === undefined) {
      index = indexOfId(loaded.matcher.data.entityIds, id);
      ids.set(id, index);
    }
    return index;
  }

  private describe(
    live: PageSession,
    loaded: LoadedMatcher,
    entity: number,
    out: FoundEntity[],
  ): void {
    if (live.sent.has(entity)) return;
    live.sent.add(entity);
    const { entityIds, entityNames, entityKinds } = loaded.matcher.data;
    const id = entityIds.at(entity) as string;
    live.state.found.push(id);
    out.push({
      ref: entity,
      id,
      name: entityNames.at(entity) as string,
      kind: KIND_CODES[entityKinds[entity] as number] as FoundEntity['kind'],
    });
  }
}
