/**
 * Brands, operators, networks and flags' subjects from the npm package name-suggestion-index
 * (BSD-3-Clause): `dist/wikidata/wikidata.json` holds 27,582 Wikidata items with their English
 * label and description, official websites and dissolutions, and `dist/json/nsi.json` says which
 * tag names each item (`brand:wikidata`, `operator:wikidata`, `network:wikidata`,
 * `subject:wikidata` of a flag…); with the description's head words that gives the kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbItem } from '../kb/item';
import { addClaim, addDescription, addLabel, ItemMap, kbDate, qidOf } from './build-item';
import { packageDir } from './data-dir';
import { kindOfClassName } from './kinds';
import { SOURCES } from './registry';

/** One item of wikidata.json. */
export interface NsiWikidataItem {
  label?: string;
  description?: string;
  officialWebsites?: string[];
  dissolutions?: { date?: string }[];
}

/** The part of nsi.json read here: per category, items with their OpenStreetMap tags. */
export interface NsiCategories {
  [category: string]: { items: { tags: Record<string, string> }[] };
}

/** Which tags name each item: `flag:wikidata` → `flag`. */
export function nsiRoles(categories: NsiCategories): Map<string, Set<string>> {
  const roles = new Map<string, Set<string>>();
  for (const { items } of Object.values(categories))
    for (const { tags } of items)
      for (const [tag, value] of Object.entries(tags)) {
        const role = /^(\w+):wikidata$/.exec(tag)?.[1];
        const qid = qidOf(value);
        if (!role || !qid) continue;
        const set = roles.get(qid) ?? new Set<string>();
        set.add(role);
        roles.set(qid, set);
      }
  return roles;
}

/**
 * The description's words first ("former province of Italy", "fast food restaurant chain"), then
 * the roles: what only flags are about is mostly a country or region, a flag a topic.
 */
function kindOf(roles: Set<string> | undefined, description: string): KbItem['kindHint'] {
  const said = kindOfClassName(description);
  if (said === 'place' || said === 'organisation') return said;
  const only = roles?.size === 1 ? [...roles][0] : undefined;
  if (only === 'subject') return 'place';
  if (only === 'flag') return 'topic';
  return 'organisation';
}

/** KbItems of the index's Wikidata items. */
export function nsiItemsOf(
  wikidata: Record<string, NsiWikidataItem>,
  categories: NsiCategories,
): KbItem[] {
  const roles = nsiRoles(categories);
  const items = new ItemMap(SOURCES.nameSuggestionIndex.id);
  for (const [id, entry] of Object.entries(wikidata)) {
    const qid = qidOf(id);
    if (!qid) continue;
    const item = items.get(qid);
    addLabel(item, 'en', entry.label);
    addDescription(item, 'en', entry.description);
    item.kindHint = kindOf(roles.get(qid), entry.description ?? '');
    addClaim(item, 'P856', { value: entry.officialWebsites?.[0] ?? '' });
    for (const dissolution of entry.dissolutions ?? [])
      addClaim(item, 'P576', { value: kbDate(dissolution.date) });
  }
  return items.values();
}

/** KbItems of name-suggestion-index, read from the installed package. */
export function nsiItems(): KbItem[] {
  const dir = packageDir('name-suggestion-index');
  const read = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));
  const wikidata = read('dist/wikidata/wikidata.json') as {
    wikidata: Record<string, NsiWikidataItem>;
  };
  const nsi = read('dist/json/nsi.json') as { nsi: NsiCategories };
  return nsiItemsOf(wikidata.wikidata, nsi.nsi);
}
