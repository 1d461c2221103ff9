/**
 * Browser benchmark, in Chromium and in Firefox: the built extension on generated news pages of
 * several sizes, with the default pack and with 100,000 more entities, against mark.js marking
 * the same page with the 20 names the extension finds most often, in the same run.
 *
 * What each figure is, and how it is measured:
 * - ext CPU: Backstory's work on the page's main thread. Chromium: CPU sampled by the V8 profiler
 *   in every stack with an extension frame (the content script's isolated world included, which
 *   `Performance.getMetrics` leaves out). Firefox has no such profile for a content script over
 *   WebDriver BiDi, so there it is the content script's own account: the sum of its stretches of
 *   work, timed with `performance.now()` around each (`content:diagnostics` busyMs). Chromium
 *   reports both, so the two methods can be compared.
 * - to marks: from the page's load event to the first mark on screen, seen by a page script
 *   polling `CSS.highlights` each animation frame.
 * - longest frame after load: Chromium's Long Animation Frames; Firefox has none, so the longest
 *   gap of the page's own 10 ms timer after load stands in (both are given for Chromium).
 * - peer: mark.js CPU (Chromium, profiled the same way) or wall time (Firefox; it works
 *   synchronously), on the same page in a browser without the extension.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../../scripts/static-server';
import type { CardData } from '../../utils/messages/protocol';
import {
  type BrowserName,
  type CdpSession,
  type ExtensionBrowser,
  launchBrowser,
  PRODUCTION_DIRS,
  type TestPage,
} from '../e2e/harness/browsers';
import { CardPage } from '../e2e/harness/card';
import { diagnosticsOf, OptionsPage } from '../e2e/harness/pages';
import { syntheticPack } from '../support/synthetic-pack';
import { writeFloorExtension } from './floor-extension';
import { PAGE_PROBE, pageFigures, resetProbe } from './page-probe';
import {
  GeckoProfiler,
  geckoProfileMs,
  type IsOurs,
  taskTracer,
  v8ProfileMs,
  v8Profiler,
  v8TaskCpuMs,
} from './profiles';
import { median } from './stats';
import {
  PACK_HOSTS,
  type SubscriptionFigures,
  type SubscriptionHost,
  subscribeMeasured,
} from './subscription';

/** Median of one numeric field over runs. */
function medianOf<T>(runs: readonly T[], key: keyof T): number {
  return median(runs.map((run) => run[key] as number));
}

export interface BrowserBenchOptions {
  sizes: { label: string; bytes: number; runs: number }[];
  /** Builds the page for a size and returns its HTML and the 20 names mark.js gets. */
  page: (bytes: number) => { html: string; names: string[] };
  /** Card opens measured per case. */
  cardRuns: number;
  /** Entities in the extra pack ("+100k"). */
  extra: number;
  /** Pages with the default pack only: no extra pack, no cards (`--pages`). */
  pagesOnly?: boolean;
  /** Backstory from this unpacked build instead of the production build (`--build=DIR`). */
  extensionDir?: string;
  /** A pack to subscribe to after the extra pack's runs; pages are measured again with it. */
  subscription?: SubscriptionHost;
}

/** One page load's figures. */
interface PageRun {
  /** The extension's time on the page's main thread, from the profile (V8: wall; Gecko: CPU). */
  cpuMs: number;
  /** The same in CPU time (Chromium: its tasks' CPU time, by the profile's share; Gecko: = cpuMs). */
  taskCpuMs: number;
  busyMs: number;
  toMarksMs: number;
  longestFrameAfterLoadMs: number;
  longestGapAfterLoadMs: number;
  heapMb: number;
  marks: number;
  batches: number;
  /** Round trips to the background for matching, summed. */
  matchWaitMs: number;
  /** The page's first question to the background (waking it, loading the matcher if it had stopped). */
  firstConfigMs: number;
}

async function heapMb(session: CdpSession | null): Promise<number> {
  if (!session) return Number.NaN;
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1e6;
}

function countMarks(page: TestPage): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    for (const highlight of CSS.highlights?.values() ?? []) total += highlight.size;
    return total;
  });
}

/** The page's main thread, profiled for one page load: V8's profiler in Chromium, Gecko's in Firefox. */
interface ThreadProfile {
  /**
   * Milliseconds inside scripts `ours` recognises (and whatever they called): profiled, and in CPU
   * time. With `BENCH_PROFILES=DIR`, Chromium's profile is kept as `DIR/<label>-<n>.cpuprofile`
   * (DevTools' Performance panel opens it) to see where the time went.
   */
  stop(ours: IsOurs, label: string): Promise<{ ms: number; cpuMs: number }>;
}

let profilesKept = 0;

async function startThreadProfile(
  browser: ExtensionBrowser,
  session: CdpSession | null,
): Promise<ThreadProfile> {
  if (session) {
    const tasks = await taskTracer.start(session);
    await v8Profiler.start(session);
    return {
      stop: async (ours, label) => {
        const profile = await v8Profiler.stop(session);
        const keep = process.env.BENCH_PROFILES;
        if (keep) {
          mkdirSync(keep, { recursive: true });
          writeFileSync(
            join(keep, `${label}-${++profilesKept}.cpuprofile`),
            JSON.stringify(profile),
          );
        }
        const events = await tasks();
        return { ms: v8ProfileMs(profile, ours), cpuMs: v8TaskCpuMs(profile, events, ours) };
      },
    };
  }
  if (!browser.bidi) throw new Error(`No profiler for ${browser.name}`);
  const gecko = new GeckoProfiler(browser.bidi);
  await gecko.start();
  return {
    stop: async (ours) => {
      const ms = geckoProfileMs(await gecko.stop(), ours);
      return { ms, cpuMs: ms };
    },
  };
}

/** A script of an extension, in either browser. */
const isExtensionScript: IsOurs = (url) =>
  url.startsWith('chrome-extension://') || url.startsWith('moz-extension://');

/** Open a page with the probe, with its main thread profiled from before the navigation. */
async function openProbed(browser: ExtensionBrowser, url: string, profile: boolean) {
  const page = await browser.newPage();
  await page.addInitScript(PAGE_PROBE);
  const session = page.cdp ? await page.cdp() : null;
  const profiler = profile ? await startThreadProfile(browser, session) : null;
  await page.goto(url);
  return { page, session, profiler };
}

/**
 * An extension (Backstory, or the floor) on a page: load it, wait until its marks stop changing,
 * and take what the extension cost the page's main thread from the profile.
 */
async function runExtension(browser: ExtensionBrowser, url: string, own = true): Promise<PageRun> {
  const { page, session, profiler } = await openProbed(browser, url, true);
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const marks = await countMarks(page);
    if (marks !== last) {
      last = marks;
      stableSince = Date.now();
    } else if (marks > 0 && Date.now() - stableSince > 1500) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const profiled = (await profiler?.stop(isExtensionScript, own ? 'backstory' : 'floor')) ?? {
    ms: Number.NaN,
    cpuMs: Number.NaN,
  };
  const figures = await pageFigures(page);
  // Only Backstory keeps its own account (the floor answers no messages).
  const diagnostics = own ? await diagnosticsOf(browser, url) : null;
  const run: PageRun = {
    cpuMs: profiled.ms,
    taskCpuMs: profiled.cpuMs,
    busyMs: diagnostics?.busyMs ?? Number.NaN,
    ...figures,
    heapMb: await heapMb(session),
    marks: last,
    batches: diagnostics?.batches ?? Number.NaN,
    matchWaitMs: diagnostics?.matchWaitMs ?? Number.NaN,
    firstConfigMs: diagnostics?.firstConfigMs ?? Number.NaN,
  };
  await page.close();
  return run;
}

/** The same page without the extension: its own frames, gaps and heap. */
async function runBaseline(plain: ExtensionBrowser, url: string) {
  const { page, session } = await openProbed(plain, url, false);
  await new Promise((r) => setTimeout(r, 1600));
  const figures = await pageFigures(page);
  const run = { ...figures, heapMb: await heapMb(session) };
  await page.close();
  return run;
}

/** mark.js marks the names on the same page, in a browser without the extension. */
async function runMarkJs(plain: ExtensionBrowser, url: string, names: string[]) {
  const { page, session } = await openProbed(plain, url, false);
  await page.addScript(resolve('node_modules/mark.js/dist/mark.min.js'));
  if (session) await v8Profiler.start(session);
  // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
  const { wall, marks } = (await page.evaluate(
    new Function(`return new Promise((resolve) => {
      const started = performance.now();
      new Mark(document.body).mark(${JSON.stringify(names)}, {
        separateWordSearch: false,
        accuracy: 'exactly',
        diacritics: true,
        done: (count) => resolve({ wall: performance.now() - started, marks: count }),
      });
    })`) as () => Promise<{ wall: number; marks: number }>,
  )) as { wall: number; marks: number };
  await new Promise((r) => setTimeout(r, 300));
  const cpuMs = session
    ? v8ProfileMs(await v8Profiler.stop(session), (script) => script.includes('mark.min.js'))
    : Number.NaN;
  await page.close();
  return { cpuMs, wallMs: wall, marks };
}

/** Hover a mention and time until its card is ready and shown (polled, about 10 ms apart). */
async function timeCard(card: CardPage, page: TestPage, id: string, text: string) {
  const point = await card.pointOf(id, text);
  await page.mouseMove(point.x - 40, point.y - 20);
  await page.mouseMove(point.x - 2, point.y);
  const started = Date.now();
  await page.mouseMove(point.x, point.y);
  for (;;) {
    const frame = await card.frame();
    const box = frame ? await frame.box() : null;
    const title =
      frame && box
        ? await frame.evaluate(
            () => document.querySelector('.card[data-state="ready"] .card__title')?.textContent,
          )
        : null;
    if (title === text) return Date.now() - started;
    if (Date.now() - started > 20_000) {
      const marks = await page.evaluate(() =>
        [...(CSS.highlights?.values() ?? [])].flatMap((h) =>
          [...h].map((r) => {
            const live = new Range();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            return live.toString();
          }),
        ),
      );
      throw new Error(
        `No card for ${text}: marks ${JSON.stringify(marks)}, frame ${!!frame}, box ${JSON.stringify(box)}, title ${title}`,
      );
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Ask the background for a card from inside the card frame, as the frame does: round trip and the background's own time. */
async function askCard(card: CardPage, id: string) {
  const frame = await card.frame();
  if (!frame) throw new Error('No card frame');
  return frame.evaluate(async (entity) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const api =
      (globalThis as { browser?: Api }).browser ?? (globalThis as { chrome?: Api }).chrome;
    const started = performance.now();
    const answer = (await api?.runtime.sendMessage({
      backstory: 1,
      name: 'card:data',
      payload: { id: entity },
    })) as { value: CardData };
    return { roundTripMs: performance.now() - started, backgroundMs: answer.value.elapsedMs };
  }, id);
}

/** Import a pack through the options page while a page is read in front; its time and the page's longest gap. */
async function importPack(browser: ExtensionBrowser, file: string, watchUrl: string) {
  const watching = await browser.newPage();
  await watching.addInitScript(PAGE_PROBE);
  await watching.goto(watchUrl);
  const options = await OptionsPage.open(browser);
  const started = Date.now();
  await options.startImport(file);
  await watching.bringToFront();
  await resetProbe(watching);
  const verdict = await options.importVerdict(600_000);
  const ms = Date.now() - started;
  if (!verdict.ok) throw new Error(`Import failed: ${verdict.text}`);
  const { longestGapAfterLoadMs } = await pageFigures(watching);
  await options.close();
  await watching.close();
  return { ms, pageGapMs: longestGapAfterLoadMs };
}

/** Minified and gzipped size of the built content script. */
export function contentScriptSize(
  name: BrowserName,
  dir = PRODUCTION_DIRS[name],
): { bytes: number; gzipped: number } {
  const file = join(dir, 'in-page.js');
  return { bytes: statSync(file).size, gzipped: gzipSync(readFileSync(file)).length };
}

/** A short page: a lead naming places of the built-in pack, then `name` (from another pack). */
function shortPage(title: string, name: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<p id="lead">Talks in Daraa, in southern Syria, were followed from Amman and Beirut.</p>
<p id="extra">${name} arrived later.</p></body></html>`;
}

export type BrowserBenchResult = Awaited<ReturnType<typeof runBrowserBench>>;

/** Run every measure in one browser. */
export async function runBrowserBench(name: BrowserName, options: BrowserBenchOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  mkdirSync(join(dir, 'pages'));
  const names = new Map<string, string[]>();
  for (const size of options.sizes) {
    const { html, names: terms } = options.page(size.bytes);
    writeFileSync(join(dir, 'pages', `${size.label}.html`), html);
    names.set(size.label, terms);
  }
  const extra = syntheticPack(options.extra);
  const named = extra.entities[options.extra - 7] as (typeof extra.entities)[number];
  writeFileSync(join(dir, 'extra.json'), JSON.stringify(extra));
  writeFileSync(join(dir, 'pages', 'card.html'), shortPage('Cards', named.name));
  const subscription = options.pagesOnly ? undefined : options.subscription;
  if (subscription)
    writeFileSync(
      join(dir, 'pages', 'subscription.html'),
      shortPage('Subscription', subscription.name),
    );
  const server = await startStaticServer([{ prefix: '/', dir: join(dir, 'pages') }]);
  const launched = Date.now();
  const extension = await launchBrowser(name, {
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : { production: true }),
    ...(subscription ? { allowHosts: PACK_HOSTS, trustAnyCertificate: true } : {}),
  });
  const launchMs = Date.now() - launched;
  const plain = await launchBrowser(name, { plain: true });
  const floorDir = writeFloorExtension(join(dir, 'floor'), name, [...names.values()].flat());
  const floor = await launchBrowser(name, { extensionDir: floorDir });
  const url = (label: string) => `${server.origin}/${label}.html`;

  const pages: Record<string, Record<string, Record<string, number>>> = {};
  const cards: Record<string, number> = {};
  /** The page without the extension, and mark.js on it: measured once per size. */
  const peers = new Map<string, Record<string, number>>();
  /** The floor on each page, measured between Backstory's runs on it with the default pack. */
  const floors = new Map<string, PageRun[]>();
  let imported = { ms: Number.NaN, pageGapMs: Number.NaN };
  let subscribed: SubscriptionFigures | null = null;
  try {
    // A fresh install reads the built-in pack in place: the first page is marked at once.
    cards.installMs = launchMs;
    cards.firstPageToMarksMs = (await runExtension(extension, url('card'))).toMarksMs;
    // The floor gets a first page too, so neither extension is measured on its first.
    const [smallest] = options.sizes;
    if (smallest) await runExtension(floor, url(smallest.label), false);

    const extraPack = `+${Math.round(options.extra / 1000)}k`;
    const subscribedPack = subscription
      ? `+${Math.round(subscription.entities / 1000)}k subscribed`
      : null;
    const packs = options.pagesOnly
      ? ['default']
      : ['default', extraPack, ...(subscribedPack ? [subscribedPack] : [])];
    for (const pack of packs) {
      if (pack === extraPack)
        imported = await importPack(extension, join(dir, 'extra.json'), url('card'));
      if (subscription && pack === subscribedPack)
        subscribed = await subscribeMeasured(extension, subscription, url('subscription'));
      const rows: Record<string, Record<string, number>> = {};
      pages[pack] = rows;
      for (const size of options.sizes) {
        // Backstory, the floor, the page alone and mark.js, run after run (the last three with
        // the default pack only: they do not depend on it), so a slower stretch of the machine
        // falls on all of them.
        const ext: PageRun[] = [];
        const first = !peers.has(size.label);
        const floorRuns = floors.get(size.label) ?? [];
        const base: Awaited<ReturnType<typeof runBaseline>>[] = [];
        const marked: Awaited<ReturnType<typeof runMarkJs>>[] = [];
        for (let run = 0; run < size.runs; run++) {
          ext.push(await runExtension(extension, url(size.label)));
          if (!first) continue;
          floorRuns.push(await runExtension(floor, url(size.label), false));
          base.push(await runBaseline(plain, url(size.label)));
          marked.push(await runMarkJs(plain, url(size.label), names.get(size.label) ?? []));
        }
        floors.set(size.label, floorRuns);
        if (first)
          peers.set(size.label, {
            frameAfterLoadMs: medianOf(base, 'longestFrameAfterLoadMs'),
            gapAfterLoadMs: medianOf(base, 'longestGapAfterLoadMs'),
            heapMb: medianOf(base, 'heapMb'),
            cpuMs: medianOf(marked, name === 'chromium' ? 'cpuMs' : 'wallMs'),
            marks: medianOf(marked, 'marks'),
          });
        const peer = peers.get(size.label) as Record<string, number>;
        const extCpu = medianOf(ext, 'cpuMs');
        const floorCpu = medianOf(floorRuns, 'cpuMs');
        const extTaskCpu = medianOf(ext, 'taskCpuMs');
        const floorTaskCpu = medianOf(floorRuns, 'taskCpuMs');
        const peerCpu = peer.cpuMs as number;
        rows[size.label] = {
          runs: size.runs,
          marks: medianOf(ext, 'marks'),
          extCpuMs: extCpu,
          floorCpuMs: floorCpu,
          floorMarks: medianOf(floorRuns, 'marks'),
          floorToMarksMs: medianOf(floorRuns, 'toMarksMs'),
          floorRatio: extCpu / floorCpu,
          extTaskCpuMs: extTaskCpu,
          floorTaskCpuMs: floorTaskCpu,
          taskCpuRatio: extTaskCpu / floorTaskCpu,
          extSelfTimedMs: medianOf(ext, 'busyMs'),
          toMarksMs: medianOf(ext, 'toMarksMs'),
          longestFrameAfterLoadMs: medianOf(ext, 'longestFrameAfterLoadMs'),
          longestGapAfterLoadMs: medianOf(ext, 'longestGapAfterLoadMs'),
          floorGapAfterLoadMs: medianOf(floorRuns, 'longestGapAfterLoadMs'),
          baselineFrameAfterLoadMs: peer.frameAfterLoadMs as number,
          baselineGapAfterLoadMs: peer.gapAfterLoadMs as number,
          heapAddedMb: medianOf(ext, 'heapMb') - (peer.heapMb as number),
          batches: medianOf(ext, 'batches'),
          peerCpuMs: peerCpu,
          peerMarks: peer.marks as number,
          ratio: peerCpu > 0 ? extCpu / peerCpu : Number.NaN,
          floorPeerRatio: peerCpu > 0 ? floorCpu / peerCpu : Number.NaN,
        };
      }
    }

    if (options.pagesOnly)
      return {
        browser: name,
        pages,
        cards,
        import: imported,
        subscribed,
        contentScript: contentScriptSize(name, options.extensionDir),
      };
    // Cards: hover to a shown, filled card, on a page that has shown none yet (the frame loads) and on one that has.
    const first: number[] = [];
    const later: number[] = [];
    const frameHeap: number[] = [];
    for (let run = 0; run < options.cardRuns; run++) {
      const page = await extension.newPage();
      await page.goto(url('card'));
      await page.waitFor(() => [...(CSS.highlights?.values() ?? [])].some((h) => h.size >= 3));
      await page.bringToFront();
      const card = new CardPage(page);
      first.push(await timeCard(card, page, 'lead', 'Daraa'));
      await page.mouseMove(5, 5);
      await card.waitClosed();
      later.push(await timeCard(card, page, 'lead', 'Amman'));
      const frame = await card.frame();
      if (frame?.cdp) frameHeap.push(await heapMb(await frame.cdp()));
      await page.close();
    }
    cards.firstCardMs = median(first);
    cards.laterCardMs = median(later);
    cards.frameHeapMb = frameHeap.length ? median(frameHeap) : Number.NaN;

    // A card for an entity of the big pack, asked by the card frame: warm, and from a worker
    // that was stopped (Chromium stops an idle service worker; Firefox's background page stays).
    const page = await extension.newPage();
    await page.goto(url('card'));
    await page.waitFor(() => [...(CSS.highlights?.values() ?? [])].some((h) => h.size >= 4));
    await page.bringToFront();
    const card = new CardPage(page);
    await timeCard(card, page, 'extra', named.name);
    const warm = await askCard(card, named.id);
    cards.bigPackCardBackgroundMs = warm.backgroundMs;
    cards.bigPackCardRoundTripMs = warm.roundTripMs;
    if (extension.stopWorker) {
      await extension.stopWorker();
      const cold = await askCard(card, named.id);
      cards.coldWorkerCardBackgroundMs = cold.backgroundMs;
      cards.coldWorkerCardRoundTripMs = cold.roundTripMs;
      // A page opened on a stopped worker: its first question wakes it and loads the matcher
      // from IndexedDB; then its one batch is matched.
      await extension.stopWorker();
      const fresh = await runExtension(extension, url('card'));
      cards.coldWorkerFirstAnswerMs = fresh.firstConfigMs;
      cards.coldWorkerFirstMatchMs = fresh.batches === 1 ? fresh.matchWaitMs : Number.NaN;
    }
    await page.close();
  } finally {
    await extension.close();
    await plain.close();
    await floor.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    browser: name,
    pages,
    cards,
    import: imported,
    subscribed,
    contentScript: contentScriptSize(name, options.extensionDir),
  };
}
