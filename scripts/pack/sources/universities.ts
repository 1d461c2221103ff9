/**
 * Universities of the world, `Hipo+university-domains-list/world_universities_and_domains.json`
 * (MIT): name, country and its ISO code, web domains and pages. No ids: each university is a
 * `bs:university-<cc>-<name>` item with P31 university, P17 country and P856 its first web page.
 */
import { countryQidOf } from '../breadth/country-codes';
import type { KbItem } from '../kb/item';
import { addClaim, addLabel, ItemMap, slug } from './build-item';
import { readJsonFile } from './data-dir';
import { SOURCES } from './registry';

export const UNIVERSITIES_FILE = 'Hipo+university-domains-list/world_universities_and_domains.json';

/** One university as the list gives it. */
export interface UniversityRecord {
  name: string;
  country?: string;
  alpha_two_code?: string;
  web_pages?: string[];
}

const UNIVERSITY = 'Q3918';

/** KbItems of the list. */
export function universityItemsOf(records: UniversityRecord[]): KbItem[] {
  const items = new ItemMap(SOURCES.universities.id);
  for (const record of records) {
    const name = record.name?.trim();
    if (!name) continue;
    const cc = record.alpha_two_code?.toUpperCase() ?? '';
    const item = items.get(`bs:university-${cc.toLowerCase()}-${slug(name)}`);
    addLabel(item, 'en', name);
    item.kindHint = 'organisation';
    addClaim(item, 'P31', { value: UNIVERSITY });
    addClaim(item, 'P17', { value: countryQidOf(cc) ?? '' });
    addClaim(item, 'P856', { value: record.web_pages?.[0] ?? '' });
  }
  return items.values();
}

/** KbItems of the universities. */
export function universityItems(dir: string): KbItem[] {
  return universityItemsOf(readJsonFile<UniversityRecord[]>(dir, UNIVERSITIES_FILE));
}
