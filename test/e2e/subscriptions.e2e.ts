import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type ServedRequest,
  type StaticServer,
  startStaticServer,
} from '../../scripts/static-server';
import { readSigningKey, signBytes } from '../../utils/knowledge/dist/signature';
import type { Entity } from '../../utils/knowledge/schema';
import { shardOf } from '../../utils/knowledge/shard-of';
import { entity } from '../support/entities';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, diagnosticsOf, markTexts, OptionsPage } from './harness/pages';
import { SubscriptionsSection } from './harness/subscriptions';

/**
 * Subscriptions against a pack published in the test with `npm run pack -- --publish`, served by
 * a static server on 127.0.0.1 whose request log says what the extension fetched. What a reader
 * notices: subscribing asks the browser for the pack's site; the pack's names are marked (on a
 * page already open too) and have cards; an update fetches only what changed; a forged, tampered,
 * unreachable or oversized pack changes nothing and says why; unsubscribing removes it all.
 */

const PACK_ID = 'test.newsroom';
const PACK_NAME = 'Newsroom aid groups';
const SHARDS = 4;
const LOOPBACK = ['http://127.0.0.1/*'];

/** Invented organisations, described by us; only this pack has them. */
const ENTITIES: Entity[] = [
  ['Orchid Relief Network', 'Aid network running clinics in southern Syria'],
  ['Cedar Valley Council', 'Local council of a farming valley'],
  ['Harbour Watch Group', 'Volunteer group monitoring a port'],
  ['Saffron Media Collective', 'Cooperative of freelance reporters'],
  ['Juniper Aid Alliance', 'Alliance of small relief charities'],
  ['Basalt Plains Authority', 'Regional water and roads authority'],
  ['Meridian Water Board', 'Board running a city’s water supply'],
  ['Olive Grove Union', 'Union of olive farmers'],
].map(([name, description], i) => ({
  ...entity(`Q${9_200_000 + i}`, 'organisation', name as string, { en: [name as string] }),
  description: description as string,
}));
const ORCHID = ENTITIES[0] as Entity;
/** Another entity in a shard other than the Orchid Relief Network's. */
const OTHER = ENTITIES.find((e) => shardOf(e.id, SHARDS) !== shardOf(ORCHID.id, SHARDS)) as Entity;
const shardFile = (e: Entity) => `entities-${String(shardOf(e.id, SHARDS)).padStart(3, '0')}.bin`;

/** The publisher's side: a key, a pack file, a folder published with the CLI, served on 127.0.0.1. */
class Publisher {
  readonly work = mkdtempSync(join(tmpdir(), 'backstory-publisher-'));
  readonly keyFile = join(this.work, 'publisher.pem');
  readonly site = join(this.work, 'site');
  fingerprint = '';
  private server: StaticServer | null = null;
  private port = 0;
  private log: ServedRequest[] = [];

  get manifestUrl(): string {
    return `http://127.0.0.1:${this.port}/pack/manifest.json`;
  }

  /** `npm run pack -- …`, as a publisher runs it. */
  private pack(...args: string[]): string {
    return execFileSync('npm', ['run', '--silent', 'pack', '--', ...args], { encoding: 'utf8' });
  }

  keygen(): void {
    const out = this.pack('--keygen', this.keyFile);
    this.fingerprint = /fingerprint: ([0-9A-F ]+)/.exec(out)?.[1]?.trim() ?? '';
  }

  /** Publish the entities (described anew where `changed` says) as `version`. */
  publish(version: string, changed: Record<string, string> = {}): void {
    const file = join(this.work, 'pack.json');
    const entities = ENTITIES.map((e) =>
      changed[e.id] ? { ...e, description: changed[e.id] as string } : e,
    );
    writeFileSync(
      file,
      JSON.stringify({
        format: 'backstory-pack',
        schemaVersion: 1,
        id: PACK_ID,
        name: PACK_NAME,
        version,
        entities,
      }),
    );
    this.pack(
      '--publish',
      join(this.site, 'pack'),
      '--key',
      this.keyFile,
      '--pack',
      file,
      '--publisher',
      'Test Newsroom',
      '--licence',
      'CC BY 4.0',
      '--shards',
      String(SHARDS),
    );
  }

  read(name: string): Buffer {
    return readFileSync(join(this.site, 'pack', name));
  }

  write(name: string, bytes: Uint8Array | string): void {
    writeFileSync(join(this.site, 'pack', name), bytes);
  }

  /** Serve a manifest of our own making, signed with the publisher's key. */
  async serveSigned(manifest: object): Promise<void> {
    const bytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);
    const key = await readSigningKey(readFileSync(this.keyFile, 'utf8'));
    this.write('manifest.json', bytes);
    this.write('manifest.sig', await signBytes(key, bytes));
  }

  async start(): Promise<void> {
    this.server = await startStaticServer(
      [{ prefix: '/pack/', dir: join(this.site, 'pack'), etag: true }],
      this.port,
      (request) => this.log.push(request),
    );
    this.port = Number(new URL(this.server.origin).port);
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** What was asked since the last call, as "status path". */
  requests(): string[] {
    return this.log.splice(0).map((r) => `${r.status} ${r.url.replace(/^\/pack\//, '')}`);
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.work, { recursive: true, force: true });
  }
}

const publisher = new Publisher();
beforeAll(async () => {
  publisher.keygen();
  publisher.publish('1');
  await publisher.start();
});
afterAll(async () => {
  await publisher.close();
});

describe.each(BROWSERS)('subscribing without an answer to the prompt, in %s', (browserName) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks the browser for the pack’s site on the click; unanswered, it waits and fetches nothing', async () => {
    const options = await OptionsPage.open(browser);
    const section = new SubscriptionsSection(options);
    publisher.requests();
    await section.subscribe(publisher.manifestUrl);
    await options.page.waitFor(() =>
      document.querySelector('.subscriptions [data-outcome="asking"]'),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await options.hasHostPermission(LOOPBACK)).toBe(false);
    expect(publisher.requests()).toEqual([]);
    expect(await section.list()).toEqual([]);
    await options.close();
  });
});

describe.each(BROWSERS)('subscriptions in %s', (browserName) => {
  let browser: ExtensionBrowser;
  let article: ArticlePage;
  let options: OptionsPage;
  let section: SubscriptionsSection;
  const articleUrl = `${inject('origin')}/subscriptions/article.html`;

  beforeAll(async () => {
    publisher.publish('1');
    browser = await launchBrowser(browserName, { allowHosts: LOOPBACK });
    // Open before subscribing, and kept open all along: a page the reader is reading meanwhile.
    article = await ArticlePage.open(browser, articleUrl);
    await article.waitForMarks((marks) => markTexts(marks).includes('Daraa'));
    options = await OptionsPage.open(browser);
    section = new SubscriptionsSection(options);
    publisher.requests();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Marking sessions the open article has begun (a new pack begins another). */
  const sessionsOf = async () => (await diagnosticsOf(browser, articleUrl)).sessions;

  /**
   * The open article, matched again after a pack update (the background tells open pages without
   * waiting for them), marks `name` with the new pack: what a reader sees before hovering it.
   */
  async function rematched(before: number, name: string) {
    await expect.poll(sessionsOf, { timeout: 15_000 }).toBeGreaterThan(before);
    await article.waitForMarks((marks) => markTexts(marks).includes(name));
  }

  /** The card of a name in the open article, as a reader hovers it. */
  async function cardOf(id: string, name: string) {
    const card = new CardPage(article.page);
    await article.page.bringToFront();
    await card.hover(id, name);
    const view = await card.read();
    await article.page.press('Escape');
    await card.waitClosed();
    await article.page.mouseMove(5, 5);
    return view;
  }

  it('subscribes: asks for the site, fetches the signed pack whole, and marks its names', async () => {
    expect(markTexts(await article.marks())).not.toContain('Orchid Relief Network');
    expect(await options.hasHostPermission(LOOPBACK)).toBe(false);
    await section.subscribe(publisher.manifestUrl);
    expect(await section.outcome()).toEqual({
      kind: 'subscribed',
      text: `Subscribed to “${PACK_NAME}”.`,
    });
    expect(await options.hasHostPermission(LOOPBACK)).toBe(true);
    expect(publisher.requests()).toEqual([
      '200 manifest.json',
      '200 manifest.sig',
      '200 matcher-000.bin',
      '200 entities-000.bin',
      '200 entities-001.bin',
      '200 entities-002.bin',
      '200 entities-003.bin',
    ]);
    const shown = await section.get(PACK_NAME);
    expect(shown).toMatchObject({
      line: 'Published by Test Newsroom · 8 entities, version 1',
      licence: 'CC BY 4.0',
      address: publisher.manifestUrl,
      status: 'ok',
      statusText: 'Up to date.',
      fingerprint: publisher.fingerprint,
    });
    expect(shown.size).toMatch(/^[\d.]+ kB$/);
    expect(shown.checked).not.toBe('—');
    expect(shown.due).not.toBe('—');
    // The page open meanwhile is matched again with the new pack.
    await article.waitForMarks((marks) =>
      ['Orchid Relief Network', 'Cedar Valley Council', 'Daraa'].every((name) =>
        markTexts(marks).includes(name),
      ),
    );
    const card = await cardOf('lead', 'Orchid Relief Network');
    expect(card.title).toBe('Orchid Relief Network');
    expect(card.text).toContain('Aid network running clinics in southern Syria');
  });

  it('an unchanged pack costs a 304; an update fetches only the two shards that changed', async () => {
    const unchanged = await section.checkNow(PACK_NAME);
    expect(unchanged.status).toBe('ok');
    expect(publisher.requests()).toEqual(['304 manifest.json']);

    publisher.publish('2', {
      [ORCHID.id]: 'Aid network running clinics in southern Syria, now in four towns',
      [OTHER.id]: `${OTHER.description}, renamed in 2026`,
    });
    const sessions = await sessionsOf();
    const updated = await section.checkNow(PACK_NAME);
    expect(updated).toMatchObject({
      line: 'Published by Test Newsroom · 8 entities, version 2',
      status: 'ok',
    });
    expect(publisher.requests().sort()).toEqual(
      [
        '200 manifest.json',
        '200 manifest.sig',
        `200 ${shardFile(ORCHID)}`,
        `200 ${shardFile(OTHER)}`,
      ].sort(),
    );
    await rematched(sessions, 'Orchid Relief Network');
    const card = await cardOf('lead', 'Orchid Relief Network');
    expect(card.text).toContain('now in four towns');
  });

  /** The pack still serves version 2, on the page open all along. */
  async function stillServing() {
    expect((await section.get(PACK_NAME)).line).toContain('version 2');
    expect(markTexts(await article.marks())).toContain('Orchid Relief Network');
    expect((await cardOf('lead', 'Orchid Relief Network')).text).toContain('now in four towns');
  }

  it('refuses a manifest whose signature does not match, and keeps serving the pack', async () => {
    const manifest = JSON.parse(publisher.read('manifest.json').toString('utf8'));
    publisher.write('manifest.json', `${JSON.stringify({ ...manifest, version: '3' }, null, 1)}\n`);
    const refused = await section.checkNow(PACK_NAME);
    expect(refused.status).toBe('problem');
    expect(refused.statusText).toContain(
      'The manifest’s signature does not match the publisher’s key',
    );
    expect(refused.statusText).toContain('the pack you had stays in use until the next try');
    expect(publisher.requests()).toEqual(['200 manifest.json', '200 manifest.sig']);
    await stillServing();
  });

  it('refuses a tampered shard, fetching nothing else', async () => {
    const cedar = ENTITIES[1] as Entity;
    publisher.publish('3', {
      [ORCHID.id]: 'Aid network running clinics in southern Syria, now in four towns',
      [OTHER.id]: `${OTHER.description}, renamed in 2026`,
      [cedar.id]: 'Local council of a farming valley, changed in version 3',
    });
    const shard = publisher.read(shardFile(cedar));
    publisher.write(
      shardFile(cedar),
      shard.map((byte) => byte ^ 0x5a),
    );
    const refused = await section.checkNow(PACK_NAME);
    expect(refused.statusText).toContain(
      `${shardFile(cedar)} does not match its SHA-256 in the manifest, so the pack was refused.`,
    );
    expect(publisher.requests()).toEqual([
      '200 manifest.json',
      '200 manifest.sig',
      `200 ${shardFile(cedar)}`,
    ]);
    await stillServing();
  });

  it('with the server down, the old pack keeps serving, and the status says when it tries again', async () => {
    await publisher.stop();
    const down = await section.checkNow(PACK_NAME);
    expect(down.status).toBe('problem');
    expect(down.statusText).toContain(
      `The manifest could not be fetched from ${new URL(publisher.manifestUrl).host}`,
    );
    expect(down.due).not.toBe('—');
    await stillServing();
    // A page opened now is marked from the stored pack.
    const fresh = await ArticlePage.open(browser, articleUrl);
    await fresh.waitForMarks((marks) => markTexts(marks).includes('Orchid Relief Network'));
    await fresh.close();
    await publisher.start();
  });

  it('refuses a pack larger than the limits before fetching any of its files', async () => {
    const manifest = JSON.parse(publisher.read('manifest.json').toString('utf8'));
    await publisher.serveSigned({
      ...manifest,
      version: '4',
      counts: { ...manifest.counts, entities: 1_600_000 },
    });
    const refused = await section.checkNow(PACK_NAME);
    expect(refused.statusText).toContain(
      'The pack has 1600000 entities; subscriptions may hold at most 1500000.',
    );
    expect(publisher.requests()).toEqual(['200 manifest.json', '200 manifest.sig']);
    await stillServing();
  });

  it('unsubscribing removes the pack’s data and marks, and gives the site back', async () => {
    const before = await section.stored(PACK_ID);
    expect(before.layer).toBe(true);
    expect(before.files).toBe(5);
    const outcome = await section.unsubscribe(PACK_NAME);
    expect(outcome.text).toContain(`Unsubscribed from “${PACK_NAME}”; its data is removed.`);
    expect(await section.stored(PACK_ID)).toEqual({ layer: false, files: 0 });
    expect(await section.list()).toEqual([]);
    if (browserName === 'firefox') {
      expect(await options.hasHostPermission(LOOPBACK)).toBe(false);
    } else {
      // Chrome refuses to remove a host the content script's http://*/* covers: it says so.
      expect(outcome.text).toContain('Your browser keeps access to its site');
    }
    await article.waitForMarks(
      (marks) =>
        markTexts(marks).includes('Daraa') && !markTexts(marks).includes('Orchid Relief Network'),
    );
    expect(publisher.requests()).toEqual([]);
  });
});
