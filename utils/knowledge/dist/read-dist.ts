import type { MatcherData } from '../../match/matcher-data';
import { decodeMatcher } from '../../match/serialize';
import type { Entity, Source } from '../schema';
import { shardOf } from '../shard-of';
import { EntityShard } from './entity-shard';
import { gunzip } from './gzip';
import { type DistFile, type DistManifest, filesOf } from './manifest';
import { sha256Hex } from './sha256';

/** Reads one file of a pack by name: from the extension package, IndexedDB, or disk. */
export type DistFileReader = (name: string) => Promise<Uint8Array>;

/** Shards kept decoded per pack: a page's cards mostly come from a few. */
const SHARD_CACHE = 8;

/**
 * A shipped pack, read in place: the matcher's pieces joined and decoded on request, and entity
 * records read one shard at a time (a few shards kept), each record parsed only when asked for.
 */
export class DistPack {
  private readonly shards = new Map<number, Promise<EntityShard>>();

  constructor(
    readonly manifest: DistManifest,
    private readonly read: DistFileReader,
  ) {}

  /** The compiled matcher. */
  async matcher(): Promise<MatcherData> {
    return decodeMatcher(
      await Promise.all(this.manifest.matcher.map((file) => this.read(file.name))),
    );
  }

  /** One entity, or null when the pack has none of that id. */
  async entity(id: string): Promise<Entity | null> {
    const shard = await this.shard(shardOf(id, this.manifest.entityShards));
    const record = shard.get(id);
    return record === null ? null : expandRecord(id, record, this.manifest.sources);
  }

  /** Every entity of the pack, shard by shard (exports, re-reading a pack whole). */
  async *entities(): AsyncGenerator<Entity> {
    for (let i = 0; i < this.manifest.entityShards; i++) {
      const shard = await this.readShard(i);
      for (const { id, record } of shard.entries())
        yield expandRecord(id, record, this.manifest.sources);
    }
  }

  private async readShard(index: number): Promise<EntityShard> {
    const file = shardFile(this.manifest, index);
    const bytes = await this.read(file.name);
    return new EntityShard(file.encoding === 'gzip' ? await gunzip(bytes) : bytes);
  }

  private shard(index: number): Promise<EntityShard> {
    let shard = this.shards.get(index);
    if (shard) {
      this.shards.delete(index);
    } else {
      shard = this.readShard(index);
      shard.catch(() => this.shards.delete(index));
    }
    this.shards.set(index, shard);
    if (this.shards.size > SHARD_CACHE)
      this.shards.delete(this.shards.keys().next().value as number);
    return shard;
  }
}

function shardFile(manifest: DistManifest, shard: number): DistFile {
  const file = manifest.entities[shard];
  if (!file) throw new Error(`Pack ${manifest.id} has no entity shard ${shard}`);
  return file;
}

/** A record back into an entity: its id, and its shared sources expanded. */
export function expandRecord(id: string, record: string, sources: readonly Source[]): Entity {
  const parsed = JSON.parse(record) as Omit<Entity, 'id' | 'sources'> & {
    sources: (number | Source)[];
  };
  const swap = (text: string) => text.split('{id}').join(id);
  return {
    ...parsed,
    id,
    sources: parsed.sources.map((source) => {
      if (typeof source !== 'number') return source;
      const shared = sources[source];
      if (!shared) return { title: 'Unknown source' };
      return {
        title: swap(shared.title),
        ...(shared.url ? { url: swap(shared.url) } : {}),
        ...(shared.licence ? { licence: shared.licence } : {}),
      };
    }),
  };
}

/**
 * Check a file against the manifest's size and SHA-256 (a subscription's files, as they arrive);
 * the problem in words, or null when it matches.
 */
export async function checkFile(file: DistFile, bytes: Uint8Array): Promise<string | null> {
  if (bytes.byteLength !== file.bytes)
    return `${file.name} is ${bytes.byteLength} bytes, the manifest says ${file.bytes}`;
  const digest = await sha256Hex(bytes);
  return digest === file.sha256 ? null : `${file.name} does not match its SHA-256 in the manifest`;
}

/** Check every file of a pack; the problems found (none: the pack is whole). */
export async function checkFiles(manifest: DistManifest, read: DistFileReader): Promise<string[]> {
  const problems: string[] = [];
  for (const file of filesOf(manifest)) {
    const problem = await checkFile(file, await read(file.name));
    if (problem) problems.push(problem);
  }
  return problems;
}
