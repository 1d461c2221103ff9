import type { Claims } from 'wikibase-sdk';
import { formatPartialDate } from '../card/format';
import type { Fact } from '../knowledge/schema';
import { partialDate, QID, qualifierDate, statementsOf } from './wikidata-claims';
import { FACT_RULES, type FactRule } from './wikidata-fact-rules';

/**
 * Wikidata statements as the pack's dated facts. Qualifiers carry the time: P580 (start time) and
 * P582 (end time) become a fact's `from` and `to`, P585 (point in time) dates a measurement such
 * as a population, which then holds until the next one. The result has the pack's `Fact` shape,
 * so the card's "as of this article" and "changed since" (`utils/card/dated.ts`) work unchanged.
 */

/** Most facts kept per property (newest first): a city's population series can run to hundreds. */
export const MAX_FACTS_PER_PROPERTY = 8;
/** The pack allows 40 facts an entity. */
export const MAX_FACTS = 40;

/** Labels of the items statements point to, per language (`en`, `ar`). */
export type ItemLabels = ReadonlyMap<string, { en?: string; ar?: string }>;

/** Every item id the fact properties point to: what the second, labels-only request asks for. */
export function referencedItems(claims: Claims | undefined): string[] {
  if (!claims) return [];
  const ids = new Set<string>();
  for (const rule of FACT_RULES) {
    if (rule.value !== 'item') continue;
    for (const statement of statementsOf(claims, rule.property))
      if (typeof statement.value === 'string' && QID.test(statement.value))
        ids.add(statement.value);
  }
  return [...ids];
}

/** When an entity began and ended: birth or founding, death or dissolution. */
export function entityDates(claims: Claims | undefined): { start?: string; end?: string } {
  if (!claims) return {};
  const first = (property: string): string | undefined => {
    for (const statement of statementsOf(claims, property)) {
      const time = statement.value as Record<string, unknown> | null;
      const date =
        time && typeof time === 'object' ? partialDate(time.time, time.precision) : undefined;
      if (date) return date;
    }
    return undefined;
  };
  const start = first('P569') ?? first('P571');
  const end = first('P570') ?? first('P576');
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

const numbers = new Intl.NumberFormat('en');

/** A fact before sorting and trimming. */
interface Draft {
  value: string;
  valueAr?: string;
  from?: string;
  to?: string;
  /** When the value itself is "ended at an unknown date". */
  endedUnknown?: boolean;
  preferred: boolean;
}

function drafts(rule: FactRule, claims: Claims, labels: ItemLabels): Draft[] {
  const out: Draft[] = [];
  for (const statement of statementsOf(claims, rule.property)) {
    const preferred = statement.rank === 'preferred';
    let value: string | undefined;
    let valueAr: string | undefined;
    let valueDate: string | undefined;
    if (rule.value === 'item') {
      if (typeof statement.value !== 'string' || !QID.test(statement.value)) continue;
      const label = labels.get(statement.value);
      // No label, no fact: a bare Q-id tells a reader nothing.
      value = label?.en ?? label?.ar;
      valueAr = label?.ar;
    } else if (rule.value === 'quantity') {
      const quantity = statement.value as Record<string, unknown> | null;
      const amount =
        typeof quantity === 'object' && quantity !== null ? quantity.amount : undefined;
      if (typeof amount === 'number' && Number.isFinite(amount)) value = numbers.format(amount);
    } else {
      const time = statement.value as Record<string, unknown> | null;
      valueDate =
        time && typeof time === 'object' ? partialDate(time.time, time.precision) : undefined;
      if (valueDate) value = formatPartialDate(valueDate);
    }
    if (!value) continue;

    const draft: Draft = { value, ...(valueAr && valueAr !== value ? { valueAr } : {}), preferred };
    if (rule.dating === 'span') {
      const start = qualifierDate(statement, 'P580');
      const end = qualifierDate(statement, 'P582');
      // It ended, but nobody knows when: we cannot say whether it held on the article's date.
      if (end === 'unknown') continue;
      if (start && start !== 'unknown') draft.from = start.date;
      if (end) draft.to = end.date;
    } else if (rule.dating === 'point') {
      const point = qualifierDate(statement, 'P585');
      if (point && point !== 'unknown') draft.from = point.date;
    } else if (rule.dating === 'event' && valueDate) {
      draft.from = valueDate;
    }
    if (rule.needsDates && !draft.from && !draft.to) continue;
    out.push(draft);
  }
  return out;
}

/** Sortable key of a pack date (year-only and month-only dates sort at their start). */
function key(date: string | undefined): string {
  if (!date) return '';
  if (/^-?\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^-?\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/**
 * For a property with one value at a time: undated statements yield to dated ones (or, when none
 * is dated, only the preferred one stays), and each open statement ends where the next begins.
 */
function chain(list: Draft[]): Draft[] {
  const dated = list.filter((draft) => draft.from);
  if (dated.length === 0) {
    const preferred = list.filter((draft) => draft.preferred);
    return (preferred.length ? preferred : list).slice(0, 1);
  }
  const sorted = [...dated].sort((a, b) => key(a.from).localeCompare(key(b.from)));
  return sorted.map((draft, index) => {
    const next = sorted.slice(index + 1).find((later) => key(later.from) > key(draft.from));
    return draft.to || !next ? draft : { ...draft, to: next.from };
  });
}

/**
 * The dated facts of one entity's claims. `labels` names the items the statements point to (see
 * {@link referencedItems}). Open-ended spans end at the entity's own end (a dead man holds no
 * office). Newest first within a property, at most {@link MAX_FACTS_PER_PROPERTY} each.
 */
export function factsFromClaims(claims: Claims | undefined, labels: ItemLabels): Fact[] {
  if (!claims) return [];
  const end = entityDates(claims).end;
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const rule of FACT_RULES) {
    let list = drafts(rule, claims, labels);
    if (rule.single) list = chain(list);
    if (end && rule.dating === 'span')
      list = list.map((draft) =>
        draft.to || (draft.from && key(draft.from) > key(end)) ? draft : { ...draft, to: end },
      );
    list.sort((a, b) => key(b.from ?? b.to).localeCompare(key(a.from ?? a.to)));
    let kept = 0;
    for (const draft of list) {
      const id = [rule.property, draft.value, draft.from ?? '', draft.to ?? ''].join('|');
      if (seen.has(id) || kept >= MAX_FACTS_PER_PROPERTY || facts.length >= MAX_FACTS) continue;
      seen.add(id);
      kept++;
      facts.push({
        label: rule.label,
        value: draft.value,
        ...(draft.from ? { from: draft.from } : {}),
        ...(draft.to ? { to: draft.to } : {}),
        translations: {
          ar: { label: rule.labelAr, ...(draft.valueAr ? { value: draft.valueAr } : {}) },
        },
      });
    }
  }
  return facts;
}
