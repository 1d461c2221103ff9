import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { deleteFirst } from '../idb/trim-oldest';

/** One page the reader read, and the entities Backstory found on it. */
export interface VisitedPage {
  /** The page's address without query or fragment (or its same-site canonical address). */
  url: string;
  title: string;
  site: string;
  /** Entity ids found on the page. */
  entities: string[];
  /** Milliseconds since the epoch of the latest visit. */
  visitedAt: number;
  /** When the page was first recorded (limits how fast one site can add pages). */
  firstVisitedAt?: number;
}

interface HistorySchema extends DBSchema {
  pages: {
    key: string;
    value: VisitedPage;
    indexes: { entity: string; visitedAt: number; site: string };
  };
}

const DB_NAME = 'backstory-history';
/** Oldest pages are dropped beyond this many: history helps reading, it is not an archive. */
export const MAX_PAGES = 5000;
/** Pages one site may hold: no site can push the others out. */
export const MAX_PAGES_PER_SITE = 250;
/** New pages one site may add in an hour: a page reloading itself mints nothing past this. */
export const NEW_PAGES_PER_SITE_HOUR = 12;
/** Pages of one site shown under "You read about this before": no site takes every slot. */
export const SHOWN_PER_SITE = 2;
const HOUR = 3_600_000;

/**
 * The form an address is stored under: no query string and no fragment, so tokens in a query
 * (`?session=…`) never reach the history, and a page cannot mint records by changing its query.
 * A canonical address the page declares is used instead when it is on the same site.
 * Null for pages that are not web pages.
 */
export function historyKey(url: string, canonical?: string): string | null {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return null;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return null;
  let chosen = page;
  if (canonical) {
    try {
      const declared = new URL(canonical, page);
      if (declared.protocol.startsWith('http') && sameSite(declared.hostname, page.hostname))
        chosen = declared;
    } catch {
      // A broken canonical link: the page's own address will do.
    }
  }
  return `${chosen.origin}${chosen.pathname}`;
}

/** `www.example.com` and `example.com`, or `m.news.example` and `news.example`: one site. */
function sameSite(a: string, b: string): boolean {
  const x = a.replace(/^www\./, '');
  const y = b.replace(/^www\./, '');
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** Why a visit was not recorded (or that it was). */
export type RecordOutcome = 'recorded' | 'updated' | 'no-entities' | 'not-web' | 'site-limit';

/**
 * The reader's reading history, on this device only (IndexedDB in the background's origin).
 * It records which entities each read page mentioned, so a card can say "you read about this
 * before". Bounded per site, in total and per hour, so no site can fill it or flush it.
 */
export class HistoryStore {
  private db: Promise<IDBPDatabase<HistorySchema>> | null = null;

  private readonly limits: { maxPages: number; perSite: number; perSiteHour: number };

  /** Limits default to the constants above; tests make them small (and name their own database). */
  constructor(
    options: { maxPages?: number; perSite?: number; perSiteHour?: number; name?: string } = {},
  ) {
    this.limits = {
      maxPages: options.maxPages ?? MAX_PAGES,
      perSite: options.perSite ?? MAX_PAGES_PER_SITE,
      perSiteHour: options.perSiteHour ?? NEW_PAGES_PER_SITE_HOUR,
    };
    this.name = options.name ?? DB_NAME;
  }

  private readonly name: string;

  private open(): Promise<IDBPDatabase<HistorySchema>> {
    this.db ??= openDB<HistorySchema>(this.name, 2, {
      upgrade(db, oldVersion, _newVersion, tx) {
        const pages =
          oldVersion < 1
            ? db.createObjectStore('pages', { keyPath: 'url' })
            : tx.objectStore('pages');
        if (oldVersion < 1) {
          pages.createIndex('entity', 'entities', { multiEntry: true });
          pages.createIndex('visitedAt', 'visitedAt');
        }
        if (oldVersion < 2) pages.createIndex('site', 'site');
      },
      blocking: () => void this.close(),
    });
    return this.db;
  }

  /** Close the database (tests delete it between cases). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    (await db)?.close();
  }

  /**
   * Record (or refresh) a visit. Entities already recorded for the page are kept. A site that has
   * added its hourly share of new pages gets no more until the hour has passed.
   */
  async record(
    visit: Omit<VisitedPage, 'firstVisitedAt'>,
    canonical?: string,
  ): Promise<RecordOutcome> {
    const url = historyKey(visit.url, canonical);
    if (!url) return 'not-web';
    if (visit.entities.length === 0) return 'no-entities';
    const db = await this.open();
    const tx = db.transaction('pages', 'readwrite');
    const earlier = await tx.store.get(url);
    if (!earlier) {
      const recent = (await tx.store.index('site').getAll(visit.site)).filter(
        (page) => (page.firstVisitedAt ?? page.visitedAt) > visit.visitedAt - HOUR,
      );
      if (recent.length >= this.limits.perSiteHour) {
        await tx.done;
        return 'site-limit';
      }
    }
    const entities = [...new Set([...(earlier?.entities ?? []), ...visit.entities])];
    await tx.store.put({
      ...visit,
      url,
      entities,
      firstVisitedAt: earlier?.firstVisitedAt ?? earlier?.visitedAt ?? visit.visitedAt,
    });
    await tx.done;
    await this.trim(db, visit.site);
    return earlier ? 'updated' : 'recorded';
  }

  /**
   * Pages that mentioned an entity, newest first, at most {@link SHOWN_PER_SITE} per site,
   * leaving out `exceptUrl` (the page being read).
   */
  async pagesMentioning(
    entity: string,
    exceptUrl: string | null,
    limit = 5,
  ): Promise<VisitedPage[]> {
    const db = await this.open();
    const except = exceptUrl ? historyKey(exceptUrl) : null;
    const pages = await db.getAllFromIndex('pages', 'entity', entity);
    const perSite = new Map<string, number>();
    return pages
      .filter((page) => page.url !== except)
      .sort((a, b) => b.visitedAt - a.visitedAt)
      .filter((page) => {
        const shown = perSite.get(page.site) ?? 0;
        perSite.set(page.site, shown + 1);
        return shown < SHOWN_PER_SITE;
      })
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

  /** Forget every page of a site (the reader keeps it out of the history). */
  async forgetSite(site: string): Promise<number> {
    const db = await this.open();
    const tx = db.transaction('pages', 'readwrite');
    const keys = await tx.store.index('site').getAllKeys(site);
    for (const key of keys) void tx.store.delete(key);
    await tx.done;
    return keys.length;
  }

  /** Drop the site's oldest pages beyond its share, then the oldest of all beyond the total. */
  private async trim(db: IDBPDatabase<HistorySchema>, site: string): Promise<void> {
    const ofSite = await db.getAllFromIndex('pages', 'site', site);
    if (ofSite.length > this.limits.perSite) {
      const tx = db.transaction('pages', 'readwrite');
      const oldest = ofSite.sort((a, b) => a.visitedAt - b.visitedAt);
      for (const page of oldest.slice(0, ofSite.length - this.limits.perSite))
        void tx.store.delete(page.url);
      await tx.done;
    }
    const excess = (await db.count('pages')) - this.limits.maxPages;
    if (excess <= 0) return;
    const tx = db.transaction('pages', 'readwrite');
    await deleteFirst(tx.store.index('visitedAt'), excess);
    await tx.done;
  }
}
