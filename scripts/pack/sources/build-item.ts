/**
 * Small helpers the adapters share to fill in a `KbItem`: a label that does not overwrite an
 * earlier one (a second spelling becomes an alias), aliases without repeats, statements without
 * repeats, and a map that gathers what several rows of one source say about one item.
 */
import { isQid, type KbItem, type KbStatement, newItem, type Qid } from '../kb/item';

/** Set the label in a language; when one is already there, a different text becomes an alias. */
export function addLabel(item: KbItem, lang: string, text: string | undefined | null): void {
  const clean = text?.trim();
  if (!clean) return;
  const label = item.labels[lang];
  if (label === undefined) item.labels[lang] = clean;
  else if (label !== clean) addAlias(item, lang, clean);
}

/** Add another name in a language, unless it is the label or already an alias. */
export function addAlias(item: KbItem, lang: string, text: string | undefined | null): void {
  const clean = text?.trim();
  if (!clean || item.labels[lang] === clean) return;
  const list = item.aliases[lang] ?? [];
  if (!list.includes(clean)) item.aliases[lang] = [...list, clean];
}

/** Set the description in a language unless one is there. */
export function addDescription(item: KbItem, lang: string, text: string | undefined | null): void {
  const clean = text?.trim();
  if (clean && item.descriptions[lang] === undefined) item.descriptions[lang] = clean;
}

/** Add a statement unless the same one is there; empty values are skipped. */
export function addClaim(item: KbItem, property: string, statement: KbStatement): void {
  if (
    statement.value === '' ||
    (typeof statement.value === 'number' && !Number.isFinite(statement.value))
  )
    return;
  const clean = Object.fromEntries(
    Object.entries(statement).filter(([, value]) => value !== undefined && value !== ''),
  ) as unknown as KbStatement;
  const list = item.claims[property] ?? [];
  const key = JSON.stringify(clean);
  if (!list.some((other) => JSON.stringify(other) === key))
    item.claims[property] = [...list, clean];
}

/** `http://www.wikidata.org/entity/Q42` (or `Q42`) → `Q42`; undefined for anything else. */
export function qidOf(value: string | undefined | null): Qid | undefined {
  const id = value?.trim().replace(/^.*\//, '');
  return isQid(id) ? id : undefined;
}

/** A name as plain words: lower case, accents dropped, runs of other characters as one space. */
export function plainWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A slug for `bs:` ids: {@link plainWords} joined by dashes. */
export function slug(text: string): string {
  return plainWords(text).replaceAll(' ', '-');
}

/** A year or date as a `KbDate`: `1886`, `-479`, `2009-10-30`; empty for anything else. */
export function kbDate(value: string | number | undefined | null): string {
  const text = String(value ?? '').trim();
  const day = /^-?\d{1,4}(-\d\d(-\d\d)?)?/.exec(text)?.[0] ?? '';
  return day.replace(/-00(-00)?$/, '');
}

/**
 * The items of one source, gathered by id: each row adds to the item it names, so a source that
 * mentions an item in several rows yields it once.
 */
export class ItemMap {
  readonly items = new Map<string, KbItem>();
  constructor(readonly source: string) {}

  /** The item with this id, made empty on first use. */
  get(id: KbItem['id']): KbItem {
    let item = this.items.get(id);
    if (!item) {
      item = newItem(id, this.source);
      this.items.set(id, item);
    }
    return item;
  }

  /** Every item, in the order first seen. */
  values(): KbItem[] {
    return [...this.items.values()];
  }
}
