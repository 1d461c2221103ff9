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
import { median } from './stats';

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
}

/** One page load's figures. */
interface PageRun {
  cpuMs: number;
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

/** In the page's world, before its scripts: its heartbeat, Long Animation Frames, and the first mark. */
const PAGE_PROBE = `
  window.__bench = { loaf: [], firstMarkAt: 0, maxGap: 0, last: 0 };
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.loaf.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  addEventListener('load', () => {
    const bench = window.__bench;
    bench.last = performance.now();
    setInterval(() => {
      const now = performance.now();
      bench.maxGap = Math.max(bench.maxGap, now - bench.last);
      bench.last = now;
    }, 10);
  });
  (function watch() {
    const registry = window.CSS && CSS.highlights;
    let marks = 0;
    if (registry) for (const highlight of registry.values()) marks += highlight.size;
    if (marks > 0 && !window.__bench.firstMarkAt) window.__bench.firstMarkAt = performance.now();
    else requestAnimationFrame(watch);
  })();
`;

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

/** CPU ms in scripts `ours` recognises by URL, and everything they called, from a sampled profile. */
function profiledTime(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
  ours: (url: string) => boolean,
): number {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = parentOf.get(id);
    const result =
      (!!node && ours(node.callFrame.url)) || (parent !== undefined && isInside(parent));
    inside.set(id, result);
    return result;
  };
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (isInside(id)) micros += profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

async function startProfile(session: CdpSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 250 });
  await session.send('Profiler.start');
}

async function stopProfile(session: CdpSession, ours: (url: string) => boolean): Promise<number> {
  const { profile } = (await session.send('Profiler.stop')) as {
    profile: Parameters<typeof profiledTime>[0];
  };
  return profiledTime(profile, ours);
}

async function heapMb(session: CdpSession | null): Promise<number> {
  if (!session) return Number.NaN;
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1e6;
}

/** The page's own account: first mark, longest frame and longest timer gap after load. */
function pageFigures(page: TestPage) {
  return page.evaluate(() => {
    const bench = (
      window as unknown as {
        __bench: {
          loaf: { start: number; duration: number }[];
          firstMarkAt: number;
          maxGap: number;
        };
      }
    ).__bench;
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const loaded = navigation?.loadEventEnd ?? 0;
    const afterLoad = bench.loaf.filter((entry) => entry.start >= loaded);
    return {
      toMarksMs: bench.firstMarkAt ? Math.max(0, bench.firstMarkAt - loaded) : Number.NaN,
      longestFrameAfterLoadMs: Math.max(0, ...afterLoad.map((entry) => entry.duration)),
      longestGapAfterLoadMs: bench.maxGap,
    };
  });
}

function countMarks(page: TestPage): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    for (const highlight of CSS.highlights?.values() ?? []) total += highlight.size;
    return total;
  });
}

/** Open a page with the probe (and the profiler running in Chromium). */
async function openProbed(browser: ExtensionBrowser, url: string, profile: boolean) {
  const page = await browser.newPage();
  await page.addInitScript(PAGE_PROBE);
  const session = page.cdp ? await page.cdp() : null;
  if (session && profile) await startProfile(session);
  await page.goto(url);
  return { page, session };
}

/** The extension on a page: load it and wait until its marks stop changing. */
async function runExtension(browser: ExtensionBrowser, url: string): Promise<PageRun> {
  const { page, session } = await openProbed(browser, url, true);
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
  const cpuMs = session
    ? await stopProfile(session, (script) => script.startsWith('chrome-extension://'))
    : Number.NaN;
  const figures = await pageFigures(page);
  const diagnostics = await diagnosticsOf(browser, url);
  const run: PageRun = {
    cpuMs,
    busyMs: diagnostics.busyMs,
    ...figures,
    heapMb: await heapMb(session),
    marks: last,
    batches: diagnostics.batches,
    matchWaitMs: diagnostics.matchWaitMs,
    firstConfigMs: diagnostics.firstConfigMs,
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
  if (session) await startProfile(session);
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
    ? await stopProfile(session, (script) => script.includes('mark.min.js'))
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
  await watching.evaluate(() => {
    (window as unknown as { __bench: { maxGap: number } }).__bench.maxGap = 0;
  });
  const verdict = await options.importVerdict(600_000);
  const ms = Date.now() - started;
  if (!verdict.ok) throw new Error(`Import failed: ${verdict.text}`);
  const { longestGapAfterLoadMs } = await pageFigures(watching);
  await options.close();
  await watching.close();
  return { ms, pageGapMs: longestGapAfterLoadMs };
}

/** Minified and gzipped size of the built content script. */
export function contentScriptSize(name: BrowserName): { bytes: number; gzipped: number } {
  const file = join(PRODUCTION_DIRS[name], 'in-page.js');
  return { bytes: statSync(file).size, gzipped: gzipSync(readFileSync(file)).length };
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
  writeFileSync(
    join(dir, 'pages', 'card.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cards</title></head><body>
<p id="lead">Talks in Daraa, in southern Syria, were followed from Amman and Beirut.</p>
<p id="extra">${named.name} arrived later.</p></body></html>`,
  );
  const server = await startStaticServer([{ prefix: '/', dir: join(dir, 'pages') }]);
  const launched = Date.now();
  const extension = await launchBrowser(name, { production: true });
  const launchMs = Date.now() - launched;
  const plain = await launchBrowser(name, { plain: true });
  const url = (label: string) => `${server.origin}/${label}.html`;

  const pages: Record<string, Record<string, Record<string, number>>> = {};
  const cards: Record<string, number> = {};
  /** The page without the extension, and mark.js on it: measured once per size. */
  const peers = new Map<string, Record<string, number>>();
  let imported = { ms: Number.NaN, pageGapMs: Number.NaN };
  try {
    // A fresh install reads the built-in pack in place: the first page is marked at once.
    cards.installMs = launchMs;
    cards.firstPageToMarksMs = (await runExtension(extension, url('card'))).toMarksMs;

    for (const pack of ['default', `+${Math.round(options.extra / 1000)}k`]) {
      if (pack !== 'default')
        imported = await importPack(extension, join(dir, 'extra.json'), url('card'));
      const rows: Record<string, Record<string, number>> = {};
      pages[pack] = rows;
      for (const size of options.sizes) {
        const ext: PageRun[] = [];
        for (let run = 0; run < size.runs; run++)
          ext.push(await runExtension(extension, url(size.label)));
        let peer = peers.get(size.label);
        if (!peer) {
          const base: Awaited<ReturnType<typeof runBaseline>>[] = [];
          const marked: Awaited<ReturnType<typeof runMarkJs>>[] = [];
          for (let run = 0; run < size.runs; run++) {
            base.push(await runBaseline(plain, url(size.label)));
            marked.push(await runMarkJs(plain, url(size.label), names.get(size.label) ?? []));
          }
          peer = {
            frameAfterLoadMs: medianOf(base, 'longestFrameAfterLoadMs'),
            gapAfterLoadMs: medianOf(base, 'longestGapAfterLoadMs'),
            heapMb: medianOf(base, 'heapMb'),
            cpuMs: medianOf(marked, name === 'chromium' ? 'cpuMs' : 'wallMs'),
            marks: medianOf(marked, 'marks'),
          };
          peers.set(size.label, peer);
        }
        const extCpu = medianOf(ext, name === 'chromium' ? 'cpuMs' : 'busyMs');
        rows[size.label] = {
          runs: size.runs,
          marks: medianOf(ext, 'marks'),
          extCpuMs: extCpu,
          extSelfTimedMs: medianOf(ext, 'busyMs'),
          toMarksMs: medianOf(ext, 'toMarksMs'),
          longestFrameAfterLoadMs: medianOf(ext, 'longestFrameAfterLoadMs'),
          longestGapAfterLoadMs: medianOf(ext, 'longestGapAfterLoadMs'),
          baselineFrameAfterLoadMs: peer.frameAfterLoadMs as number,
          baselineGapAfterLoadMs: peer.gapAfterLoadMs as number,
          heapAddedMb: medianOf(ext, 'heapMb') - (peer.heapMb as number),
          batches: medianOf(ext, 'batches'),
          peerCpuMs: peer.cpuMs as number,
          peerMarks: peer.marks as number,
          ratio: (peer.cpuMs as number) > 0 ? extCpu / (peer.cpuMs as number) : Number.NaN,
        };
      }
    }

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
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { browser: name, pages, cards, import: imported, contentScript: contentScriptSize(name) };
}
