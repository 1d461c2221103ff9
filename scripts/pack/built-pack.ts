/**
 * The built pack as Node tools read it (the report, the evaluation, tests): the same files the
 * extension ships (`public/packs/default/`), read synchronously from disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EntityShard } from '../../utils/knowledge/dist/entity-shard';
import {
  type DistManifest,
  MANIFEST_FILE,
  parseManifest,
} from '../../utils/knowledge/dist/manifest';
import { expandRecord } from '../../utils/knowledge/dist/read-dist';
import type { Entity } from '../../utils/knowledge/schema';
import { shardOf } from '../../utils/knowledge/shard-of';
import type { MatcherData } from '../../utils/match/matcher-data';
import { decodeMatcher } from '../../utils/match/serialize';
import { PACK_DIR } from './paths';

/** A built pack on disk. */
export interface BuiltPack {
  dir: string;
  manifest: DistManifest;
  /** The compiled matcher. */
  data: MatcherData;
  /** One entity by id (undefined when the pack has none). */
  entity(id: string): Entity | undefined;
  /** Every entity, shard by shard. */
  entities(): Generator<Entity>;
}

/** Read a built pack's manifest and matcher; entities are read from their shards when asked for. */
export function readBuiltPack(dir = PACK_DIR): BuiltPack {
  const parsed = parseManifest(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
  if (!parsed.ok) throw new Error(`${dir}: ${parsed.errors.join('; ')}`);
  const manifest = parsed.manifest;
  const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  const parts = manifest.matcher.map((piece) => file(piece.name));
  const shards = new Map<number, EntityShard>();
  const shard = (index: number) => {
    let found = shards.get(index);
    if (!found) {
      const entry = manifest.entities[index];
      if (!entry) throw new Error(`${dir}: no entity shard ${index}`);
      const bytes = file(entry.name);
      found = new EntityShard(
        entry.encoding === 'gzip' ? new Uint8Array(gunzipSync(bytes)) : bytes,
      );
      shards.set(index, found);
    }
    return found;
  };
  return {
    dir,
    manifest,
    data: decodeMatcher(parts),
    entity(id) {
      const record = shard(shardOf(id, manifest.entityShards)).get(id);
      return record === null ? undefined : expandRecord(id, record, manifest.sources);
    },
    *entities() {
      for (let i = 0; i < manifest.entityShards; i++)
        for (const { id, record } of shard(i).entries())
          yield expandRecord(id, record, manifest.sources);
    },
  };
}
