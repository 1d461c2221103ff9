/** Dates as the card shows them, from the pack's partial ISO dates, in the card's language. */
import { ENGLISH } from '../i18n/english';
import type { Translator } from '../i18n/translator';

export { formatPartialDate } from '../i18n/dates';

/** A visit time relative to now: "today", "yesterday", or the date. */
export function formatVisit(at: number, now: number, t: Translator = ENGLISH): string {
  const startOfDay = (time: number) => {
    const d = new Date(time);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000);
  if (days <= 0) return t.t('card_visit_today');
  if (days === 1) return t.t('card_visit_yesterday');
  return t.day(at);
}

/** Only web links reach a card; anything else (javascript:, data:, file:) is dropped. */
export function safeWebUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
