/**
 * A pack as it ships: a manifest and binary files. The manifest says what the pack is, who
 * publishes it, where its data comes from and under which licences, and lists its files with
 * their sizes and SHA-256 digests; the files are the compiled matcher (`matcher-NNN.bin`, split
 * into pieces) and the entity records by hash shard (`entities-NNN.bin`). The built-in pack is read
 * in place from the extension package; a subscription's is fetched over https, its manifest
 * signed by its publisher (`manifest.sig`). See `build-dist.ts` and `read-dist.ts`.
 */

import * as v from 'valibot';
import { issueLine } from '../../messages/problem';
import { Source } from '../schema';

export const DIST_FORMAT = 'backstory-pack-dist';
export const DIST_FORMAT_VERSION = 1;
/** No file of a pack may be larger: stores and validators refuse large files, and a shard is read whole. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Entity shards aim at this size: a card reads one shard per pack. */
export const ENTITY_SHARD_TARGET_BYTES = 512 * 1024;
/** The manifest's file name, and its signature's. */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
/** Largest manifest read (it lists files and sources; megabytes mean something is wrong). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 digest in hex'));
const FileName = v.pipe(
  v.string(),
  v.regex(/^(matcher|entities)-\d{3,5}\.bin$/, 'Expected a file name like matcher-000.bin'),
);
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const DistFile = v.strictObject({
  name: FileName,
  /** Its size as stored and sent (compressed, for a gzip file). */
  bytes: v.pipe(Count, v.maxValue(MAX_FILE_BYTES, 'A pack file may be at most 4 MB')),
  /** The SHA-256 of the bytes as stored and sent. */
  sha256: Sha256,
  /** `gzip` when the file is compressed (entity shards may be; the matcher's pieces never are). */
  encoding: v.optional(v.literal('gzip')),
});

export const DistManifest = v.strictObject({
  format: v.literal(DIST_FORMAT),
  formatVersion: v.literal(DIST_FORMAT_VERSION),
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'Expected a pack id like backstory.default'),
  ),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  publisher: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  version: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  /** When it was built (ISO 8601). */
  built: v.pipe(v.string(), v.isoTimestamp('Expected an ISO 8601 time')),
  /** How long a subscriber keeps it before checking for a newer one, in seconds (like a filter list's `Expires`). */
  expires: v.pipe(Count, v.minValue(3600), v.maxValue(90 * 86400)),
  description: v.optional(v.pipe(v.string(), v.maxLength(600))),
  /** The licence the pack's data is offered under, in words or SPDX ids. */
  licence: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /**
   * Where the data comes from. Entity records refer to these by index; a source whose `url` or
   * `title` holds `{id}` stands for one per entity (its Wikidata page, say).
   */
  sources: v.pipe(v.array(Source), v.maxLength(200)),
  counts: v.strictObject({
    entities: Count,
    aliases: Count,
    kinds: v.record(v.string(), Count),
    languages: v.record(v.string(), Count),
  }),
  /** The matcher's format ({@link MATCHER_FORMAT}): a reader of another format cannot use it. */
  matcherFormat: v.pipe(v.number(), v.integer()),
  /** How many hash shards the entities are spread over (`shardOf(id, entityShards)`). */
  entityShards: v.pipe(Count, v.minValue(1), v.maxValue(100_000)),
  /** The matcher's pieces, in order. */
  matcher: v.pipe(v.array(DistFile), v.minLength(1), v.maxLength(4096)),
  /** Entity shards, shard `i` at index `i`. */
  entities: v.pipe(v.array(DistFile), v.minLength(1), v.maxLength(100_000)),
  /** Each country's capital and where it is, by ISO code, for locator maps (see `capitalsOf`). */
  capitals: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)),
        v.strictObject({
          lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
          lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
          name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
        }),
      ),
      v.check((capitals) => Object.keys(capitals).length <= 400, 'Too many capitals'),
    ),
  ),
  /** The publisher's Ed25519 public key (raw, base64), for readers to pin when they subscribe. */
  key: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/, 'Expected a base64 key'))),
});

export type DistFile = v.InferOutput<typeof DistFile>;
export type DistManifest = v.InferOutput<typeof DistManifest>;

/** Check a manifest's contents; every problem named. */
export function parseManifest(
  data: unknown,
): { ok: true; manifest: DistManifest } | { ok: false; errors: string[] } {
  const result = v.safeParse(DistManifest, data);
  if (!result.success) {
    return {
      ok: false,
      errors: result.issues.slice(0, 20).map((issue) => issueLine('manifest', issue)),
    };
  }
  const manifest = result.output;
  if (manifest.entities.length !== manifest.entityShards)
    return { ok: false, errors: ['manifest: the entity shards listed differ from entityShards'] };
  return { ok: true, manifest };
}

/** Every file of a pack, matcher pieces first. */
export function filesOf(manifest: DistManifest): DistFile[] {
  return [...manifest.matcher, ...manifest.entities];
}

/** The pack's size on the wire and on disk: the sum of its files. */
export function packBytes(manifest: DistManifest): number {
  return filesOf(manifest).reduce((sum, file) => sum + file.bytes, 0);
}
