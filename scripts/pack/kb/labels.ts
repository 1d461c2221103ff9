/**
 * The label table: English names of the items that facts and descriptions name (a country, an
 * office, a party), and the ISO 3166-1 code of each country by its Q-id, which countries' own items
 * give in P297.
 *
 * It holds the kept items, plus the referenced items the dump reader met that are not entities
 * themselves (offices and occupations, `reference` in `classes.ts`; countries' P297 codes), plus,
 * when the dump is a file, what a second pass finds for ids still missing. Memory: one entry per
 * item, ~100 bytes (the id, a name of ~20 characters, the map's own cost): 300,000 kept items and
 * as many offices come to ~60 MB.
 *
 * It starts with the countries and territories the pack already knows (ISO code → Q-id from
 * `breadth/country-qids.json`, the names the breadth countries show, from world-countries), so
 * that a build without the dump still names countries.
 */
import { countryName } from '../breadth/country-codes';
import { loadLocalJson } from '../breadth/data';
import { KEPT_LANGUAGES } from './dump';
import type { KbItem } from './item';

/** The name an item goes by on an English card: its English label, else the first kept language's. */
export function displayLabel(item: Pick<KbItem, 'labels'>): string | undefined {
  if (item.labels.en) return item.labels.en;
  for (const lang of KEPT_LANGUAGES) {
    const label = item.labels[lang];
    if (label) return label;
  }
  return Object.values(item.labels)[0];
}

/** Names and country codes by Q-id. */
export class LabelTable {
  private readonly names = new Map<string, string>();
  private readonly codes = new Map<string, string>();
  /** Ids whose name was set from the country table: the names news uses, kept over labels. */
  private readonly pinned = new Set<string>();

  /** Record an item's display name and, for a country, its ISO code (P297). */
  add(item: KbItem): void {
    const name = displayLabel(item);
    if (name && !this.pinned.has(item.id)) this.names.set(item.id, name);
    const code = item.claims.P297?.find((statement) => typeof statement.value === 'string')?.value;
    if (typeof code === 'string' && /^[A-Z]{2}$/.test(code)) this.codes.set(item.id, code);
  }

  /** Record a name for an id (a name already there stays). */
  setName(id: string, name: string): void {
    if (!this.names.has(id)) this.names.set(id, name);
  }

  /** Record a country's ISO code. */
  setCode(id: string, code: string): void {
    this.codes.set(id, code);
  }

  name(id: string): string | undefined {
    return this.names.get(id);
  }

  /** ISO 3166-1 alpha-2 code of a country or territory by Q-id. */
  code(id: string): string | undefined {
    return this.codes.get(id);
  }

  has(id: string): boolean {
    return this.names.has(id);
  }

  get size(): number {
    return this.names.size;
  }

  /** A table seeded with the countries and territories the pack knows. */
  static withCountries(): LabelTable {
    const table = new LabelTable();
    const qids = loadLocalJson<{ qids: Record<string, string> }>('country-qids.json').qids;
    for (const [code, qid] of Object.entries(qids)) {
      table.setCode(qid, code);
      const name = countryName(code);
      if (name === code) continue;
      table.setName(qid, name);
      table.pinned.add(qid);
    }
    return table;
  }
}
