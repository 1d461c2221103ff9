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
  layer: PackLayer;
  /** When it was stored (imports of the same layer merge in this order). */
  storedAt: number;
}

/** One entity of one pack; the merged entity is built from every pack's record of its id. */
interface StoredEntity {
  pack: string;
  id: string;
  entity: Entity;
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
  entities: { key: [string, string]; value: StoredEntity; indexes: { id: string } };
  matcher: { key: string; value: StoredMatcher };
  /** Pack files waiting to be imported: the options page stores the file, the background reads it. */
  staging: { key: string; value: Blob };
}

const DB_NAME = 'backstory-knowledge';
const MATCHER_KEY = 'current';
/** Entities written per transaction: large imports commit in steps rather than one huge one. */
const WRITE_CHUNK = 5000;

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
 * The extension's knowledge, in IndexedDB in its own origin: each pack's entities keyed by
 * (pack, id), so a card reads the few records of one entity instead of every pack being held in
 * memory; the compiled matcher as binary arrays; and pack files staged for import.
 */
export class KnowledgeStore {
  private db: Promise<IDBPDatabase<KnowledgeSchema>> | null = null;

  constructor(private readonly name = DB_NAME) {}

  private open(): Promise<IDBPDatabase<KnowledgeSchema>> {
    this.db ??= openDB<KnowledgeSchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('packs', { keyPath: 'id' });
        const entities = db.createObjectStore('entities', { keyPath: ['pack', 'id'] });
        entities.createIndex('id', 'id');
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
    for (let i = 0; i < pack.entities.length; i += WRITE_CHUNK) {
      const tx = db.transaction('entities', 'readwrite');
      for (const entity of pack.entities.slice(i, i + WRITE_CHUNK))
        void tx.store.put({ pack: pack.id, id: entity.id, entity });
      await tx.done;
    }
    const record: StoredPack = {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      ...(pack.description ? { description: pack.description } : {}),
      sources: pack.sources ?? [],
      entities: pack.entities.length,
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
    const records = await db.getAll('entities', packRange(id));
    return records.map((record) => record.entity);
  }

  /** One entity, merged across every pack that has it (null when none does). */
  async entity(id: string): Promise<Entity | null> {
    const db = await this.open();
    const tx = db.transaction(['entities', 'packs']);
    const [records, packs] = await Promise.all([
      tx.objectStore('entities').index('id').getAll(id),
      tx.objectStore('packs').getAll(),
    ]);
    return mergeRecords(records, packs);
  }

  /** Every entity, merged, in no particular order (for compiling the matcher). */
  async allEntities(): Promise<Entity[]> {
    const db = await this.open();
    const packs = (await db.getAll('packs')).sort(byPrecedence);
    const merged = new Map<string, Entity>();
    for (const pack of packs) {
      for (const { entity } of await db.getAll('entities', packRange(pack.id))) {
        const earlier = merged.get(entity.id);
        merged.set(entity.id, earlier ? mergeEntity(earlier, entity) : entity);
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

/** Every (pack, id) key of one pack. */
function packRange(pack: string): IDBKeyRange {
  return IDBKeyRange.bound([pack, ''], [pack, '\uffff']);
}

/** Merge one entity's records in pack precedence; records of packs not listed are ignored. */
function mergeRecords(records: StoredEntity[], packs: StoredPack[]): Entity | null {
  const rank = new Map(packs.sort(byPrecedence).map((pack, i) => [pack.id, i]));
  const ordered = records
    .filter((record) => rank.has(record.pack))
    .sort((a, b) => (rank.get(a.pack) as number) - (rank.get(b.pack) as number));
  let merged: Entity | null = null;
  for (const { entity } of ordered) merged = merged ? mergeEntity(merged, entity) : entity;
  return merged;
}
