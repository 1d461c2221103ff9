import { capitalsOf } from '../../map/capitals';
import { type CompileReport, compileMatcher } from '../../match/compile';
import { MATCHER_FORMAT } from '../../match/matcher-data';
import { encodeMatcher } from '../../match/serialize';
import type { Entity, Source } from '../schema';
import { shardOf } from '../shard-of';
import { encodeShard } from './entity-shard';
import { gzip } from './gzip';
import {
  DIST_FORMAT,
  DIST_FORMAT_VERSION,
  type DistFile,
  type DistManifest,
  ENTITY_SHARD_TARGET_BYTES,
  MAX_FILE_BYTES,
} from './manifest';
import { sha256Hex } from './sha256';

/** What a pack is made from. */
export interface DistInput {
  id: string;
  name: string;
  publisher: string;
  version: string;
  /** When it was built (default: now). */
  built?: string;
  /** Seconds before subscribers check again (default: a week). */
  expires?: number;
  description?: string;
  licence: string;
  /** The pack's own sources; frequent per-entity sources are added to them. */
  sources: Source[];
  /** Valid entities (see `validatePack`), ids unique. */
  entities: readonly Entity[];
  /** The publisher's public key, to show subscribers (raw Ed25519, base64). */
  key?: string;
  /** Gzip the entity shards (a quarter of the size; the matcher stays raw, to be read at once). */
  compress?: boolean;
  /**
   * Spread the entities over at least this many shards (default: as many as the size needs). More,
   * smaller shards make a subscription's updates smaller: only changed shards are fetched.
   */
  entityShards?: number;
}

/** A pack ready to ship: its manifest and files by name. */
export interface BuiltDist {
  manifest: DistManifest;
  files: Map<string, Uint8Array>;
  compile: CompileReport;
}

const DEFAULT_EXPIRES = 7 * 86400;
/** Per-entity sources met this often become manifest sources (records then name them by index). */
const SHARED_SOURCE_MIN = 8;
const MAX_SOURCES = 200;

/**
 * Build a pack's shipping form: compile the matcher and split its bytes into pieces of at most
 * 4 MB, write the entity records into hash shards of about half a megabyte, and describe it all
 * in a manifest with every file's size and SHA-256. The same code builds the built-in pack, a
 * publisher's subscription and a reader's imported file.
 */
export async function buildDist(input: DistInput): Promise<BuiltDist> {
  const { data, report } = compileMatcher(input.entities);
  const files = new Map<string, Uint8Array>();
  const matcher = await pieces('matcher', encodeMatcher(data, MAX_FILE_BYTES), files);

  const sources = sharedSources(input.sources, input.entities);
  const records = input.entities.map((entity) => ({
    id: entity.id,
    record: JSON.stringify(compact(entity, sources)),
  }));
  const total = records.reduce((sum, { record }) => sum + record.length, 0);
  let shardCount = Math.max(input.entityShards ?? 1, Math.ceil(total / ENTITY_SHARD_TARGET_BYTES));
  let shards: Uint8Array[];
  for (;;) {
    const byShard: (typeof records)[] = Array.from({ length: shardCount }, () => []);
    for (const entry of records) byShard[shardOf(entry.id, shardCount)]?.push(entry);
    shards = byShard.map((list) => encodeShard(list));
    if (shards.every((shard) => shard.byteLength <= MAX_FILE_BYTES)) break;
    shardCount *= 2;
  }
  const entities: DistFile[] = [];
  for (const [i, shard] of shards.entries()) {
    const name = `entities-${String(i).padStart(3, '0')}.bin`;
    const stored = input.compress ? await gzip(shard) : shard;
    files.set(name, stored);
    entities.push({
      name,
      bytes: stored.byteLength,
      sha256: await sha256Hex(stored),
      ...(input.compress ? { encoding: 'gzip' as const } : {}),
    });
  }

  const capitals = capitalsOf(input.entities);
  const manifest: DistManifest = {
    format: DIST_FORMAT,
    formatVersion: DIST_FORMAT_VERSION,
    id: input.id,
    name: input.name,
    publisher: input.publisher,
    version: input.version,
    built: input.built ?? new Date().toISOString(),
    expires: input.expires ?? DEFAULT_EXPIRES,
    ...(input.description ? { description: input.description } : {}),
    licence: input.licence,
    sources,
    counts: countsOf(input.entities, report.aliases),
    matcherFormat: MATCHER_FORMAT,
    entityShards: shardCount,
    matcher,
    entities,
    ...(Object.keys(capitals).length > 0 ? { capitals } : {}),
    ...(input.key ? { key: input.key } : {}),
  };
  return { manifest, files, compile: report };
}

async function pieces(
  prefix: string,
  list: readonly Uint8Array[],
  files: Map<string, Uint8Array>,
): Promise<DistFile[]> {
  const out: DistFile[] = [];
  for (const [i, piece] of list.entries()) {
    const name = `${prefix}-${String(i).padStart(3, '0')}.bin`;
    files.set(name, piece);
    out.push({ name, bytes: piece.byteLength, sha256: await sha256Hex(piece) });
  }
  return out;
}

/** A source as a template: the entity's id replaced by `{id}` (one Wikidata page per entity). */
function templateOf(source: Source, id: string): Source {
  const swap = (text: string) => text.split(id).join('{id}');
  return {
    title: swap(source.title),
    ...(source.url ? { url: swap(source.url) } : {}),
    ...(source.licence ? { licence: source.licence } : {}),
  };
}

const keyOf = (source: Source) => JSON.stringify([source.title, source.url, source.licence]);

/** The pack's sources plus the per-entity sources (as templates) that many entities share. */
function sharedSources(own: Source[], entities: readonly Entity[]): Source[] {
  const counts = new Map<string, { source: Source; count: number }>();
  for (const entity of entities) {
    for (const source of entity.sources) {
      const template = templateOf(source, entity.id);
      const key = keyOf(template);
      const entry = counts.get(key) ?? { source: template, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const out = [...own];
  const known = new Set(own.map(keyOf));
  const frequent = [...counts.values()]
    .filter((entry) => entry.count >= SHARED_SOURCE_MIN && !known.has(keyOf(entry.source)))
    .sort((a, b) => b.count - a.count);
  for (const { source } of frequent) {
    if (out.length >= MAX_SOURCES) break;
    out.push(source);
  }
  return out;
}

/** An entity's record: without its id (the shard has it), its sources by index where shared. */
function compact(entity: Entity, sources: Source[]): unknown {
  const index = new Map(sources.map((source, i) => [keyOf(source), i]));
  const { id, ...rest } = entity;
  return {
    ...rest,
    sources: entity.sources.map((source) => index.get(keyOf(templateOf(source, id))) ?? source),
  };
}

function countsOf(entities: readonly Entity[], aliases: number): DistManifest['counts'] {
  const kinds: Record<string, number> = {};
  const languages: Record<string, number> = {};
  for (const entity of entities) {
    kinds[entity.kind] = (kinds[entity.kind] ?? 0) + 1;
    for (const language of Object.keys(entity.aliases))
      languages[language] = (languages[language] ?? 0) + 1;
  }
  return { entities: entities.length, aliases, kinds, languages };
}
