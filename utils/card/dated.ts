import { ENGLISH } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import type { Fact, TimelineEntry } from '../knowledge/schema';
import { localisedFact } from './localise';

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
  /** 'en' when the label or the value fell back to English on a card in another language. */
  labelLang?: 'en';
  valueLang?: 'en';
}

/** A fact's label and value as the card shows them, in the translator's language. */
function shown(fact: Fact, t: Translator): CardFact {
  const { label, value } = localisedFact(fact, t);
  return {
    label: label.text,
    value: value.text,
    ...(label.lang ? { labelLang: label.lang } : {}),
    ...(value.lang ? { valueLang: value.lang } : {}),
  };
}

/**
 * Split facts at a date. `then`: timeless facts and those holding on the date (flagged when they
 * ended later); `since`: facts that began after it. Facts that had already ended are history, not
 * background, and are left out. Labels, values and notes are in the translator's language.
 */
export function factsAt(
  facts: readonly Fact[],
  date: string,
  t: Translator = ENGLISH,
): { then: CardFact[]; since: CardFact[] } {
  const at = startKey(date);
  const then: CardFact[] = [];
  const since: CardFact[] = [];
  for (const fact of facts) {
    const from = fact.from ? startKey(fact.from) : null;
    const to = fact.to ? startKey(fact.to) : null;
    if (from !== null && from > at) {
      since.push({ ...shown(fact, t), note: t.t('card_fact_since', t.date(fact.from as string)) });
    } else if (to === null) {
      then.push(shown(fact, t));
    } else if (at < to) {
      then.push({
        ...shown(fact, t),
        note: t.t('card_fact_until', t.date(fact.to as string)),
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
