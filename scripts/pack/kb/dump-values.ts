/**
 * Wikidata's JSON values (the `datavalue` of a snak) as the knowledge base keeps them: an item id,
 * a string, a number, a date at the precision Wikidata gives, or a point on Earth.
 */
import type { KbDate, KbPoint } from './item';

/** A snak of the dump's JSON: the main value of a statement, or one of its qualifiers. */
export interface DumpSnak {
  snaktype?: string;
  property?: string;
  datavalue?: { type?: string; value?: unknown };
}

/** Wikidata's globe item for Earth: coordinates on the Moon or Mars are not places in the news. */
const EARTH = 'http://www.wikidata.org/entity/Q2';

/** Wikidata time precisions: 9 year, 10 month, 11 day (lower ones are decades, centuries…). */
const YEAR = 9;
const MONTH = 10;
const DAY = 11;

/**
 * A Wikidata time as a partial date: `+1939-11-08T00:00:00Z` at day precision → `1939-11-08`, at
 * year precision → `1939`; `-0044-03-15…` → `-0044-03-15`. Decades, centuries and years beyond
 * four digits give undefined: a card had rather show no date than a made-up one. Julian-calendar
 * dates (Wikidata's calendar model Q1985786, used before 1582) are kept as written.
 */
export function wikidataDate(value: unknown): KbDate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { time, precision } = value as { time?: unknown; precision?: unknown };
  if (typeof time !== 'string' || typeof precision !== 'number' || precision < YEAR) {
    return undefined;
  }
  const match = /^([+-])(\d+)-(\d\d)-(\d\d)T/.exec(time);
  if (!match) return undefined;
  const [, sign, digits = '', month = '00', day = '00'] = match;
  const year = Number(digits);
  if (!Number.isFinite(year) || year > 9999 || year === 0) return undefined;
  const yearText = `${sign === '-' ? '-' : ''}${String(year).padStart(4, '0')}`;
  if (precision < MONTH || month === '00') return yearText;
  if (precision < DAY || day === '00') return `${yearText}-${month}`;
  return `${yearText}-${month}-${day}`;
}

/** A statement's main value: an item id, a string or monolingual text, or a quantity. */
export function snakValue(snak: DumpSnak | undefined): string | number | undefined {
  if (snak?.snaktype !== 'value') return undefined;
  const data = snak.datavalue;
  const value = data?.value;
  switch (data?.type) {
    case 'wikibase-entityid': {
      const id = (value as { id?: unknown } | undefined)?.id;
      return typeof id === 'string' ? id : undefined;
    }
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'monolingualtext': {
      const text = (value as { text?: unknown } | undefined)?.text;
      return typeof text === 'string' ? text : undefined;
    }
    case 'quantity': {
      const amount = Number((value as { amount?: unknown } | undefined)?.amount);
      return Number.isFinite(amount) ? amount : undefined;
    }
    case 'time':
      return wikidataDate(value);
    default:
      return undefined;
  }
}

/** A P625 value as a point on Earth, or undefined for other globes and broken values. */
export function snakPoint(snak: DumpSnak | undefined): KbPoint | undefined {
  if (snak?.snaktype !== 'value' || snak.datavalue?.type !== 'globecoordinate') return undefined;
  const { latitude, longitude, globe } = (snak.datavalue.value ?? {}) as {
    latitude?: unknown;
    longitude?: unknown;
    globe?: unknown;
  };
  if (globe !== undefined && globe !== EARTH) return undefined;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { lat: latitude, lon: longitude };
}
