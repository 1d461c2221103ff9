import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { MatcherData } from '../match/matcher-data';
import { mergeEntity } from './merge';
import type { Entity, KnowledgePack, Source } from './schema';

/** Where a pack sits in the merge order: later layers refine earlier ones. */
export type PackLayer = 'default' | 'imported' | 'user';

const LAYER_RANK: Record<PackLayer, number> = { default: 0, imported: 1, user: 2 };

/** A pack as stored: everything but its entities, which have a store of their own. */
export interface StoredPack {
  id: string;
  name: string;
  version: string;
  description?: string;
  sources: Source[];
  /** How many entities it holds. */
  entities: number;
  /** How many shards its entities are spread over (see {@link shardOf}). */
  shards: number;
  layer: PackLayer;
  /** When it was stored (imports of the same layer merge in this order). */
  storedAt: number;
}

/**
 * A shard of one pack's entities: a few hundred entities in one record, found by a hash of the
 * id. One record per entity made a 100,000-entity import take 12 s of IndexedDB writes; a few
 * hundred records take a fraction of that, and a look-up reads one small shard per pack.
 */
interface StoredShard {
  pack: string;
  shard: number;
  entities: Entity[];
}

/** A capital city's position, for locator maps (worked out when the matcher is compiled). */
export interface CapitalPoint {
  lat: number;
  lon: number;
  name: string;
}

/** The compiled matcher, stored as structured data (typed arrays stay binary in IndexedDB). */
export interface StoredMatcher {
  /** Which packs it was compiled from (see {@link packsKey}). */
  key: string;
  data: MatcherData;
  /** Capitals by ISO country code. */
  capitals: Record<string, CapitalPoint>;
  builtAt: number;
}

interface KnowledgeSchema extends DBSchema {
  packs: { key: string; value: StoredPack };
  entities: { key: [string, number]; value: StoredShard };
  matcher: { key: string; value: StoredMatcher };
  /** Pack files waiting to be imported: the options page stores the file, the background reads it. */
  staging: { key: string; value: Blob };
}

const DB_NAME = 'backstory-knowledge';
const MATCHER_KEY = 'current';
/** Entities per shard, about: small enough that a look-up reads little, large enough that writes are few. */
const SHARD_SIZE = 256;
/** Shards written per transaction: large imports commit in steps rather than one huge one. */
const WRITE_CHUNK = 40;

/** The shard an entity id lives in, among `shards` (FNV-1a of the id). */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}

/** The order packs merge in: default, then imports oldest first, then the reader's own. */
export function byPrecedence(a: StoredPack, b: StoredPack): number {
  return LAYER_RANK[a.layer] - LAYER_RANK[b.layer] || a.storedAt - b.storedAt;
}

/** Identifies a set of packs: any pack added, removed or changed gives a new key. */
export function packsKey(packs: readonly StoredPack[]): string {
  return [...packs]
    .sort(byPrecedence)
    .map((pack) => `${pack.id}@${pack.version}`)
    .join('|');
}

/**
 * The extension's knowledge, in IndexedDB in its own origin: each pack's entities in shards
 * keyed by (pack, shard), so a card reads one small shard per pack instead of every pack being
 * held in memory; the compiled matcher as binary arrays; and pack files staged for import.
 */
export class KnowledgeStore {
  private db: Promise<IDBPDatabase<KnowledgeSchema>> | null = null;

  constructor(private readonly name = DB_NAME) {}

  private open(): Promise<IDBPDatabase<KnowledgeSchema>> {
    this.db ??= openDB<KnowledgeSchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('entities', { keyPath: ['pack', 'shard'] });
        db.createObjectStore('matcher');
        db.createObjectStore('staging');
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
  async packs(): Promise<StoredPack[]> {
    return (await (await this.open()).getAll('packs')).sort(byPrecedence);
  }

  async pack(id: string): Promise<StoredPack | null> {
    return (await (await this.open()).get('packs', id)) ?? null;
  }

  /**
   * Store a pack, replacing any earlier pack with its id. The old entities go first; the new ones
   * are written in chunks, and the pack's record last, so a pack interrupted half-way is never
   * listed (and its stray entities are cleared by the next write of that id).
   */
  async putPack(pack: KnowledgePack, layer: PackLayer, storedAt: number): Promise<StoredPack> {
    const db = await this.open();
    await this.deletePack(db, pack.id);
    const shards = Math.max(1, Math.ceil(pack.entities.length / SHARD_SIZE));
    const byShard: Entity[][] = Array.from({ length: shards }, () => []);
    for (const entity of pack.entities) byShard[shardOf(entity.id, shards)]?.push(entity);
    for (let i = 0; i < shards; i += WRITE_CHUNK) {
      const tx = db.transaction('entities', 'readwrite');
      for (let shard = i; shard < Math.min(shards, i + WRITE_CHUNK); shard++)
        void tx.store.put({ pack: pack.id, shard, entities: byShard[shard] ?? [] });
      await tx.done;
    }
    const record: StoredPack = {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      ...(pack.description ? { description: pack.description } : {}),
      sources: pack.sources ?? [],
      entities: pack.entities.length,
      shards,
      layer,
      storedAt,
    };
    await db.put('packs', record);
    return record;
  }

  /** Remove a pack and its entities; false when there was none. */
  async removePack(id: string): Promise<boolean> {
    const db = await this.open();
    const existed = (await db.get('packs', id)) !== undefined;
    await this.deletePack(db, id);
    return existed;
  }

  /** The entities of one pack, as stored (the reader's own entities, for editing). */
  async packEntities(id: string): Promise<Entity[]> {
    const db = await this.open();
    return (await db.getAll('entities', packRange(id))).flatMap((record) => record.entities);
  }

  /** One entity, merged across every pack that has it (null when none does). */
  async entity(id: string): Promise<Entity | null> {
    const db = await this.open();
    const tx = db.transaction(['entities', 'packs']);
    const packs = (await tx.objectStore('packs').getAll()).sort(byPrecedence);
    const entities = tx.objectStore('entities');
    const shards = await Promise.all(
      packs.map((pack) => entities.get([pack.id, shardOf(id, pack.shards ?? 1)])),
    );
    let merged: Entity | null = null;
    for (const shard of shards) {
      const record = shard?.entities.find((entity) => entity.id === id);
      if (record) merged = merged ? mergeEntity(merged, record) : record;
    }
    return merged;
  }

  /** Every entity, merged, in no particular order (for compiling the matcher). */
  async allEntities(): Promise<Entity[]> {
    const db = await this.open();
    const packs = await this.packs();
    const merged = new Map<string, Entity>();
    for (const pack of packs) {
      for (const { entities } of await db.getAll('entities', packRange(pack.id))) {
        for (const entity of entities) {
          const earlier = merged.get(entity.id);
          merged.set(entity.id, earlier ? mergeEntity(earlier, entity) : entity);
        }
      }
    }
    return [...merged.values()];
  }

  async readMatcher(): Promise<StoredMatcher | null> {
    return (await (await this.open()).get('matcher', MATCHER_KEY)) ?? null;
  }

  async writeMatcher(record: StoredMatcher): Promise<void> {
    await (await this.open()).put('matcher', record, MATCHER_KEY);
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

  private async deletePack(db: IDBPDatabase<KnowledgeSchema>, pack: string): Promise<void> {
    const tx = db.transaction(['entities', 'packs'], 'readwrite');
    await Promise.all([
      tx.objectStore('entities').delete(packRange(pack)),
      tx.objectStore('packs').delete(pack),
      tx.done,
    ]);
  }
}

/** Every (pack, shard) key of one pack. */
function packRange(pack: string): IDBKeyRange {
  return IDBKeyRange.bound([pack, 0], [pack, Number.MAX_SAFE_INTEGER]);
}
