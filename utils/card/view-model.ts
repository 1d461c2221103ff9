import type { ArticleDate } from '../article-date/choose';
import type { VisitedPage } from '../history/history-store';
import type { Entity, EntityKind, Link, TimelineEntry } from '../knowledge/schema';
import type { LocatorMap as LocatorMapModel } from '../map/locator';
import { type CardFact, factsAt, splitTimeline } from './dated';
import { formatPartialDate, formatVisit, safeWebUrl } from './format';
import type { LiveView } from './live-model';

export type { CardFact } from './dated';

export interface CardLink {
  title: string;
  outlet: string;
  url: string;
  dateLabel?: string;
}

export interface CardTimelineItem {
  date: string;
  dateLabel: string;
  title: string;
  summary?: string;
  links: CardLink[];
}

export interface CardTimeline {
  heading: string;
  /** Every entry in date order; `key` entries are shown before "more" is pressed. */
  items: (CardTimelineItem & { key: boolean })[];
  /** How many entries "more" reveals. */
  hidden: number;
}

export interface CardHistoryGroup {
  label: string;
  pages: { title: string; site: string; url: string; dateLabel: string }[];
}

export interface ReadyCard {
  state: 'ready';
  id: string;
  name: string;
  kind: EntityKind;
  kindLabel: string;
  description: string;
  summary?: string;
  /** When the page was published, as the card shows it. */
  article: { date: string; label: string; known: boolean; detail: string };
  /** Facts as they stood on the article's date. */
  facts: CardFact[];
  /** Facts that began after it. */
  factsSince: CardFact[];
  /** The timeline up to the article ("Before this article", or "Earlier coverage" without a date). */
  timeline: CardTimeline | null;
  /** What has happened since the article. */
  since: CardTimeline | null;
  history: CardHistoryGroup[];
  sources: CardLink[];
  /** A locator map, for places (computed in the background, rendered here). */
  map?: LocatorMapModel;
  /** What the reader's live sources added, and the always-present search links (`live-model.ts`). */
  live?: LiveView;
}

/** What the card shows, in each of its states. */
export type CardModel =
  | { state: 'loading'; name: string; kind: EntityKind }
  | { state: 'missing'; name: string; message: string }
  | { state: 'error'; name: string; message: string }
  | ReadyCard;

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  event: 'Event',
  group: 'Group',
  topic: 'Topic',
};

/** Timeline entries shown before "more". */
export const TIMELINE_SHOWN = 4;
/** Key facts shown on a card. */
export const FACTS_SHOWN = 6;
/** Earlier pages listed under "You read about this before". */
export const HISTORY_SHOWN = 5;

/** Sort entries by date; partial dates sort at the start of their period. */
export function byDate(a: { date: string }, b: { date: string }): number {
  return a.date.localeCompare(b.date);
}

function toLink(link: Link): CardLink | null {
  const url = safeWebUrl(link.url);
  if (!url) return null;
  return {
    title: link.title,
    outlet: link.outlet,
    url,
    ...(link.date ? { dateLabel: formatPartialDate(link.date) } : {}),
  };
}

function toItem(entry: TimelineEntry): CardTimelineItem {
  return {
    date: entry.date,
    dateLabel: formatPartialDate(entry.date),
    title: entry.title,
    ...(entry.summary ? { summary: entry.summary } : {}),
    links: (entry.links ?? []).map(toLink).filter((link): link is CardLink => link !== null),
  };
}

/** How much an entry tells a reader: coverage to follow beats a bare line; a known event helps. */
function weight(entry: TimelineEntry): number {
  return (entry.links?.length ? 2 : 0) + (entry.event ? 1 : 0);
}

/**
 * The timeline in date order, trimmed to what matters: the weightiest entry of each year (the
 * earliest among equals: how a story began), then the {@link TIMELINE_SHOWN} most recent of
 * those. The rest waits behind "more", in place.
 */
export function buildTimeline(
  entries: readonly TimelineEntry[],
  heading = 'Earlier coverage',
): CardTimeline | null {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort(byDate);
  const bestOfYear = new Map<string, TimelineEntry>();
  for (const entry of sorted) {
    const year = entry.date.slice(0, entry.date.startsWith('-') ? 5 : 4);
    const best = bestOfYear.get(year);
    if (!best || weight(entry) > weight(best)) bestOfYear.set(year, entry);
  }
  const key = new Set([...bestOfYear.values()].slice(-TIMELINE_SHOWN));
  const items = sorted.map((entry) => ({ ...toItem(entry), key: key.has(entry) }));
  return { heading, items, hidden: items.length - key.size };
}

/** Earlier pages grouped by when they were read: today, this week, earlier. */
export function groupHistory(pages: readonly VisitedPage[], now: number): CardHistoryGroup[] {
  const day = 86_400_000;
  const buckets: CardHistoryGroup[] = [
    { label: 'Today', pages: [] },
    { label: 'This week', pages: [] },
    { label: 'Earlier', pages: [] },
  ];
  const seen = new Set<string>();
  const sorted = [...pages].sort((a, b) => b.visitedAt - a.visitedAt);
  for (const page of sorted) {
    const url = safeWebUrl(page.url);
    if (!url || seen.has(url) || seen.size >= HISTORY_SHOWN) continue;
    seen.add(url);
    const age = now - page.visitedAt;
    const bucket = formatVisit(page.visitedAt, now) === 'today' ? 0 : age < 7 * day ? 1 : 2;
    buckets[bucket]?.pages.push({
      title: page.title || url,
      site: page.site,
      url,
      dateLabel: formatVisit(page.visitedAt, now),
    });
  }
  return buckets.filter((bucket) => bucket.pages.length > 0);
}

/** Today as YYYY-MM-DD in the reader's calendar. */
function todayOf(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The card for an entity on a page published on `articleDate`: facts as they stood then, the
 * timeline split into before and since, and the reader's earlier pages that mentioned it. With no
 * date, "then" is today and everything is earlier coverage.
 */
export function buildCard(
  entity: Entity,
  history: readonly VisitedPage[],
  now: number,
  articleDate?: ArticleDate,
): ReadyCard {
  const known = !!articleDate && articleDate.source !== 'none';
  const date = known ? (articleDate as ArticleDate).date : todayOf(now);
  const facts = factsAt(entity.facts ?? [], date);
  const split = splitTimeline(entity.timeline ?? [], date);
  const sources = entity.sources
    .map((source) =>
      source.url
        ? toLink({ title: source.title, outlet: source.licence ?? '', url: source.url })
        : null,
    )
    .filter((link): link is CardLink => link !== null);
  return {
    state: 'ready',
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    kindLabel: KIND_LABELS[entity.kind],
    description: entity.description,
    ...(entity.summary ? { summary: entity.summary } : {}),
    article: {
      date,
      label: formatPartialDate(date),
      known,
      detail: known
        ? (articleDate as ArticleDate).detail
        : 'No publication date on this page: showing what is known today.',
    },
    facts: facts.then.slice(0, FACTS_SHOWN),
    factsSince: facts.since.slice(0, FACTS_SHOWN),
    timeline: buildTimeline(split.before, known ? 'Before this article' : 'Earlier coverage'),
    since: known ? buildTimeline(split.since, 'Since this article') : null,
    history: groupHistory(history, now),
    sources,
  };
}
