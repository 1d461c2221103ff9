import { describe, expect, it } from 'vitest';
import { buildDist } from '@/utils/knowledge/dist/build-dist';
import { EntityShard, encodeShard } from '@/utils/knowledge/dist/entity-shard';
import { MAX_FILE_BYTES, parseManifest } from '@/utils/knowledge/dist/manifest';
import { checkFiles, DistPack } from '@/utils/knowledge/dist/read-dist';
import type { Entity } from '@/utils/knowledge/schema';
import { compileMatcher } from '@/utils/match/compile';
import { findMentions } from '@/utils/match/find-mentions';
import { stringsOf } from '@/utils/match/matcher-data';
import { decodeMatcher, encodeMatcher } from '@/utils/match/serialize';
import { entity, TEST_ENTITIES } from '../../../support/entities';

const withWikidata = (e: Entity): Entity =>
  /^Q\d+$/.test(e.id)
    ? {
        ...e,
        sources: [
          {
            title: `Wikidata ${e.id}`,
            url: `https://www.wikidata.org/wiki/${e.id}`,
            licence: 'CC0-1.0',
          },
        ],
      }
    : e;

const input = (entities: Entity[]) => ({
  id: 'test.pack',
  name: 'Test pack',
  publisher: 'Backstory tests',
  version: '1',
  built: '2026-12-06T00:00:00.000Z',
  licence: 'CC0-1.0',
  sources: [{ title: 'Tests', licence: 'CC0-1.0' }],
  entities,
});

/** A reader over files held in memory, counting reads. */
function memoryReader(files: Map<string, Uint8Array>) {
  const reads: string[] = [];
  return {
    reads,
    read: async (name: string) => {
      reads.push(name);
      const file = files.get(name);
      if (!file) throw new Error(`no ${name}`);
      return file;
    },
  };
}

describe('the matcher in bytes', () => {
  it('decodes to a matcher that marks what the compiled one marks', () => {
    const { data } = compileMatcher(TEST_ENTITIES);
    const decoded = decodeMatcher(encodeMatcher(data));
    const text = ['Bashar al-Assad visited Daraa, then Deraa and درعا again.'];
    expect(findMentions(decoded, text)).toEqual(findMentions(data, text));
    expect(stringsOf(decoded.entityIds)).toEqual(stringsOf(data.entityIds));
    expect(stringsOf(decoded.candCase)).toEqual(stringsOf(data.candCase));
  });

  it('refuses bytes that are not a matcher, naming why', () => {
    expect(() => decodeMatcher([new Uint8Array(40)])).toThrow(/Not a Backstory matcher/);
    const bytes = encodeMatcher(compileMatcher(TEST_ENTITIES).data);
    expect(() => decodeMatcher([(bytes[0] as Uint8Array).subarray(0, 200)])).toThrow(/cut short/);
  });

  it('compiles entities in id order, so an id is found by bisection', () => {
    const { data } = compileMatcher([...TEST_ENTITIES].reverse());
    expect(stringsOf(data.entityIds)).toEqual(stringsOf(data.entityIds).sort());
  });
});

describe('entity shards', () => {
  it('find a record by id among many, and list them in order', () => {
    const records = Array.from({ length: 500 }, (_, i) => ({
      id: `Q${i * 7 + 1}`,
      record: JSON.stringify({ name: `Entity ${i}`, note: 'é ü 中 دمشق' }),
    }));
    const shard = new EntityShard(encodeShard(records));
    expect(shard.count).toBe(500);
    expect(JSON.parse(shard.get('Q351') ?? 'null')).toEqual({
      name: 'Entity 50',
      note: 'é ü 中 دمشق',
    });
    expect(shard.get('Q2')).toBeNull();
    const ids = [...shard.entries()].map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('a pack as it ships', () => {
  it('lists every file with its size and digest, and reads back the same entities and marks', async () => {
    const entities = TEST_ENTITIES.map(withWikidata);
    const built = await buildDist(input(entities));
    const parsed = parseManifest(JSON.parse(JSON.stringify(built.manifest)));
    expect(parsed.ok).toBe(true);
    for (const file of [...built.manifest.matcher, ...built.manifest.entities]) {
      expect(built.files.get(file.name)?.byteLength).toBe(file.bytes);
      expect(file.bytes).toBeLessThanOrEqual(MAX_FILE_BYTES);
    }
    const reader = memoryReader(built.files);
    expect(await checkFiles(built.manifest, reader.read)).toEqual([]);
    const pack = new DistPack(built.manifest, reader.read);
    for (const original of entities) expect(await pack.entity(original.id)).toEqual(original);
    expect(await pack.entity('Q999999999')).toBeNull();
    const text = ['Bashar al-Assad visited Daraa.'];
    expect(findMentions(await pack.matcher(), text)).toEqual(
      findMentions(compileMatcher(entities).data, text),
    );
  });

  it('names a shared per-entity source once, in the manifest', async () => {
    const entities = Array.from({ length: 20 }, (_, i) =>
      withWikidata(entity(`Q${100 + i}`, 'place', `Town ${i}`)),
    );
    const built = await buildDist(input(entities));
    expect(built.manifest.sources).toContainEqual({
      title: 'Wikidata {id}',
      url: 'https://www.wikidata.org/wiki/{id}',
      licence: 'CC0-1.0',
    });
    const pack = new DistPack(built.manifest, memoryReader(built.files).read);
    expect((await pack.entity('Q105'))?.sources).toEqual([
      { title: 'Wikidata Q105', url: 'https://www.wikidata.org/wiki/Q105', licence: 'CC0-1.0' },
    ]);
  });

  it('splits a large matcher into pieces of at most 4 MB and reads a card from one shard', async () => {
    const entities = Array.from({ length: 60_000 }, (_, i) =>
      entity(`Q${1000 + i}`, 'person', `Person Number${i} Surname${i % 9000}`, {
        en: [`Person Number${i} Surname${i % 9000}`, `P. N${i}`],
      }),
    );
    const built = await buildDist(input(entities));
    expect(built.manifest.matcher.length).toBeGreaterThan(1);
    expect(built.manifest.entities.length).toBeGreaterThan(4);
    const reader = memoryReader(built.files);
    const pack = new DistPack(built.manifest, reader.read);
    expect((await pack.entity('Q1042'))?.name).toBe('Person Number42 Surname42');
    expect(reader.reads).toHaveLength(1);
    const data = await pack.matcher();
    expect(data.entityIds.length).toBe(60_000);
  }, 60_000);

  it('a tampered file does not match its digest', async () => {
    const built = await buildDist(input(TEST_ENTITIES));
    const name = built.manifest.entities[0]?.name as string;
    const tampered = new Map(built.files);
    const bytes = (built.files.get(name) as Uint8Array).slice();
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] as number) ^ 1;
    tampered.set(name, bytes);
    expect(await checkFiles(built.manifest, memoryReader(tampered).read)).toEqual([
      `${name} does not match its SHA-256 in the manifest`,
    ]);
  });
});
