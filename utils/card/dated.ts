import type { Fact, TimelineEntry } from '../knowledge/schema';
import { formatPartialDate } from './format';

/**
 * The card's sense of time: facts as they stood on the article's date, and the timeline split
 * into what came before the article and what has happened since.
 */

/** A partial date as the sortable first day of its period: `2018` → `2018-01-01`, `2018-07` → `2018-07-01`. */
export function startKey(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date.slice(0, 10);
}

/** A fact as the card shows it. */
export interface CardFact {
  label: string;
  value: string;
  /** "until 8 Dec 2024" for a fact that has changed since the article; "since …" for a newer one. */
  note?: string;
  /** True when this stopped holding after the article was written. */
  changed?: boolean;
}

/**
 * Split facts at a date. `then`: timeless facts and those holding on the date (flagged when they
 * ended later); `since`: facts that began after it. Facts that had already ended are history, not
 * background, and are left out.
 */
export function factsAt(
  facts: readonly Fact[],
  date: string,
): { then: CardFact[]; since: CardFact[] } {
  const at = startKey(date);
  const then: CardFact[] = [];
  const since: CardFact[] = [];
  for (const fact of facts) {
    const from = fact.from ? startKey(fact.from) : null;
    const to = fact.to ? startKey(fact.to) : null;
    if (from !== null && from > at) {
      since.push({
        label: fact.label,
        value: fact.value,
        note: `since ${formatPartialDate(fact.from as string)}`,
      });
    } else if (to === null) {
      then.push({ label: fact.label, value: fact.value });
    } else if (at < to) {
      then.push({
        label: fact.label,
        value: fact.value,
        note: `until ${formatPartialDate(fact.to as string)}`,
        changed: true,
      });
    }
  }
  return { then, since };
}

/** Timeline entries up to and including the date, and those after it. */
export function splitTimeline(
  entries: readonly TimelineEntry[],
  date: string,
): { before: TimelineEntry[]; since: TimelineEntry[] } {
  const at = startKey(date);
  const before: TimelineEntry[] = [];
  const since: TimelineEntry[] = [];
  for (const entry of entries) (startKey(entry.date) <= at ? before : since).push(entry);
  return { before, since };
}
