/**
 * wikitrivia's Wikidata query results (`tom-james-watson+wikitrivia/content/queries/<name>/rows.json`:
 * item, English label, year, sitelinks, sometimes a description) and its card decks
 * (`public/decks/*.json`: id, a sentence title, a subtitle, the English Wikipedia article's slug
 * and its page views). One item per id: the label and description from the query rows, the
 * query's meaning as P31, kind and a dated statement (`wikitrivia-queries.ts`), the highest
 * sitelinks count, and from the decks the Wikipedia title, page views and, where the rows gave no
 * description, the deck's subtitle.
 */
import type { KbItem } from '../kb/item';
import { addClaim, addDescription, addLabel, ItemMap, kbDate, qidOf } from './build-item';
import { listData, readJsonFile } from './data-dir';
import { SOURCES } from './registry';
import { DEATH_OCCUPATIONS, OFFICE_POSITIONS, QUERIES } from './wikitrivia-queries';

export const WIKITRIVIA_QUERIES = 'tom-james-watson+wikitrivia/content/queries';
export const WIKITRIVIA_DECKS = 'tom-james-watson+wikitrivia/public/decks';

/** One query-service row (only the fields read here). */
export interface TriviaRow {
  item: string;
  itemLabel?: string;
  year?: string;
  sitelinks?: string;
  description?: string;
  positionLabel?: string;
  award?: string;
}

/** One deck card. */
export interface TriviaCard {
  qid: string;
  subtitle?: string | null;
  wikipediaSlug?: string;
  pageViews?: number;
}

/** Apply what a query says about its rows' items; returns false for a query not known here. */
function applyQuery(item: KbItem, query: string, row: TriviaRow): boolean {
  const year = kbDate(row.year);
  if (query.endsWith('-taking-office')) {
    item.kindHint = 'person';
    addClaim(item, 'P31', { value: 'Q5' });
    const position = OFFICE_POSITIONS[query] ?? row.positionLabel;
    if (position) addClaim(item, 'P39', { value: position, from: year });
    return true;
  }
  const death = /^famous-(.+)-death-year$/.exec(query)?.[1];
  if (death) {
    item.kindHint = 'person';
    addClaim(item, 'P31', { value: 'Q5' });
    addClaim(item, 'P570', { value: year });
    addClaim(item, 'P106', { value: DEATH_OCCUPATIONS[death] ?? '' });
    return true;
  }
  if (query === 'nobel-laureates-award-year') {
    item.kindHint = 'person';
    addClaim(item, 'P31', { value: 'Q5' });
    addClaim(item, 'P166', { value: qidOf(row.award) ?? '', at: year });
    return true;
  }
  const meaning = QUERIES[query];
  if (!meaning) return false;
  item.kindHint ??= meaning.kind;
  addClaim(item, 'P31', { value: meaning.instanceOf });
  addClaim(item, meaning.date, { value: year });
  return true;
}

/** A Wikipedia slug as a title: `McDonald%27s` → `McDonald's`, underscores as spaces. */
export function slugTitle(slug: string): string {
  let title = slug;
  try {
    title = decodeURIComponent(slug);
  } catch {
    // A stray % in a title: keep it as written.
  }
  return title.replaceAll('_', ' ');
}

/** Queries whose name this adapter does not know (their rows still give labels and sitelinks). */
export const unknownQueries = new Set<string>();

/** KbItems of query rows (by query name) and deck cards. */
export function wikitriviaItemsOf(
  queries: [name: string, rows: TriviaRow[]][],
  cards: TriviaCard[],
): KbItem[] {
  const items = new ItemMap(SOURCES.wikitrivia.id);
  for (const [query, rows] of queries) {
    for (const row of rows) {
      const qid = qidOf(row.item);
      if (!qid) continue;
      const item = items.get(qid);
      // A label the query service could not find comes back as the id itself.
      if (row.itemLabel && !qidOf(row.itemLabel)) addLabel(item, 'en', row.itemLabel);
      addDescription(item, 'en', row.description);
      const sitelinks = Number(row.sitelinks);
      if (sitelinks > (item.sitelinks ?? 0)) item.sitelinks = sitelinks;
      if (!applyQuery(item, query, row)) unknownQueries.add(query);
    }
  }
  for (const card of cards) {
    const qid = qidOf(card.qid);
    if (!qid) continue;
    const item = items.get(qid);
    if (card.wikipediaSlug) item.wikipedia = { en: slugTitle(card.wikipediaSlug) };
    if (card.pageViews && card.pageViews > (item.pageViews ?? 0)) item.pageViews = card.pageViews;
    addDescription(item, 'en', card.subtitle);
  }
  return items.values();
}

/** KbItems of wikitrivia's query results and decks. */
export function wikitriviaItems(dir: string): KbItem[] {
  const queries = listData(dir, WIKITRIVIA_QUERIES, 'rows.json', true).map(
    (file): [string, TriviaRow[]] => [
      file.split('/').at(-2) ?? '',
      readJsonFile<TriviaRow[]>(dir, file),
    ],
  );
  const cards = listData(dir, WIKITRIVIA_DECKS, '.json')
    .filter((file) => !file.endsWith('/index.json'))
    .flatMap((file) => readJsonFile<TriviaCard[]>(dir, file));
  return wikitriviaItemsOf(queries, cards);
}
