import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { deleteFirst } from '../idb/trim-oldest';

/**
 * Answers from live sources, kept on this device so that a name is asked at most once a day: one
 * IndexedDB store of key → value with an expiry. Misses ("no such page") are cached too, since
 * asking again tomorrow is soon enough. Bounded: the oldest entries go first. A damaged entry
 * reads as a miss, never as an error.
 */

interface CacheRecord {
  key: string;
  value: unknown;
  /** Epoch ms after which the value is stale. */
  expires: number;
  /** Epoch ms when stored: the order entries are dropped in. */
  stored: number;
}

interface CacheSchema extends DBSchema {
  entries: { key: string; value: CacheRecord; indexes: { stored: number } };
}

export const DAY_MS = 86_400_000;
/** Enough for every name on a few hundred articles; each entry is a few KB at most. */
export const MAX_ENTRIES = 5000;
const DB_NAME = 'backstory-live-cache';

export interface LiveCacheOptions {
  maxEntries?: number;
  /** Default time to keep an entry. */
  ttlMs?: number;
  now?: () => number;
  /** Database name (tests use their own). */
  name?: string;
}

function isRecord(value: unknown): value is CacheRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.key === 'string' &&
    'value' in record &&
    typeof record.expires === 'number' &&
    Number.isFinite(record.expires) &&
    typeof record.stored === 'number' &&
    Number.isFinite(record.stored)
  );
}

/** How {@link throughCache} reads and keeps a value. */
export interface ThroughOptions<T> {
  valid?: (value: unknown) => value is T;
  keep?: (value: T) => boolean;
  ttlMs?: number;
}

/**
 * The cached value, or `load()`'s when there is none; only values `keep` accepts are stored
 * (errors are not cached, so "offline" does not stick for a day). Concurrent calls for one key
 * share one `load()` (`pending` holds those in flight).
 */
export async function throughCache<T>(
  cache: Pick<AnswerCache, 'get' | 'set'>,
  pending: Map<string, Promise<unknown>>,
  key: string,
  load: () => Promise<T>,
  options: ThroughOptions<T>,
): Promise<T> {
  const cached = await cache.get(key, options.valid);
  if (cached !== undefined) return cached;
  const inFlight = pending.get(key);
  if (inFlight) return inFlight as Promise<T>;
  const loading = (async () => {
    try {
      const value = await load();
      if (options.keep?.(value) ?? true) await cache.set(key, value, options.ttlMs);
      return value;
    } finally {
      pending.delete(key);
    }
  })();
  pending.set(key, loading);
  return loading;
}

/** What the live service needs of a cache (the background's {@link LiveCache}; a map in tools). */
export interface AnswerCache {
  get<T>(key: string, valid?: (value: unknown) => value is T): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  through<T>(key: string, load: () => Promise<T>, options?: ThroughOptions<T>): Promise<T>;
  /** Forget everything. */
  clear(): Promise<void>;
}

/** Key → value with expiry, in IndexedDB. Open lazily; safe to construct in Node. */
export class LiveCache implements AnswerCache {
  private db: Promise<IDBPDatabase<CacheSchema>> | null = null;
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly name: string;
  /** Requests in flight, so two cards asking for one name share one request. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(options: LiveCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? MAX_ENTRIES;
    this.ttlMs = options.ttlMs ?? DAY_MS;
    this.now = options.now ?? Date.now;
    this.name = options.name ?? DB_NAME;
  }

  private open(): Promise<IDBPDatabase<CacheSchema>> {
    this.db ??= openDB<CacheSchema>(this.name, 1, {
      upgrade(db) {
        const store = db.createObjectStore('entries', { keyPath: 'key' });
        store.createIndex('stored', 'stored');
      },
    });
    return this.db;
  }

  /**
   * The fresh value under `key`, or undefined when there is none, it has expired, it is damaged,
   * or `valid` rejects it (a shape from an older version, say).
   */
  async get<T>(key: string, valid?: (value: unknown) => value is T): Promise<T | undefined> {
    try {
      const db = await this.open();
      const record: unknown = await db.get('entries', key);
      if (record === undefined) return undefined;
      if (!isRecord(record) || record.key !== key) {
        // Damaged (or written by something else): drop it so it cannot outlive the size bound.
        await db.delete('entries', key);
        return undefined;
      }
      if (record.expires <= this.now()) return undefined;
      if (valid && !valid(record.value)) return undefined;
      return record.value as T;
    } catch {
      return undefined;
    }
  }

  /** Stores `value` under `key` for `ttlMs` (default: a day), then trims the oldest entries. */
  async set(key: string, value: unknown, ttlMs = this.ttlMs): Promise<void> {
    try {
      const db = await this.open();
      const now = this.now();
      await db.put('entries', { key, value, expires: now + ttlMs, stored: now });
      await this.trim(db);
    } catch {
      // A cache that cannot write only costs a repeated request later.
    }
  }

  /** See {@link throughCache}. */
  through<T>(key: string, load: () => Promise<T>, options: ThroughOptions<T> = {}): Promise<T> {
    return throughCache(this, this.pending, key, load, options);
  }

  async delete(key: string): Promise<void> {
    try {
      await (await this.open()).delete('entries', key);
    } catch {
      // Nothing to undo.
    }
  }

  async count(): Promise<number> {
    return (await this.open()).count('entries');
  }

  /** Forgets everything (the options page's "clear live data"). */
  async clear(): Promise<void> {
    await (await this.open()).clear('entries');
  }

  /** Close the database (tests delete it between cases). */
  async close(): Promise<void> {
    (await this.db)?.close();
    this.db = null;
  }

  private async trim(db: IDBPDatabase<CacheSchema>): Promise<void> {
    const excess = (await db.count('entries')) - this.maxEntries;
    if (excess <= 0) return;
    const tx = db.transaction('entries', 'readwrite');
    await deleteFirst(tx.store.index('stored'), excess);
    await tx.done;
  }
}
