import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One page the reader read, and the entities Backstory found on it. */
export interface VisitedPage {
  /** The page's address without fragment or tracking parameters: one record per article. */
  url: string;
  title: string;
  site: string;
  /** Entity ids found on the page. */
  entities: string[];
  /** Milliseconds since the epoch of the latest visit. */
  visitedAt: number;
}

interface HistorySchema extends DBSchema {
  pages: {
    key: string;
    value: VisitedPage;
    indexes: { entity: string; visitedAt: number };
  };
}

const DB_NAME = 'backstory-history';
/** Oldest pages are dropped beyond this many: history helps reading, it is not an archive. */
export const MAX_PAGES = 5000;
const TRACKING = /^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$|cmpid$)/;

/** The form a URL is stored under: no fragment, no tracking parameters. Null for non-web pages. */
export function historyKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    parsed.hash = '';
    for (const name of [...parsed.searchParams.keys()])
      if (TRACKING.test(name)) parsed.searchParams.delete(name);
    return parsed.toString();
  } catch {
    return null;
  }
}

/**
 * The reader's reading history, on this device only (IndexedDB in the background's origin).
 * It records which entities each read page mentioned, so a card can say "you read about this before".
 */
export class HistoryStore {
  private db: Promise<IDBPDatabase<HistorySchema>> | null = null;

  constructor(private readonly maxPages = MAX_PAGES) {}

  private open(): Promise<IDBPDatabase<HistorySchema>> {
    this.db ??= openDB<HistorySchema>(DB_NAME, 1, {
      upgrade(db) {
        const pages = db.createObjectStore('pages', { keyPath: 'url' });
        pages.createIndex('entity', 'entities', { multiEntry: true });
        pages.createIndex('visitedAt', 'visitedAt');
      },
    });
    return this.db;
  }

  /** Close the database (tests delete it between cases). */
  async close(): Promise<void> {
    (await this.db)?.close();
    this.db = null;
  }

  /** Record (or refresh) a visit. Entities already recorded for the page are kept. */
  async record(visit: Omit<VisitedPage, 'url'> & { url: string }): Promise<void> {
    const url = historyKey(visit.url);
    if (!url || visit.entities.length === 0) return;
    const db = await this.open();
    const tx = db.transaction('pages', 'readwrite');
    const earlier = await tx.store.get(url);
    const entities = [...new Set([...(earlier?.entities ?? []), ...visit.entities])];
    await tx.store.put({ ...visit, url, entities });
    await tx.done;
    await this.trim(db);
  }

  /** Pages that mentioned an entity, newest first, leaving out `exceptUrl` (the page being read). */
  async pagesMentioning(
    entity: string,
    exceptUrl: string | null,
    limit = 5,
  ): Promise<VisitedPage[]> {
    const db = await this.open();
    const except = exceptUrl ? historyKey(exceptUrl) : null;
    const pages = await db.getAllFromIndex('pages', 'entity', entity);
    return pages
      .filter((page) => page.url !== except)
      .sort((a, b) => b.visitedAt - a.visitedAt)
      .slice(0, limit);
  }

  /** All pages, newest first (the options page's history view). */
  async list(limit = 200): Promise<VisitedPage[]> {
    const db = await this.open();
    const out: VisitedPage[] = [];
    let cursor = await db.transaction('pages').store.index('visitedAt').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  async count(): Promise<number> {
    return (await this.open()).count('pages');
  }

  async clear(): Promise<void> {
    await (await this.open()).clear('pages');
  }

  private async trim(db: IDBPDatabase<HistorySchema>): Promise<void> {
    const excess = (await db.count('pages')) - this.maxPages;
    if (excess <= 0) return;
    const tx = db.transaction('pages', 'readwrite');
    let cursor = await tx.store.index('visitedAt').openCursor();
    for (let removed = 0; cursor && removed < excess; removed++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }
}
