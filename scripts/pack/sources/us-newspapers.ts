/**
 * US newspapers with English Wikipedia articles, `hearvox+wiki-media-cred/data/wikipedia-us-newspapers.tsv`
 * (CC0): title, state, page id, path, Wikidata id (for most). P31 newspaper, P17 United States;
 * the state is kept as a name in the description, since the file gives no id for it. Newspapers
 * without an id get a `bs:newspaper-…` slug.
 */
import type { KbItem } from '../kb/item';
import { addClaim, addDescription, addLabel, ItemMap, qidOf, slug } from './build-item';
import { readText } from './data-dir';
import { parseTsv } from './parse';
import { SOURCES } from './registry';

export const US_NEWSPAPERS_FILE = 'hearvox+wiki-media-cred/data/wikipedia-us-newspapers.tsv';

const NEWSPAPER = 'Q11032';
const UNITED_STATES = 'Q30';

/** "The Dispatch (Lexington)" → "The Dispatch": the article title without its disambiguation. */
export function withoutDisambiguation(title: string): string {
  return title.replace(/\s*\([^)]*\)$/, '').trim() || title;
}

/** KbItems of the TSV's rows. */
export function usNewspaperItemsOf(rows: Record<string, string>[]): KbItem[] {
  const items = new ItemMap(SOURCES.usNewspapers.id);
  for (const row of rows) {
    const title = row['WP-title']?.trim();
    if (!title) continue;
    const state = row.state?.trim() ?? '';
    const item = items.get(qidOf(row.qid) ?? `bs:newspaper-${slug(`${title} ${state}`)}`);
    addLabel(item, 'en', withoutDisambiguation(title));
    // Titles without a page id have no article: they are names in a list.
    if (row.pageid?.trim()) item.wikipedia = { en: title };
    addDescription(item, 'en', state ? `newspaper in ${state}, United States` : 'US newspaper');
    item.kindHint = 'organisation';
    addClaim(item, 'P31', { value: NEWSPAPER });
    addClaim(item, 'P17', { value: UNITED_STATES });
  }
  return items.values();
}

/** KbItems of the US newspapers. */
export function usNewspaperItems(dir: string): KbItem[] {
  return usNewspaperItemsOf(parseTsv(readText(dir, US_NEWSPAPERS_FILE)));
}
