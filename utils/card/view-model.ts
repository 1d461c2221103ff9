import { type ArticleDate, knownDate } from '../article-date/choose';
import type { VisitedPage } from '../history/history-store';
import { ENGLISH } from '../i18n/english';
import { KIND_LABELS } from '../i18n/kinds';
import type { UiLanguage } from '../i18n/languages';
import type { Translator } from '../i18n/translator';
import type { Entity, EntityKind, Link, TimelineEntry } from '../knowledge/schema';
import type { LocatorMap as LocatorMapModel } from '../map/locator';
import { type CardFact, factsAt, splitTimeline } from './dated';
import { formatVisit, safeWebUrl } from './format';
import type { LiveView } from './live-model';
import { localised } from './localise';

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
  /** 'en' when the title fell back to English on a card in another language. */
  titleLang?: 'en';
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
  /** The card's language: the page's where Backstory has it, else the reader's. */
  language: UiLanguage;
  name: string;
  kind: EntityKind;
  kindLabel: string;
  description: string;
  summary?: string;
  /** Fields that fell back to English on a card in another language (`lang="en"` on them). */
  english: { name?: true; description?: true; summary?: true };
  /** Some of the card is in English though the card is not: it says so, quietly. */
  fallback: boolean;
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

export { KIND_LABELS } from '../i18n/kinds';

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

/**
 * A coverage link. Its title is the linked article's own, in whatever language that is written
 * in, so it is never flagged as a fallback: the view leaves its direction to the text.
 */
function toLink(link: Link, t: Translator): CardLink | null {
  const url = safeWebUrl(link.url);
  if (!url) return null;
  return {
    title: link.translations?.[t.language]?.title ?? link.title,
    outlet: link.outlet,
    url,
    ...(link.date ? { dateLabel: t.date(link.date) } : {}),
  };
}

function toItem(entry: TimelineEntry, t: Translator): CardTimelineItem {
  const title = localised(entry.title, entry.translations, 'title', t.language);
  const summary = entry.summary
    ? localised(entry.summary, entry.translations, 'summary', t.language)
    : undefined;
  return {
    date: entry.date,
    dateLabel: t.date(entry.date),
    title: title.text,
    ...(title.lang ? { titleLang: title.lang } : {}),
    ...(summary ? { summary: summary.text } : {}),
    links: (entry.links ?? [])
      .map((link) => toLink(link, t))
      .filter((link): link is CardLink => link !== null),
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
  heading = ENGLISH.t('card_earlier_coverage'),
  t: Translator = ENGLISH,
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
  const items = sorted.map((entry) => ({ ...toItem(entry, t), key: key.has(entry) }));
  return { heading, items, hidden: items.length - key.size };
}

/** Earlier pages grouped by when they were read: today, this week, earlier. */
export function groupHistory(
  pages: readonly VisitedPage[],
  now: number,
  t: Translator = ENGLISH,
): CardHistoryGroup[] {
  const day = 86_400_000;
  const buckets: CardHistoryGroup[] = [
    { label: t.t('card_history_today'), pages: [] },
    { label: t.t('card_history_week'), pages: [] },
    { label: t.t('card_history_earlier'), pages: [] },
  ];
  const today = new Date(now);
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  const seen = new Set<string>();
  const sorted = [...pages].sort((a, b) => b.visitedAt - a.visitedAt);
  for (const page of sorted) {
    const url = safeWebUrl(page.url);
    if (!url || seen.has(url) || seen.size >= HISTORY_SHOWN) continue;
    seen.add(url);
    const age = now - page.visitedAt;
    const bucket = page.visitedAt >= startOfToday ? 0 : age < 7 * day ? 1 : 2;
    buckets[bucket]?.pages.push({
      title: page.title || url,
      site: page.site,
      url,
      dateLabel: formatVisit(page.visitedAt, now, t),
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
 * date, "then" is today and everything is earlier coverage. Everything is in the translator's
 * language: the pack's text where it has that language, field by field, else its English.
 */
export function buildCard(
  entity: Entity,
  history: readonly VisitedPage[],
  now: number,
  articleDate?: ArticleDate,
  t: Translator = ENGLISH,
): ReadyCard {
  const language = t.language;
  const articleDay = knownDate(articleDate);
  const known = articleDay !== undefined;
  const date = articleDay ?? todayOf(now);
  const facts = factsAt(entity.facts ?? [], date, t);
  const split = splitTimeline(entity.timeline ?? [], date);
  const sources = entity.sources
    .map((source) =>
      source.url
        ? toLink({ title: source.title, outlet: source.licence ?? '', url: source.url }, t)
        : null,
    )
    .filter((link): link is CardLink => link !== null);
  const name = localised(entity.name, entity.translations, 'name', language);
  const description = localised(entity.description, entity.translations, 'description', language);
  const summary = entity.summary
    ? localised(entity.summary, entity.translations, 'summary', language)
    : undefined;
  const card: ReadyCard = {
    state: 'ready',
    id: entity.id,
    language,
    name: name.text,
    kind: entity.kind,
    kindLabel: t.t(KIND_LABELS[entity.kind]),
    description: description.text,
    ...(summary ? { summary: summary.text } : {}),
    english: {
      ...(name.lang ? { name: true } : {}),
      ...(description.lang ? { description: true } : {}),
      ...(summary?.lang ? { summary: true } : {}),
    },
    fallback: false,
    article: {
      date,
      label: t.date(date),
      known,
      detail: known
        ? t.t('card_date_found', (articleDate as ArticleDate).detail)
        : t.t('card_no_date'),
    },
    facts: facts.then.slice(0, FACTS_SHOWN),
    factsSince: facts.since.slice(0, FACTS_SHOWN),
    timeline: buildTimeline(
      split.before,
      t.t(known ? 'card_before_article' : 'card_earlier_coverage'),
      t,
    ),
    since: known ? buildTimeline(split.since, t.t('card_since_article'), t) : null,
    history: groupHistory(history, now, t),
    sources,
  };
  card.fallback = hasEnglish(card);
  return card;
}

/** Does any of what the card shows fall back to English? */
function hasEnglish(card: ReadyCard): boolean {
  const facts = [...card.facts, ...card.factsSince];
  const items = [...(card.timeline?.items ?? []), ...(card.since?.items ?? [])];
  return (
    Object.keys(card.english).length > 0 ||
    facts.some((fact) => fact.labelLang || fact.valueLang) ||
    items.some((item) => item.titleLang)
  );
}
