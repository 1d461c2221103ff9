import { type Claims, simplifyClaims } from 'wikibase-sdk';
import { formatPartialDate } from '../card/format';
import type { Fact } from '../knowledge/schema';
import { asObject } from './http';

/**
 * Wikidata statements as the pack's dated facts. Qualifiers carry the time: P580 (start time) and
 * P582 (end time) become a fact's `from` and `to`, P585 (point in time) dates a measurement such
 * as a population, which then holds until the next one. The result has the pack's `Fact` shape,
 * so the card's "as of this article" and "changed since" (`utils/card/dated.ts`) work unchanged.
 */

/** How a property's statements are dated. */
type Dating =
  /** P580/P582 qualifiers: an office held, a capital, a country. */
  | 'span'
  /** P585 qualifier: a measurement, holding until the next one. */
  | 'point'
  /** The value is itself the date of a change (death, dissolution): the fact holds from then. */
  | 'event'
  /** A date that is background, never news (birth, founding). */
  | 'none';

export interface FactRule {
  property: string;
  label: string;
  /** The label in Arabic, for the pack's per-language text. */
  labelAr: string;
  value: 'item' | 'quantity' | 'time';
  dating: Dating;
  /** One value at a time (a country has one capital): an open statement ends where the next begins. */
  single?: boolean;
  /** Undated statements are left out: an undated office would read as held at every date. */
  needsDates?: boolean;
}

/** The properties turned into facts, in the order a card lists them. */
export const FACT_RULES: readonly FactRule[] = [
  {
    property: 'P39',
    label: 'Office',
    labelAr: 'المنصب',
    value: 'item',
    dating: 'span',
    needsDates: true,
  },
  {
    property: 'P35',
    label: 'Head of state',
    labelAr: 'رئيس الدولة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  {
    property: 'P6',
    label: 'Head of government',
    labelAr: 'رئيس الحكومة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  {
    property: 'P36',
    label: 'Capital',
    labelAr: 'العاصمة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  {
    property: 'P17',
    label: 'Country',
    labelAr: 'الدولة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  { property: 'P102', label: 'Party', labelAr: 'الحزب', value: 'item', dating: 'span' },
  {
    property: 'P1082',
    label: 'Population',
    labelAr: 'عدد السكان',
    value: 'quantity',
    dating: 'point',
    single: true,
  },
  { property: 'P571', label: 'Founded', labelAr: 'تاريخ التأسيس', value: 'time', dating: 'none' },
  { property: 'P576', label: 'Dissolved', labelAr: 'تاريخ الحل', value: 'time', dating: 'event' },
  { property: 'P569', label: 'Born', labelAr: 'تاريخ الولادة', value: 'time', dating: 'none' },
  { property: 'P570', label: 'Died', labelAr: 'تاريخ الوفاة', value: 'time', dating: 'event' },
];

/** Most facts kept per property (newest first): a city's population series can run to hundreds. */
export const MAX_FACTS_PER_PROPERTY = 8;
/** The pack allows 40 facts an entity. */
export const MAX_FACTS = 40;

/** Labels of the items statements point to, per language (`en`, `ar`). */
export type ItemLabels = ReadonlyMap<string, { en?: string; ar?: string }>;

/** Stands in for "some value" (known to exist, not known what): an end time like that means "ended, date unknown". */
const SOME_VALUE = '\u0000somevalue';
const NO_VALUE = '\u0000novalue';
const QID = /^Q[1-9]\d*$/;

/** A Wikidata time (`+2000-07-17T00:00:00Z`, precision 11) as a pack date (`2000-07-17`); undefined below year precision. */
export function partialDate(time: unknown, precision: unknown): string | undefined {
  if (typeof time !== 'string' || typeof precision !== 'number' || precision < 9) return undefined;
  const match = /^([+-])0*(\d{1,4})-(\d\d)-(\d\d)T/.exec(time);
  if (!match) return undefined;
  const [, sign, digits, month, day] = match as unknown as [string, string, string, string, string];
  const year = `${sign === '-' ? '-' : ''}${digits.padStart(4, '0')}`;
  if (precision === 9 || month === '00') return year;
  if (precision === 10 || day === '00') return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

/** One simplified statement, as read from wikibase-sdk's output. */
interface Statement {
  value: unknown;
  qualifiers: Record<string, unknown[]>;
  rank: string;
}

/** A date qualifier: a date, unknown ("some value", or too coarse to use), or absent. */
type QualifierDate = { date: string } | 'unknown' | undefined;

function qualifierDate(statement: Statement, property: string): QualifierDate {
  const values = statement.qualifiers[property];
  if (!values || values.length === 0) return undefined;
  const first = values[0];
  if (first === SOME_VALUE) return 'unknown';
  if (first === NO_VALUE) return undefined;
  const time = asObject(first) ?? {};
  const date = partialDate(time.time, time.precision);
  return date ? { date } : 'unknown';
}

/** Statements of one property, simplified by wikibase-sdk with qualifiers, ranks and rich values kept. */
function statementsOf(claims: Claims, property: string): Statement[] {
  const own = claims[property as keyof Claims];
  if (!Array.isArray(own)) return [];
  let simplified: unknown;
  try {
    simplified = simplifyClaims({ [property]: own } as Claims, {
      keepQualifiers: true,
      keepRanks: true,
      keepRichValues: true,
      keepNonDeprecated: true,
      timeConverter: 'none',
      somevalueValue: SOME_VALUE,
      novalueValue: NO_VALUE,
    });
  } catch {
    return [];
  }
  const list = (simplified as Record<string, unknown>)[property];
  if (!Array.isArray(list)) return [];
  const statements: Statement[] = [];
  for (const entry of list) {
    const record = asObject(entry);
    if (!record) continue;
    const qualifiers = (asObject(record.qualifiers) ?? {}) as Record<string, unknown[]>;
    statements.push({ value: record.value, qualifiers, rank: String(record.rank ?? 'normal') });
  }
  return statements;
}

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
