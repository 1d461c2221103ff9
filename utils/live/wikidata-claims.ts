import { type Claims, simplifyClaims } from 'wikibase-sdk';
import { asObject } from './http';

/**
 * Reading Wikidata statements: wikibase-sdk's simplified claims with qualifiers, ranks and rich
 * values kept, and Wikidata's dates as the pack's partial dates.
 */

/** Stands in for "some value" (known to exist, not known what): an end time like that means "ended, date unknown". */
export const SOME_VALUE = '\u0000somevalue';
export const NO_VALUE = '\u0000novalue';
export const QID = /^Q[1-9]\d*$/;

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
export interface Statement {
  value: unknown;
  qualifiers: Record<string, unknown[]>;
  rank: string;
}

/** A date qualifier: a date, unknown ("some value", or too coarse to use), or absent. */
export type QualifierDate = { date: string } | 'unknown' | undefined;

export function qualifierDate(statement: Statement, property: string): QualifierDate {
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
export function statementsOf(claims: Claims, property: string): Statement[] {
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
