/**
 * International organisations with Wikidata ids: `confirmordeny+supraverden/data/general_list.yaml`
 * (CC BY-SA 4.0). Only names, abbreviations, type, founding year and headquarters are taken:
 * facts, not the compilation's prose or assessments, so the share-alike terms are met by naming
 * Supraverden and its licence wherever its names are used.
 *
 * Read two ways: as records for the breadth generator (`breadth/organisations.ts`), and as
 * KbItems — labels in English and the other languages Supraverden gives, abbreviations and other
 * names as aliases, P571 founding year.
 */
import { parse } from 'yaml';
import type { KbItem } from '../kb/item';
import { addAlias, addClaim, addLabel, ItemMap, kbDate } from './build-item';
import { readText } from './data-dir';
import { SOURCES } from './registry';

export const ORGANISATIONS_FILE = 'confirmordeny+supraverden/data/general_list.yaml';

/** Languages whose names are kept (English plus the pack's main languages). */
const LANGUAGES = ['ar', 'fr', 'es', 'de', 'ru', 'zh', 'tr', 'fa', 'he'] as const;

/** One organisation. */
export interface OrganisationRecord {
  qid: string;
  name: string;
  abbr?: string[];
  other?: string[];
  names?: Record<string, string>;
  type: string;
  family: string;
  founded: string;
  hq: string;
}

type Raw = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Values of the fields whose names match, in the order the entry lists them. */
function fields(raw: Raw, pattern: RegExp): string[] {
  return Object.keys(raw)
    .filter((field) => pattern.test(field))
    .map((field) => text(raw[field]))
    .filter(Boolean);
}

/** The entries with a Wikidata id. */
export function readOrganisationRecords(dir: string): OrganisationRecord[] {
  return organisationRecords(readText(dir, ORGANISATIONS_FILE));
}

/** {@link readOrganisationRecords} on the YAML text. */
export function organisationRecords(yamlText: string): OrganisationRecord[] {
  const data = parse(yamlText) as Record<string, Raw>;
  const out: OrganisationRecord[] = [];
  for (const [key, raw] of Object.entries(data)) {
    const qid = text(raw.Wikidata_code);
    if (!/^Q\d+$/.test(qid)) continue;
    const names: Record<string, string> = {};
    for (const lang of LANGUAGES)
      if (text(raw[`Name_${lang}`])) names[lang] = text(raw[`Name_${lang}`]);
    const other = fields(raw, /^Name_other(_\d+)?_en$/);
    const abbreviations = fields(raw, /^Abbreviation(_\d+)?_en$/);
    out.push({
      qid,
      name: text(raw.Name_en) || key,
      ...(abbreviations.length ? { abbr: abbreviations } : {}),
      ...(other.length ? { other } : {}),
      ...(Object.keys(names).length ? { names } : {}),
      type: text(raw.Type) || text(raw.Entity_type),
      family: text(raw.Org_family),
      founded: text(raw.Year_established),
      hq: text(raw.Headquarters),
    });
  }
  return out;
}

/** KbItems of the organisations. */
export function organisationItems(dir: string): KbItem[] {
  return organisationItemsOf(readOrganisationRecords(dir));
}

/** {@link organisationItems} on records already read. */
export function organisationItemsOf(records: OrganisationRecord[]): KbItem[] {
  const items = new ItemMap(SOURCES.supraverden.id);
  for (const record of records) {
    const item = items.get(record.qid as KbItem['id']);
    addLabel(item, 'en', record.name);
    for (const name of [...(record.abbr ?? []), ...(record.other ?? [])])
      addAlias(item, 'en', name);
    for (const [lang, name] of Object.entries(record.names ?? {})) addLabel(item, lang, name);
    item.kindHint = 'organisation';
    addClaim(item, 'P571', { value: kbDate(record.founded) });
  }
  return items.values();
}
