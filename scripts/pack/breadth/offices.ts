/**
 * Offices held over time: turning terms (office, from, to) into dated facts and a one-line
 * description built only from them ("Prime Minister of Australia 2013–2015"), and naming a
 * country's head of state or government by the title the office carries.
 */
import type { Fact } from '../../../utils/knowledge/schema';

/** One term in one office; dates as YYYY, YYYY-MM or YYYY-MM-DD; no `to` while it lasts. */
export interface Term {
  office: string;
  from?: string;
  to?: string;
}

/**
 * A date from Wikidata as the pack stores it: `1990-01-01` becomes `1990`, because Wikidata keeps
 * year-precision dates as 1 January and a real 1 January start is far rarer than a year-only one.
 */
export function partialDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (!day) return /^\d{4}(-\d\d)?$/.test(value) ? value : undefined;
  return day[2] === '01' && day[3] === '01' ? day[1] : value;
}

/** Days between two partial dates (missing parts read as the start of the period). */
function dayNumber(value: string): number {
  const [y = 0, m = 1, d = 1] = value.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Terms in the same office that follow each other (a senator re-elected, a prime minister
 * reappointed) become one span; gaps of more than 31 days keep spans apart. Sorted by start.
 */
export function mergeTerms(terms: readonly Term[]): Term[] {
  const sorted = [...terms].sort(
    (a, b) => a.office.localeCompare(b.office) || (a.from ?? '').localeCompare(b.from ?? ''),
  );
  const out: Term[] = [];
  for (const term of sorted) {
    const last = out.at(-1);
    if (
      last &&
      last.office === term.office &&
      last.to !== undefined &&
      term.from !== undefined &&
      dayNumber(term.from) - dayNumber(last.to) <= 31
    ) {
      if (term.to === undefined) last.to = undefined;
      else if (term.to > last.to) last.to = term.to;
      continue;
    }
    if (last && last.office === term.office && last.to === undefined) {
      // An open term goes on: a later row for the same office is the same tenure.
      continue;
    }
    if (
      last &&
      last.office === term.office &&
      last.from === term.from &&
      (last.to === term.to || term.to === undefined || last.to === undefined)
    ) {
      // The same term twice (as head of state and of government, or a duplicate row).
      last.to = last.to === undefined || term.to === undefined ? undefined : last.to;
      continue;
    }
    out.push({ ...term });
  }
  return out.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}

/** Terms as dated facts, newest first: label `Office`, the office as value. */
export function officeFacts(terms: readonly Term[]): Fact[] {
  return [...terms]
    .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
    .map((term) => ({
      label: 'Office',
      value: term.office,
      ...(term.from ? { from: term.from } : {}),
      ...(term.to ? { to: term.to } : {}),
    }));
}

/** "2013–2015", "2017" (within one year), "since 2022", "until 1990"; empty when undated. */
export function spanText(term: Pick<Term, 'from' | 'to'>, ongoing = true): string {
  const from = term.from?.slice(0, 4);
  const to = term.to?.slice(0, 4);
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (from) return ongoing ? `since ${from}` : from;
  if (to) return `until ${to}`;
  return '';
}

const MAX_DESCRIPTION = 200;

/** Newest start first. */
export function newestFirst(a: Term, b: Term): number {
  return (b.from ?? '').localeCompare(a.from ?? '');
}

/**
 * A one-line description from terms: offices in the order given (the caller ranks them; newest
 * first by default), each with its spans in time order, e.g.
 * "President of Russia 2000–2008 and since 2012; Prime Minister of Russia 1999–2000 and 2008–2012".
 * Later offices are dropped to stay within the schema's 200 characters. `ongoing` false when
 * the source cannot tell an open term from an unknown end (then "since" would be a claim).
 */
export function describeTerms(
  terms: readonly Term[],
  ongoing = true,
  order: (a: Term, b: Term) => number = newestFirst,
): string {
  terms = [...terms].sort(order);
  const byOffice = new Map<string, Term[]>();
  for (const term of terms) byOffice.set(term.office, [...(byOffice.get(term.office) ?? []), term]);
  const parts = [...byOffice].map(([office, list]) => {
    const spans = [...list]
      .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))
      .map((term) => spanText(term, ongoing))
      .filter((span, i, all) => span && all.indexOf(span) === i);
    if (spans.length === 0) return office;
    const joined =
      spans.length === 1 ? spans[0] : `${spans.slice(0, -1).join(', ')} and ${spans.at(-1)}`;
    return `${office} ${joined}`;
  });
  let text = '';
  for (const part of parts) {
    const next = text ? `${text}; ${part}` : part;
    if (next.length > MAX_DESCRIPTION) break;
    text = next;
  }
  return text || (parts[0] ?? '').slice(0, MAX_DESCRIPTION);
}

/** How a country's head of state or government is called, from a year on (`packs/overrides`). */
export interface OfficeTitle {
  title: string;
  since: number;
}

/**
 * The office a term is in: "President of France" when the title is known for the term's start
 * (titles change: France had kings), else "Head of state of France".
 */
export function officeName(
  role: 'S' | 'G',
  countryInSentence: string,
  titles: { state?: OfficeTitle; government?: OfficeTitle } | undefined,
  from: string | undefined,
): string {
  const known = role === 'S' ? titles?.state : titles?.government;
  const year = from ? Number(from.slice(0, 4)) : undefined;
  if (known && year !== undefined && year >= known.since)
    return `${known.title} of ${countryInSentence}`;
  return `${role === 'S' ? 'Head of state' : 'Head of government'} of ${countryInSentence}`;
}
