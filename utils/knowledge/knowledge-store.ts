import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { DistManifest } from './dist/manifest';
import type { Entity } from './schema';

/**
 * Where a pack came from, which also sets its precedence: the built-in pack (read from the
 * extension package, never stored), subscriptions, files the reader imported, then the reader's
 * own entities. Later layers refine earlier ones.
 */
export type PackOrigin = 'subscription' | 'import' | 'user';

const ORIGIN_RANK: Record<PackOrigin, number> = { subscription: 0, import: 1, user: 2 };

/** What a subscription needs to stay current (see `subscriptions.ts`). */
export interface SubscriptionState {
  /** The manifest's address. */
  url: string;
  /** The publisher's Ed25519 key (raw, base64), pinned when the reader subscribed. */
  key: string;
  /** The key's fingerprint, as the reader compares it with the publisher's (see `fingerprintOf`). */
  fingerprint?: string;
  /** The `ETag` and `Last-Modified` of the manifest last fetched, for conditional requests. */
  etag?: string;
  lastModified?: string;
  /** When it was last checked, and when it is due next (ms since 1970). */
  checkedAt?: number;
  dueAt?: number;
  /** When its files last changed (subscribed, or updated). */
  updatedAt?: number;
  /** The last check's outcome: '' when it went well, else what went wrong, in words. */
  problem?: string;
  /** Failed checks in a row (the retry backs off with each). */
  failures?: number;
}

/** A stored pack: its manifest and where its files are. */
export interface StoredLayer {
  id: string;
  origin: PackOrigin;
  manifest: DistManifest;
  /** Which generation of files is current (an update writes the next one, then switches). */
  generation: number;
  /** When it was first stored: imports merge in this order. */
  storedAt: number;
  subscription?: SubscriptionState;
}

/** A capital city's position, for locator maps (worked out when a pack is built). */
export interface CapitalPoint {
  lat: number;
  lon: number;
  name: string;
}

interface KnowledgeSchema extends DBSchema {
  layers: { key: string; value: StoredLayer };
  /** Files by (pack, generation, name). */
  files: { key: [string, number, string]; value: Uint8Array };
  /** Pack files waiting to be imported: the options page stores the file, the background reads it. */
  staging: { key: string; value: Blob };
  /** Version 1's stores, read once to move the reader's packs over (see `legacyPacks`). */
  packs: { key: string; value: LegacyPack };
  entities: { key: [string, number]; value: { pack: string; shard: number; entities: Entity[] } };
}

/** A pack as version 1 stored it: its entities in shards of their own. */
export interface LegacyPack {
  id: string;
  name: string;
  version: string;
  description?: string;
  layer: 'default' | 'imported' | 'user';
  storedAt: number;
}

const DB_NAME = 'backstory-knowledge';
const DB_VERSION = 2;

/** The order packs merge in: subscriptions, then imports oldest first, then the reader's own. */
export function byPrecedence(a: StoredLayer, b: StoredLayer): number {
  return ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin] || a.storedAt - b.storedAt;
}

/**
 * The reader's packs in IndexedDB, in the extension's own origin: each pack's manifest and its
 * binary files (matcher pieces and entity shards, as they ship). The built-in pack is not here:
 * it is read in place from the extension package. A pack is replaced atomically: the new files
 * are written under the next generation, then one transaction points the pack at them, then the
 * old ones go.
 */
export class KnowledgeStore {
  private db: Promise<IDBPDatabase<KnowledgeSchema>> | null = null;

  constructor(private readonly name = DB_NAME) {}

  private open(): Promise<IDBPDatabase<KnowledgeSchema>> {
    this.db ??= openDB<KnowledgeSchema>(this.name, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) db.createObjectStore('staging');
        // Version 1's compiled matcher is rebuilt per pack now; its packs and entities stay until
        // the reader's packs have been moved (see `legacyPacks`).
        if (db.objectStoreNames.contains('matcher' as never))
          db.deleteObjectStore('matcher' as never);
        if (oldVersion < 2) {
          db.createObjectStore('layers', { keyPath: 'id' });
          db.createObjectStore('files');
        }
      },
      // Another context upgrading the database: let it, and reopen on next use.
      blocking: () => this.close(),
    });
    return this.db;
  }

  /** Close the connection (tests delete the database between cases). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    (await db)?.close();
  }

  /** Every stored pack, in merge order. */
  async layers(): Promise<StoredLayer[]> {
    return (await (await this.open()).getAll('layers')).sort(byPrecedence);
  }

  async layer(id: string): Promise<StoredLayer | null> {
    return (await (await this.open()).get('layers', id)) ?? null;
  }

  /** One file of a stored pack's current generation. */
  async file(layer: StoredLayer, name: string): Promise<Uint8Array> {
    const bytes = await (await this.open()).get('files', [layer.id, layer.generation, name]);
    if (!bytes) throw new Error(`Pack ${layer.id} lacks ${name}; remove it and add it again`);
    return bytes;
  }

  /**
   * Store a pack's files as its next generation and make them current in one step; the previous
   * generation's files are deleted after. `keep` lists files of the current generation to carry
   * over unchanged (an update that changed only some shards).
   */
  async putLayer(
    record: Omit<StoredLayer, 'generation'>,
    files: ReadonlyMap<string, Uint8Array>,
    keep: readonly string[] = [],
  ): Promise<StoredLayer> {
    const db = await this.open();
    const previous = await db.get('layers', record.id);
    const generation = (previous?.generation ?? 0) + 1;
    for (const name of keep) {
      if (!previous) break;
      const bytes = await db.get('files', [record.id, previous.generation, name]);
      if (!bytes) throw new Error(`Pack ${record.id} lacks ${name}`);
      await db.put('files', bytes, [record.id, generation, name]);
    }
    // Written in small transactions: a large pack commits in steps, not one huge write.
    const entries = [...files];
    for (let i = 0; i < entries.length; i += 8) {
      const tx = db.transaction('files', 'readwrite');
      for (const [name, bytes] of entries.slice(i, i + 8))
        void tx.store.put(bytes, [record.id, generation, name]);
      await tx.done;
    }
    const stored: StoredLayer = { ...record, generation };
    await db.put('layers', stored);
    if (previous) await this.deleteFiles(db, record.id, previous.generation);
    return stored;
  }

  /** Change a stored pack's record (a subscription's state) without touching its files. */
  async updateLayer(
    id: string,
    change: (layer: StoredLayer) => StoredLayer,
  ): Promise<StoredLayer | null> {
    const db = await this.open();
    const tx = db.transaction('layers', 'readwrite');
    const layer = await tx.store.get(id);
    if (!layer) {
      await tx.done;
      return null;
    }
    const changed = change(layer);
    await tx.store.put(changed);
    await tx.done;
    return changed;
  }

  /** Remove a pack and its files; false when there was none. */
  async removeLayer(id: string): Promise<boolean> {
    const db = await this.open();
    const existed = (await db.get('layers', id)) !== undefined;
    await db.delete('layers', id);
    await db.delete(
      'files',
      IDBKeyRange.bound([id, 0, ''], [id, Number.MAX_SAFE_INTEGER, '\uffff']),
    );
    return existed;
  }

  /** Keep a pack file until the background imports it; returns its staging key. */
  async stage(file: Blob, key: string): Promise<void> {
    await (await this.open()).put('staging', file, key);
  }

  /** Take a staged file out of the store (it is read once). */
  async unstage(key: string): Promise<Blob | null> {
    const db = await this.open();
    const tx = db.transaction('staging', 'readwrite');
    const file = await tx.store.get(key);
    await tx.store.delete(key);
    await tx.done;
    return file ?? null;
  }

  /**
   * The reader's packs as version 1 stored them (imported ones and their own entities), with
   * their entities; empty once they have been moved.
   */
  async legacyPacks(): Promise<{ pack: LegacyPack; entities: Entity[] }[]> {
    const db = await this.open();
    if (!db.objectStoreNames.contains('packs')) return [];
    const packs = (await db.getAll('packs')).filter((pack) => pack.layer !== 'default');
    const out: { pack: LegacyPack; entities: Entity[] }[] = [];
    for (const pack of packs) {
      const shards = await db.getAll(
        'entities',
        IDBKeyRange.bound([pack.id, 0], [pack.id, Number.MAX_SAFE_INTEGER]),
      );
      out.push({ pack, entities: shards.flatMap((shard) => shard.entities) });
    }
    return out;
  }

  /** Forget version 1's stores' contents (after their packs were moved). */
  async clearLegacy(): Promise<void> {
    const db = await this.open();
    if (!db.objectStoreNames.contains('packs')) return;
    const tx = db.transaction(['packs', 'entities'], 'readwrite');
    await Promise.all([
      tx.objectStore('packs').clear(),
      tx.objectStore('entities').clear(),
      tx.done,
    ]);
  }

  private async deleteFiles(
    db: IDBPDatabase<KnowledgeSchema>,
    id: string,
    generation: number,
  ): Promise<void> {
    await db.delete('files', IDBKeyRange.bound([id, generation, ''], [id, generation, '\uffff']));
  }
}
