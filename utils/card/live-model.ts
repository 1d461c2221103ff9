import { ENGLISH } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import type { Entity, Fact } from '../knowledge/schema';
import type { LiveAnswer } from '../live/answer';
import { allowedPicture } from '../live/build-config';
import type { SearchLink } from '../live/search-link';
import { clip } from '../live/text';
import { safeWebUrl } from './format';

/**
 * The live parts of a card, pure: the pack's entity with what the reader's opted-in sources added
 * (so dated facts from Wikidata go through the card's usual "then" and "since"), and the view of
 * what only live sources give (a picture, the Wikipedia credit, earlier coverage from the news,
 * a quiet note when a source did not answer). The "search earlier coverage" links are always
 * there: they send nothing until clicked.
 */

export interface LiveCoverageItem {
  title: string;
  url: string;
  outlet: string;
  date: string;
  dateLabel: string;
}

export interface LiveSearchLink {
  kind: 'site' | 'web';
  url: string;
  host: string;
  name: string;
  beforeArticle: boolean;
}

/** What a card shows from live sources (and the always-present search links). */
export interface LiveView {
  /** Some asked source gave no answer: `unavailable` when none did, `partly-unavailable` when some did. */
  problem?: 'unavailable' | 'partly-unavailable';
  /** The Wikipedia page's picture (Wikimedia's image host only). */
  picture?: string;
  /**
   * The Wikipedia page the card took words (`text`: a description or extract) or only a picture
   * from: the card credits it, saying which.
   */
  wikipedia?: { title: string; url: string; used: 'text' | 'picture' };
  /** Earlier articles from the news, all before the article, newest first. */
  coverage: LiveCoverageItem[];
  /** GDELT was asked about a date it covers only on a best-effort basis. */
  gdeltBestEffort: boolean;
  searchLinks: LiveSearchLink[];
  /** A live source was asked about this card's entity (one is on). */
  asked: boolean;
}

/** Popular-title entities carry a placeholder description, which Wikipedia's replaces. */
const POPULAR_TITLE = /^bs:wp-/;

/** A fact's value as compared: case, accents, bracketed notes and spacing ignored. */
function folded(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The pack's facts with Wikidata's added, live first (they are the dated ones a reader turned the
 * source on for). A live fact is left out when the pack already states it (same label and value),
 * or when it is timeless and the pack has a timeless fact under the same label (the pack's
 * curated "Born: 11 September 1965, Damascus" stands for Wikidata's "Born: 11 Sep 1965").
 */
export function mergeFacts(pack: readonly Fact[], live: readonly Fact[]): Fact[] {
  const stated = new Set(pack.map((fact) => `${fact.label.toLowerCase()}|${folded(fact.value)}`));
  const timeless = new Set(
    pack.filter((fact) => !fact.from && !fact.to).map((fact) => fact.label.toLowerCase()),
  );
  const added = live.filter((fact) => {
    const label = fact.label.toLowerCase();
    if (stated.has(`${label}|${folded(fact.value)}`)) return false;
    return fact.from || fact.to || !timeless.has(label);
  });
  return [...added, ...pack];
}

/** The first sentence of an extract, for a description. */
function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return clip(match?.[1] ?? text, 200);
}

/** Does the card take Wikipedia's words for this entity (it has none of its own to show)? */
function takesWikipediaText(entity: Entity, live: LiveAnswer): boolean {
  const wiki = live.summary;
  if (!wiki) return false;
  return (
    (!entity.summary && !!wiki.extract) ||
    (POPULAR_TITLE.test(entity.id) && !!(wiki.description ?? wiki.extract))
  );
}

/**
 * The entity a card shows once live answers arrive: Wikidata's dated facts merged in, Wikipedia's
 * description for a popular title (whose pack description is a placeholder), Wikipedia's extract
 * where the pack has no summary. The pack's own words are never replaced otherwise.
 */
export function withLive(entity: Entity, live: LiveAnswer): Entity {
  const wiki = live.summary;
  const description =
    (POPULAR_TITLE.test(entity.id) && (wiki?.description ?? firstSentence(wiki?.extract))) ||
    entity.description;
  const summary = entity.summary ?? wiki?.extract;
  const facts = live.facts?.length ? mergeFacts(entity.facts ?? [], live.facts) : entity.facts;
  return {
    ...entity,
    description,
    ...(summary ? { summary } : {}),
    ...(facts ? { facts } : {}),
  };
}

/** The card's live view from what has arrived so far, the search links, and the build's picture origins. */
export function liveView(input: {
  /** The pack's entity the card shows (to tell whether Wikipedia's words are used). */
  entity: Entity;
  live: LiveAnswer;
  searchLinks: readonly SearchLink[];
  imageOrigins: readonly string[];
  /** The card frame could not reach the background's live service at all. */
  broken?: boolean;
  /** The card's language, for the coverage's dates (English when not given). */
  t?: Translator;
}): LiveView {
  const { live } = input;
  const t = input.t ?? ENGLISH;
  const wiki = live.summary;
  const wikiUrl = safeWebUrl(wiki?.url);
  const picture = allowedPicture(wiki?.thumbnail, input.imageOrigins);
  const text = takesWikipediaText(input.entity, live);
  const answered = live.asked.filter((id) => !live.failed.includes(id));
  const problem =
    input.broken || (live.asked.length > 0 && answered.length === 0)
      ? 'unavailable'
      : live.failed.length > 0
        ? 'partly-unavailable'
        : undefined;
  const coverage: LiveCoverageItem[] = [];
  for (const item of live.coverage ?? []) {
    const url = safeWebUrl(item.url);
    if (url) coverage.push({ ...item, url, dateLabel: t.date(item.date) });
  }
  const searchLinks: LiveSearchLink[] = [];
  for (const link of input.searchLinks) {
    const url = safeWebUrl(link.url);
    if (url)
      searchLinks.push({
        kind: link.kind,
        url,
        host: link.host,
        name: link.name,
        beforeArticle: link.beforeArticle,
      });
  }
  return {
    ...(problem ? { problem } : {}),
    ...(picture ? { picture } : {}),
    ...(wiki && wikiUrl && (text || picture)
      ? { wikipedia: { title: wiki.title, url: wikiUrl, used: text ? 'text' : 'picture' } }
      : {}),
    coverage,
    gdeltBestEffort: live.bestEffort?.includes('gdelt') ?? false,
    searchLinks,
    asked: live.asked.length > 0,
  };
}
