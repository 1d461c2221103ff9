import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishDist } from '@/utils/knowledge/dist/publish-dist';
import { fingerprintOf, type SigningKey, signBytes } from '@/utils/knowledge/dist/signature';
import type { PackSummary } from '@/utils/knowledge/pack-summary';
import type { Entity } from '@/utils/knowledge/schema';
import { shardOf } from '@/utils/knowledge/shard-of';
import {
  allowsLoopback,
  hostPermissionOf,
  subscriptionAddress,
  subscriptionHosts,
} from '@/utils/knowledge/subscription-address';
import {
  nextCheck,
  retryAt,
  SCHEDULE,
  SUBSCRIPTION_LIMITS,
} from '@/utils/knowledge/subscription-policy';
import { type As, builtInPack, inProcessBackground } from '../../support/background';
import { entity } from '../../support/entities';
import {
  FakePackHost,
  PACK_URL,
  PUBLISHED_ENTITIES,
  packInput,
  publisherKey,
} from '../../support/pack-host';

const DAY = 86_400_000;
const PACK_ID = 'news.example.pack';
const DARAA = entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] });
const ORCHID = PUBLISHED_ENTITIES[0] as Entity;

let host: FakePackHost;
let key: SigningKey;
let background: ReturnType<typeof inProcessBackground>;
let sessions = 0;

beforeEach(async () => {
  host = new FakePackHost();
  key = await publisherKey();
  background = inProcessBackground(
    builtInPack([DARAA]),
    {},
    {
      packFetch: host.fetch,
      http: { backoffMs: 1 },
    },
  );
});
afterEach(async () => {
  await background.close();
});

const value = <T>(result: { ok: true; value: T } | { ok: false; errors: string[] }): T => {
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
};

/** Names Backstory marks in `text`, as a page's content script would be told. */
async function marked(text: string): Promise<string[]> {
  const as: As = { role: 'content', tab: 1, url: 'https://news.example/a' };
  const config = value(await background.ask('page:config', {}, as));
  const answer = value(
    await background.ask(
      'page:match',
      { session: `session-${++sessions}-abcdef`, key: config.key, ids: [0], texts: [text] },
      as,
    ),
  );
  return answer.entities.map((found) => found.name);
}

/** Publish the first version and subscribe to it; the host's log starts empty after. */
async function subscribed(): Promise<PackSummary> {
  await host.publish(packInput(), key);
  const summary = value(await background.ask('subscriptions:add', { url: PACK_URL }));
  host.takeRequests();
  return summary;
}

const check = async () => value(await background.ask('subscriptions:check', { id: PACK_ID }));
const stored = async () => background.store.layer(PACK_ID);

/** The published entities with two of them described anew, in two different shards. */
function twoChanged(): { entities: Entity[]; shards: number[] } {
  const byShard = new Map<number, Entity>();
  for (const e of PUBLISHED_ENTITIES)
    if (!byShard.has(shardOf(e.id, 4))) byShard.set(shardOf(e.id, 4), e);
  const [first, second] = [...byShard.values()] as [Entity, Entity];
  const changed = new Set([first.id, second.id]);
  return {
    entities: PUBLISHED_ENTITIES.map((e) =>
      changed.has(e.id) ? { ...e, description: `${e.name}, as described in version 2` } : e,
    ),
    shards: [shardOf(first.id, 4), shardOf(second.id, 4)].sort(),
  };
}

const shardFile = (i: number) => `/news/entities-${String(i).padStart(3, '0')}.bin`;

describe('subscribing', () => {
  it('fetches the signed pack whole, pins the publisher’s key, and marks its entities', async () => {
    expect(await marked('The Orchid Relief Network met in Daraa.')).toEqual(['Daraa']);
    await host.publish(packInput(), key);
    const summary = value(await background.ask('subscriptions:add', { url: PACK_URL }));
    expect(host.requests.map((r) => r.path)).toEqual([
      '/news/manifest.json',
      '/news/manifest.sig',
      '/news/matcher-000.bin',
      ...[0, 1, 2, 3].map(shardFile),
    ]);
    // No cookies on any of them.
    expect(new Set(host.requests.map((r) => r.credentials))).toEqual(new Set(['omit']));
    expect(summary).toMatchObject({
      id: PACK_ID,
      origin: 'subscription',
      name: 'Example newsroom pack',
      publisher: 'Example Newsroom',
      version: '1',
      licence: 'CC BY 4.0',
      entities: 8,
      subscription: {
        url: PACK_URL,
        key: key.publicKey,
        fingerprint: await fingerprintOf(key.publicKey),
        problem: '',
        failures: 0,
        checkedAt: 1_000_000,
        dueAt: 1_000_000 + DAY,
      },
    });
    expect(summary.bytes).toBeGreaterThan(0);
    expect(value(await background.ask('packs:list', {})).subscriptions).toEqual([summary]);
    expect(await marked('The Orchid Relief Network met in Daraa.')).toEqual([
      'Orchid Relief Network',
      'Daraa',
    ]);
    expect((await background.packs.entity(ORCHID.id))?.description).toBe(ORCHID.description);
    // The background is woken when the pack is next due.
    expect(background.wakes.at(-1)).toBe(1_000_000 + DAY);
  });

  it('takes a folder address as its manifest, and refuses what is not an https address', async () => {
    await host.publish(packInput(), key);
    const summary = value(
      await background.ask('subscriptions:add', { url: 'https://packs.example.org/news/' }),
    );
    expect(summary.subscription?.url).toBe(PACK_URL);
    const again = await background.ask('subscriptions:add', { url: PACK_URL });
    expect(again).toEqual({ ok: false, errors: ['You are already subscribed to this pack.'] });
    for (const url of ['http://packs.example.org/news/manifest.json', 'ftp://x/y', 'packs']) {
      const answer = await background.ask('subscriptions:add', { url });
      expect(answer.ok).toBe(false);
    }
    // Loopback is for e2e builds only.
    expect(
      await background.ask('subscriptions:add', { url: 'http://127.0.0.1:8080/manifest.json' }),
    ).toEqual({ ok: false, errors: ['Packs are fetched over https only.'] });
  });

  it('refuses an unsigned pack and one whose id is already installed, storing nothing', async () => {
    await host.publish(packInput());
    const unsigned = await background.ask('subscriptions:add', { url: PACK_URL });
    expect(unsigned.ok ? [] : unsigned.errors[0]).toMatch(/no manifest\.sig: only signed packs/);
    host.put('/news/manifest.sig', 'AAAA');
    const keyless = await background.ask('subscriptions:add', { url: PACK_URL });
    expect(keyless.ok ? [] : keyless.errors[0]).toMatch(/names no publisher key/);
    await background.packs.importPack({
      format: 'backstory-pack',
      schemaVersion: 1,
      id: PACK_ID,
      name: 'A file with the same id',
      version: '1',
      entities: [],
    });
    await host.publish(packInput(), key);
    const taken = await background.ask('subscriptions:add', { url: PACK_URL });
    expect(taken.ok ? [] : taken.errors[0]).toMatch(
      /already installed.*A file with the same id|A file with the same id.*already installed/,
    );
    expect((await background.store.layers()).map((layer) => layer.origin)).toEqual(['import']);
  });

  it('refuses a pack whose file does not match the signed manifest, storing nothing', async () => {
    const published = await host.publish(packInput(), key);
    const shard = published.get('entities-002.bin') as Uint8Array;
    host.put(
      '/news/entities-002.bin',
      shard.map((byte, i) => (i === shard.length - 1 ? byte ^ 1 : byte)),
    );
    const answer = await background.ask('subscriptions:add', { url: PACK_URL });
    expect(answer).toEqual({
      ok: false,
      errors: [
        'entities-002.bin does not match its SHA-256 in the manifest, so the pack was refused.',
      ],
    });
    expect(await stored()).toBeNull();
    expect(await marked('The Orchid Relief Network met.')).toEqual([]);
  });

  it('answers only the options page', async () => {
    const answer = await background.ask(
      'subscriptions:add',
      { url: PACK_URL },
      { role: 'content', tab: 1, url: 'https://news.example/a' },
    );
    expect(answer).toEqual({
      ok: false,
      errors: ['subscriptions:add is not allowed from this sender'],
    });
    expect(host.requests).toEqual([]);
  });
});

describe('updates', () => {
  it('asks conditionally: an unchanged pack costs one 304', async () => {
    await subscribed();
    background.advance(DAY);
    await background.subscriptions.checkDue();
    expect(host.requests).toEqual([
      {
        path: '/news/manifest.json',
        ifNoneMatch: expect.stringMatching(/^".+"$/),
        credentials: 'omit',
      },
    ]);
    const layer = await stored();
    expect(layer?.generation).toBe(1);
    expect(layer?.subscription).toMatchObject({
      checkedAt: 1_000_000 + DAY,
      dueAt: 1_000_000 + 2 * DAY,
      updatedAt: 1_000_000,
      problem: '',
    });
  });

  it('fetches only the files whose SHA-256 changed, and switches to them', async () => {
    await subscribed();
    const { entities, shards } = twoChanged();
    await host.publish(packInput(entities, '2'), key);
    background.advance(DAY);
    const summary = await check();
    expect(host.takeRequests()).toEqual([
      '/news/manifest.json',
      '/news/manifest.sig',
      ...shards.map(shardFile),
    ]);
    expect(summary.version).toBe('2');
    expect((await stored())?.generation).toBe(2);
    for (const e of entities)
      expect((await background.packs.entity(e.id))?.description).toBe(e.description);
    expect(await marked('The Orchid Relief Network met.')).toEqual(['Orchid Relief Network']);
    // The files carried over are still readable in the new generation.
    const layer = await stored();
    if (!layer) throw new Error('gone');
    for (const file of [...layer.manifest.matcher, ...layer.manifest.entities])
      expect((await background.store.file(layer, file.name)).byteLength).toBe(file.bytes);
  });

  it('keeps serving the old pack until the new one is stored, then switches at once', async () => {
    await subscribed();
    const { entities, shards } = twoChanged();
    const changed = entities.find((e) => shardOf(e.id, 4) === shards[0]) as Entity;
    const before = (await background.packs.entity(changed.id))?.description;
    await host.publish(packInput(entities, '2'), key);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached = () => {};
    const downloading = new Promise<void>((resolve) => {
      reached = resolve;
    });
    host.before = async (path) => {
      if (path === shardFile(shards[1] as number)) {
        reached();
        await held;
      }
    };
    const update = check();
    await downloading;
    // Half the new files are in: the old pack answers, whole.
    expect((await background.packs.entity(changed.id))?.description).toBe(before);
    expect((await stored())?.manifest.version).toBe('1');
    expect(await marked('The Orchid Relief Network met.')).toEqual(['Orchid Relief Network']);
    release();
    expect((await update).version).toBe('2');
    expect((await background.packs.entity(changed.id))?.description).toBe(changed.description);
  });
});

describe('refusals keep the old pack serving, with the problem and the next try', () => {
  /**
   * Check (a day after subscribing) once the host has changed; the old pack must be as it was,
   * and the next try backs off with each failure in a row.
   */
  async function refused(
    problem: RegExp,
    files: string[] = ['/news/manifest.json', '/news/manifest.sig'],
    failures = 1,
  ) {
    const summary = await check();
    expect(summary.subscription?.problem).toMatch(problem);
    expect(summary.subscription).toMatchObject({
      checkedAt: 1_000_000 + DAY,
      dueAt: 1_000_000 + DAY + SCHEDULE.retryMs * 2 ** (failures - 1),
      failures,
    });
    expect(summary.version).toBe('1');
    expect(host.takeRequests()).toEqual(files);
    expect((await stored())?.generation).toBe(1);
    expect((await background.packs.entity(ORCHID.id))?.description).toBe(ORCHID.description);
    expect(await marked('The Orchid Relief Network met.')).toEqual(['Orchid Relief Network']);
  }

  /** Serve `manifest` bytes, signed with `signer`. */
  async function serveSigned(manifest: string, signer: SigningKey = key) {
    const bytes = new TextEncoder().encode(manifest);
    host.put('/news/manifest.json', bytes);
    host.put('/news/manifest.sig', await signBytes(signer, bytes));
  }

  beforeEach(async () => {
    await subscribed();
    background.advance(DAY);
  });

  it('a manifest that is not JSON, or not a manifest', async () => {
    await serveSigned('{"format": "backstory-pack-dist",');
    await refused(/^The manifest is not valid JSON/);
    const { manifest } = await publishDist(packInput(PUBLISHED_ENTITIES, '2'), key);
    const { licence: _, ...broken } = manifest;
    await serveSigned(JSON.stringify(broken));
    await refused(/^The manifest is broken: manifest, field licence: /, undefined, 2);
  });

  it('a signature that does not match', async () => {
    const old = host.file('/news/manifest.sig');
    await host.publish(packInput(PUBLISHED_ENTITIES, '2'), key);
    host.put('/news/manifest.sig', old);
    await refused(/signature does not match the publisher’s key/);
  });

  it('a manifest signed with another key', async () => {
    const other = await publisherKey();
    await host.publish(packInput(PUBLISHED_ENTITIES, '2'), other);
    await refused(new RegExp(`key has changed \\(to ${await fingerprintOf(other.publicKey)}\\)`));
  });

  it('a manifest of another pack', async () => {
    const { manifest } = await publishDist(packInput(PUBLISHED_ENTITIES, '2'), key);
    await serveSigned(JSON.stringify({ ...manifest, id: 'news.example.other' }));
    await refused(/is for another pack \(news\.example\.other, not news\.example\.pack\)/);
  });

  it('a tampered file, and a missing one', async () => {
    const { entities, shards } = twoChanged();
    const published = await host.publish(packInput(entities, '2'), key);
    const name = shardFile(shards[0] as number);
    const bytes = published.get(name.slice('/news/'.length)) as Uint8Array;
    host.put(
      name,
      bytes.map((byte) => byte ^ 0xff),
    );
    await refused(/does not match its SHA-256 in the manifest/, [
      '/news/manifest.json',
      '/news/manifest.sig',
      name,
    ]);
    host.put(name, null);
    await refused(
      /is missing on the server/,
      ['/news/manifest.json', '/news/manifest.sig', name],
      2,
    );
  });

  it('a pack larger than the limits, before any file is fetched', async () => {
    const { manifest } = await publishDist(packInput(PUBLISHED_ENTITIES, '2'), key);
    const over = {
      ...manifest,
      counts: { ...manifest.counts, entities: SUBSCRIPTION_LIMITS.maxEntities + 1 },
    };
    await serveSigned(JSON.stringify(over));
    await refused(/has 1500001 entities; subscriptions may hold at most 1500000/);
    const file = manifest.entities[0] as { name: string; bytes: number; sha256: string };
    const huge = {
      ...manifest,
      entityShards: 130,
      entities: Array.from({ length: 130 }, (_, i) => ({
        ...file,
        name: `entities-${String(i).padStart(3, '0')}.bin`,
        bytes: 4 * 1024 * 1024,
      })),
    };
    await serveSigned(JSON.stringify(huge));
    await refused(/is 520\.\d MB; subscriptions may hold at most 512 MB/, undefined, 2);
  });

  it('a server that cannot be reached, backing off with each failure, then recovering', async () => {
    host.down = true;
    await refused(/could not be fetched from packs\.example\.org/, ['/news/manifest.json']);
    background.advance(SCHEDULE.retryMs);
    const second = await check();
    expect(second.subscription).toMatchObject({ failures: 2 });
    expect(second.subscription?.dueAt).toBe(
      1_000_000 + DAY + SCHEDULE.retryMs + 2 * SCHEDULE.retryMs,
    );
    host.down = false;
    await host.publish(packInput(PUBLISHED_ENTITIES, '2'), key);
    const third = await check();
    expect(third.version).toBe('2');
    expect(third.subscription).toMatchObject({ failures: 0, problem: '' });
  });
});

describe('the schedule', () => {
  it('honours a manifest’s expiry, at most daily, and backs off after failures up to it', async () => {
    const { manifest } = await publishDist(packInput());
    const hourly = { ...manifest, expires: 3600 };
    const weekly = { ...manifest, expires: 7 * 86_400 };
    expect(nextCheck(hourly, 0, SCHEDULE)).toBe(DAY);
    expect(nextCheck(weekly, 0, SCHEDULE)).toBe(7 * DAY);
    const retries = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryAt(hourly, n, 0, SCHEDULE) / 60_000);
    expect(retries).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440]);
  });

  it('checks only what is due, and wakes the background for the soonest', async () => {
    await subscribed();
    background.advance(DAY - 60_000);
    await background.subscriptions.checkDue();
    expect(host.requests).toEqual([]);
    expect(background.wakes.at(-1)).toBe(1_000_000 + DAY);
    background.advance(60_000);
    await background.subscriptions.checkDue();
    expect(host.takeRequests()).toEqual(['/news/manifest.json']);
    expect(background.wakes.at(-1)).toBe(1_000_000 + 2 * DAY);
  });
});

describe('unsubscribing', () => {
  it('removes the pack and its files, and its marks', async () => {
    await subscribed();
    const layer = await stored();
    if (!layer) throw new Error('not stored');
    const answer = value(await background.ask('subscriptions:remove', { id: PACK_ID }));
    expect(answer).toEqual({ removed: true, url: PACK_URL });
    expect(await stored()).toBeNull();
    await expect(background.store.file(layer, 'entities-000.bin')).rejects.toThrow(/lacks/);
    await expect(background.store.file(layer, 'matcher-000.bin')).rejects.toThrow(/lacks/);
    expect(await background.packs.entity(ORCHID.id)).toBeNull();
    expect(await marked('The Orchid Relief Network met in Daraa.')).toEqual(['Daraa']);
    expect(background.wakes.at(-1)).toBeNull();
    // Only subscriptions: an imported pack is not removed this way.
    expect(value(await background.ask('subscriptions:remove', { id: 'backstory.user' }))).toEqual({
      removed: false,
      url: null,
    });
  });
});

describe('pack addresses', () => {
  it('are https (loopback too in e2e builds only), without credentials or fragment', () => {
    expect(subscriptionAddress(' https://packs.example.org/a/#top ', false)).toEqual({
      ok: true,
      url: 'https://packs.example.org/a/manifest.json',
    });
    expect(subscriptionAddress('https://user:pw@packs.example.org/m.json', false).ok).toBe(false);
    expect(subscriptionAddress('http://127.0.0.1:8080/pack/manifest.json', false).ok).toBe(false);
    expect(subscriptionAddress('http://127.0.0.1:8080/pack/manifest.json', true)).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8080/pack/manifest.json',
    });
    expect(subscriptionAddress('http://localhost:8080/manifest.json', true).ok).toBe(false);
    expect(allowsLoopback('e2e')).toBe(true);
    expect(allowsLoopback('production')).toBe(false);
    expect(subscriptionHosts(false)).toEqual(['https://*/*']);
    expect(subscriptionHosts(true)).toEqual(['https://*/*', 'http://127.0.0.1/*']);
    expect(hostPermissionOf('https://packs.example.org:8443/news/manifest.json')).toBe(
      'https://packs.example.org/*',
    );
  });
});
