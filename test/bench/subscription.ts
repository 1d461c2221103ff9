/**
 * A large subscription, as a reader meets it: a pack of generated entities published with
 * `npm run pack -- --publish` (a publisher's own command, key and signature included), served over
 * https on 127.0.0.1 by a static server with a certificate of its own (the production build
 * subscribes over https only; the benchmark's browsers take any certificate). The reader
 * subscribes in the options page while a news page is open in front; what is timed is the click
 * to that page's first mark of a name only the new pack has, and what the page lives through
 * meanwhile. The background's memory is read from the operating system (the extension's process,
 * proportional set size) before and after.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StaticServer, startStaticServer } from '../../scripts/static-server';
import type { ExtensionBrowser } from '../e2e/harness/browsers';
import { ArticlePage, markTexts, OptionsPage } from '../e2e/harness/pages';
import { SubscriptionsSection } from '../e2e/harness/subscriptions';
import { syntheticPack } from '../support/synthetic-pack';
import { PAGE_PROBE, pageFigures, resetProbe } from './page-probe';

/** The pack's host, and one of its names for a page to show. */
export interface SubscriptionHost {
  entities: number;
  manifestUrl: string;
  /** All its files, in bytes. */
  bytes: number;
  /** `npm run pack -- --publish` of the whole pack, in ms. */
  publishMs: number;
  /** A name only this pack has. */
  name: string;
  close(): Promise<void>;
}

/** Host patterns the benchmark's browser grants up front (the extension still asks on the click). */
export const PACK_HOSTS = ['https://127.0.0.1/*'];

function npmPack(...args: string[]): string {
  return execFileSync('npm', ['run', '--silent', 'pack', '--', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Generate, publish, sign and serve a pack of `entities` entities under `dir`. */
export async function hostSubscription(dir: string, entities: number): Promise<SubscriptionHost> {
  mkdirSync(dir, { recursive: true });
  const pack = syntheticPack(entities, 11, 'syn:sub-');
  pack.id = 'bench.subscription';
  pack.name = `Subscription of ${entities.toLocaleString('en')} entities`;
  const named = pack.entities[Math.floor(entities / 2)] as (typeof pack.entities)[number];
  const file = join(dir, 'pack.json');
  writeFileSync(file, JSON.stringify(pack));
  const key = join(dir, 'publisher.pem');
  npmPack('--keygen', key);
  const site = join(dir, 'site');
  const started = Date.now();
  npmPack(
    '--publish',
    site,
    '--key',
    key,
    '--pack',
    file,
    '--publisher',
    'Backstory benchmark',
    '--licence',
    'CC0',
  );
  const publishMs = Date.now() - started;
  // A certificate for 127.0.0.1, made here and trusted by nothing but the benchmark's browsers.
  const tls = { cert: join(dir, 'cert.pem'), key: join(dir, 'cert-key.pem') };
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      tls.key,
      '-out',
      tls.cert,
    ],
    { stdio: 'ignore' },
  );
  const server: StaticServer = await startStaticServer(
    [{ prefix: '/pack/', dir: site, etag: true }],
    0,
    undefined,
    { cert: readFileSync(tls.cert, 'utf8'), key: readFileSync(tls.key, 'utf8') },
  );
  return {
    entities,
    manifestUrl: `${server.origin}/pack/manifest.json`,
    bytes: readdirSync(site).reduce((sum, name) => sum + statSync(join(site, name)).size, 0),
    publishMs,
    name: named.name,
    close: () => server.close(),
  };
}

/** The extension's processes' proportional set size, in MB (Linux's `/proc/PID/smaps_rollup`). */
async function extensionMemoryMb(browser: ExtensionBrowser): Promise<number> {
  const pids = (await browser.extensionProcesses?.()) ?? [];
  if (pids.length === 0) return Number.NaN;
  let kb = 0;
  for (const pid of pids) {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    kb += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? Number.NaN);
  }
  return kb / 1024;
}

/** What subscribing cost, as the reader and the open page saw it. */
export interface SubscriptionFigures {
  /** Click on Subscribe to the options page saying it is subscribed. */
  subscribedMs: number;
  /** Click on Subscribe to the open page's first mark of a name only the pack has. */
  activeMs: number;
  /** The open page's longest Long Animation Frame meanwhile (Chromium; NaN in Firefox). */
  longestFrameMs: number;
  /** The open page's longest 10 ms timer gap meanwhile. */
  longestGapMs: number;
  /** The extension's process before subscribing, and once the pack serves (options page closed). */
  memoryBeforeMb: number;
  memoryAfterMb: number;
}

/**
 * Subscribe to the hosted pack through the options page while `watchUrl` (a page naming
 * `host.name`) is open in front, and measure until that page marks the name.
 */
export async function subscribeMeasured(
  browser: ExtensionBrowser,
  host: SubscriptionHost,
  watchUrl: string,
): Promise<SubscriptionFigures> {
  const watching = await browser.newPage();
  await watching.addInitScript(PAGE_PROBE);
  await watching.goto(watchUrl);
  const article = new ArticlePage(watching, watchUrl);
  await article.waitForMarks((marks) => marks.length > 0);
  const memoryBeforeMb = await extensionMemoryMb(browser);
  const options = await OptionsPage.open(browser);
  const section = new SubscriptionsSection(options);
  const started = Date.now();
  await section.subscribe(host.manifestUrl);
  await watching.bringToFront();
  await resetProbe(watching);
  let subscribedMs = Number.NaN;
  const outcome = section
    .outcome(['subscribed', 'failed', 'refused', 'bad-address'], 600_000)
    .then((answer) => {
      subscribedMs = Date.now() - started;
      return answer;
    });
  const marked = article.waitForMarks((marks) => markTexts(marks).includes(host.name), 600_000);
  const answer = await outcome;
  if (answer.kind !== 'subscribed')
    throw new Error(`Subscribing failed (${answer.kind}): ${answer.text}`);
  await marked;
  const activeMs = Date.now() - started;
  const figures = await pageFigures(watching);
  await options.close();
  await watching.close();
  // The download is garbage once stored; give the background a moment to let it go.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  return {
    subscribedMs,
    activeMs,
    longestFrameMs: browser.name === 'chromium' ? figures.longestFrameAfterLoadMs : Number.NaN,
    longestGapMs: figures.longestGapAfterLoadMs,
    memoryBeforeMb,
    memoryAfterMb: await extensionMemoryMb(browser),
  };
}
