import type { MessageKey } from '../i18n/translator';
import type { Entity, Fact } from '../knowledge/schema';
import type { AnswerCache } from './cache';
import type { CoverageItem } from './coverage';
import type { LiveEndpoints } from './endpoints';
import type { LiveHttp } from './http';
import type { LiveResult } from './result';
import type { TitleOutcome } from './wikipedia';

/** `about`: who or what it is (Wikipedia, Wikidata). `coverage`: earlier news (GDELT, The Guardian). */
export type LivePart = 'about' | 'coverage';
export const LIVE_PARTS: readonly LivePart[] = ['about', 'coverage'];

/** An encyclopaedia page's summary (Wikipedia's), as a card shows it. */
export interface LiveSummary {
  title: string;
  /** The article on Wikipedia (the card's attribution link). */
  url: string;
  description?: string;
  extract?: string;
  /** A picture on Wikimedia's image host (checked against the build's allowed origins). */
  thumbnail?: string;
}

/**
 * What a live source is, in one place: who it is (its messages, licence, hosts), which part of a
 * card it fills, and how it asks. The background's live service, the settings, the options page,
 * the local fake and the catalogue tests all read the registry of these (`sources.ts`), so a new
 * source is one module made with {@link defineLiveSource}, a fake with its fixture, and its
 * catalogue entries (`live_<id>_name`, `live_<id>_sends`, `live_<id>_adds`).
 */

/** A Wikipedia article: the wiki's language and the page's title. */
export interface ArticleRef {
  lang: string;
  title: string;
}

/** What a source is asked about: the card's entity and what the sources before it found out. */
export interface SourceAsk {
  entity: Entity;
  /** Its Wikidata id: the entity's own, or one an earlier source found. */
  qid?: string;
  /** Its Wikipedia article, when the entity links to one or an earlier source found it. */
  article?: ArticleRef;
  /** The language of the page (a Wikipedia language code). */
  lang: string;
  /** The article's date as the card uses it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), else today. */
  date: string;
  /** The other names on the page a source may look up in the same request (popular titles). */
  otherNames(): Promise<string[]>;
}

/** What a source adds to one part of a card, and what it learned for the sources after it. */
export interface Contribution {
  summary?: LiveSummary;
  facts?: Fact[];
  coverage?: CoverageItem[];
  /** The source answered for this date on a best-effort basis only (the card says so). */
  bestEffort?: boolean;
  qid?: string;
  article?: ArticleRef;
}

/** What a source asks with: the shared client and cache, the build's addresses, the clock. */
export interface SourceContext {
  http: LiveHttp;
  cache: AnswerCache;
  endpoints: LiveEndpoints;
  /** What the build sets for sources (an e2e build shortens GDELT's spacing against the fake). */
  build: { gdeltSpacingMs: number };
  /** The reader's key for the source ('' when none). */
  key: string;
  now: number;
  /** Runs tasks under one name one after another (two cards asking at once share a batch). */
  serial<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** A source's answer to a batch of names a page's packs did not mark (live discovery). */
export interface DiscoveryLookup {
  /** Names asked in one request at most. */
  perRequest: number;
  /** Look `names` up in the `lang` wiki; each outcome is kept for a day, misses too. */
  lookUp(
    ctx: SourceContext,
    lang: string,
    names: readonly string[],
  ): Promise<LiveResult<Map<string, TitleOutcome>>>;
}

export interface LiveSourceSpec<Id extends string> {
  id: Id;
  /** The part of a card it fills: `about` (who or what), `coverage` (earlier news). */
  part: LivePart;
  /** The endpoints it calls: their hosts are its permissions. */
  endpoints: readonly (keyof LiveEndpoints)[];
  /** The reader pastes a key of their own; without one nothing is asked. */
  needsKey: boolean;
  /** Licence of what it returns, for the card's sources line. */
  licence: string;
  /** Sources of the same part that go first when they can (their answer helps this one). */
  after?: readonly string[];
  /**
   * The key its answer to `ask` is kept under for a day, or null when it has nothing to ask yet
   * (asked again once the other sources of the part have answered).
   */
  cacheKey(ask: SourceAsk): string | null;
  /** Ask the service. Failures come back as values; what is returned is cached under the key. */
  fetch(ctx: SourceContext, ask: SourceAsk): Promise<LiveResult<Contribution>>;
  /** Names a page's packs did not mark, looked up (only sources that can find pages do). */
  discover?: DiscoveryLookup;
}

/** A source as the registry holds it: its spec, with its messages named after its id. */
export interface LiveSourceDef<Id extends string = string> extends LiveSourceSpec<Id> {
  /** Its name, as a message ("Wikipedia", "ويكيبيديا"). */
  nameKey: MessageKey;
  /** What it sends where, for the reader, in one sentence (a message). */
  sendsKey: MessageKey;
  /** What it adds to a card (a message). */
  addsKey: MessageKey;
  /** Always false: nothing leaves the browser until the reader says so. */
  enabledByDefault: false;
}

/** One live source. Its messages are `live_<id>_name`, `live_<id>_sends` and `live_<id>_adds`. */
export function defineLiveSource<const Id extends string>(
  spec: LiveSourceSpec<Id>,
): LiveSourceDef<Id> {
  return Object.freeze({
    ...spec,
    nameKey: `live_${spec.id}_name` as MessageKey,
    sendsKey: `live_${spec.id}_sends` as MessageKey,
    addsKey: `live_${spec.id}_adds` as MessageKey,
    enabledByDefault: false,
  });
}
