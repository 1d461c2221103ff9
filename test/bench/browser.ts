/**
 * Browser benchmark: the built extension annotating generated news pages of several sizes in
 * headless Chromium, against mark.js marking the same page with the 20 most frequent names in the
 * same run. Script time comes from CDP `Performance.getMetrics` (ScriptDuration), long frames from
 * Long Animation Frames entries (script and rendering), memory from the JS heap after GC.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, loadExtensionFlags } from '../../scripts/browsers';
import { startStaticServer } from '../../scripts/static-server';
import { fmt, median, printTable } from './stats';

export interface BrowserBenchOptions {
  sizes: { label: string; bytes: number; runs: number }[];
  /** Builds the page for a size and returns its HTML and the 20 names mark.js gets. */
  page: (bytes: number) => { html: string; names: string[] };
}

interface RunFigures {
  scriptMs: number;
  /** CPU in the measured script and what it called, from a sampled profile. */
  cpuMs: number;
  wallMs: number;
  longestFrameMs: number;
  longestAfterLoadMs: number;
  heapMb: number;
  marks: number;
}

const LOAF_INIT = `
  window.__loaf = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__loaf.push(e.toJSON()); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

/** One CDP session per measured page, with the Performance domain enabled before navigation. */
const sessions = new WeakMap<Page, CDPSession>();

async function metrics(page: Page): Promise<Record<string, number>> {
  const session = sessions.get(page) as CDPSession;
  const { metrics: list } = (await session.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function heapAfterGc(page: Page): Promise<number> {
  const session = sessions.get(page) as CDPSession;
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1e6;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url: string };
  children?: number[];
}

/**
 * Milliseconds of CPU the page's renderer spent in scripts `ours` recognises by URL, with everything they
 * called (DOM work included), from a sampled CPU profile. One measure for the extension's
 * content script (in its isolated world, which ScriptDuration does not count) and for mark.js.
 */
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

async function startProfile(page: Page): Promise<void> {
  const session = sessions.get(page) as CDPSession;
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 250 });
  await session.send('Profiler.start');
}

async function stopProfile(page: Page, ours: (url: string) => boolean): Promise<number> {
  const session = sessions.get(page) as CDPSession;
  const { profile } = (await session.send('Profiler.stop')) as {
    profile: Parameters<typeof profiledTime>[0];
  };
  return profiledTime(profile, ours);
}

/** Longest Long Animation Frame on the page, and the longest that started after the load event. */
async function longFrames(page: Page): Promise<{ longest: number; afterLoad: number }> {
  return page.evaluate(() => {
    const entries =
      (window as unknown as { __loaf?: { startTime: number; duration: number }[] }).__loaf ?? [];
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const loaded = navigation?.loadEventEnd ?? 0;
    let longest = 0;
    let afterLoad = 0;
    for (const entry of entries) {
      longest = Math.max(longest, entry.duration);
      if (entry.startTime >= loaded) afterLoad = Math.max(afterLoad, entry.duration);
    }
    return { longest, afterLoad };
  });
}

function countMarks(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
    for (const highlight of registry?.values() ?? []) total += highlight.size;
    return total;
  });
}

async function openMeasured(
  context: BrowserContext,
  url: string,
  profile = false,
): Promise<{ page: Page; loadedAt: number }> {
  const page = await context.newPage();
  await page.addInitScript(LOAF_INIT);
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  sessions.set(page, session);
  if (profile) await startProfile(page);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  return { page, loadedAt: Date.now() };
}

/** Extension run: load the page and wait until the number of marks stops changing. */
async function runExtension(context: BrowserContext, url: string): Promise<RunFigures> {
  const { page, loadedAt } = await openMeasured(context, url, true);
  let last = -1;
  let stableSince = Date.now();
  let settledAt = Date.now();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const marks = await countMarks(page);
    if (marks !== last) {
      last = marks;
      stableSince = Date.now();
      settledAt = Date.now();
    } else if (marks > 0 && Date.now() - stableSince > 1500) break;
    await page.waitForTimeout(100);
  }
  const cpuMs = await stopProfile(page, (url) => url.startsWith('chrome-extension://'));
  const figures = await metrics(page);
  const frames = await longFrames(page);
  if (process.env.BENCH_DEBUG) {
    console.log(
      JSON.stringify(
        await page.evaluate(() => (window as unknown as { __loaf: object[] }).__loaf),
        null,
        1,
      ).slice(0, 6000),
    );
  }
  const result = {
    scriptMs: (figures.ScriptDuration ?? 0) * 1000,
    cpuMs,
    wallMs: settledAt - loadedAt,
    longestFrameMs: frames.longest,
    longestAfterLoadMs: frames.afterLoad,
    heapMb: await heapAfterGc(page),
    marks: last,
  };
  await page.close();
  return result;
}

/** Baseline run: the same page with no extension, no marking (same polling as the extension run). */
async function runBaseline(context: BrowserContext, url: string): Promise<RunFigures> {
  const { page } = await openMeasured(context, url);
  for (let i = 0; i < 16; i++) {
    await countMarks(page);
    await page.waitForTimeout(100);
  }
  const figures = await metrics(page);
  const frames = await longFrames(page);
  const result = {
    scriptMs: (figures.ScriptDuration ?? 0) * 1000,
    cpuMs: 0,
    wallMs: 0,
    longestFrameMs: frames.longest,
    longestAfterLoadMs: frames.afterLoad,
    heapMb: await heapAfterGc(page),
    marks: 0,
  };
  await page.close();
  return result;
}

/** Peer run: mark.js marks the names on the same page. */
async function runMarkJs(
  context: BrowserContext,
  url: string,
  names: string[],
): Promise<RunFigures> {
  const { page } = await openMeasured(context, url);
  await page.addScriptTag({ path: resolve('node_modules/mark.js/dist/mark.min.js') });
  const before = await metrics(page);
  await startProfile(page);
  // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
  const { wall, marks } = (await page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    new Mark(document.body).mark(${JSON.stringify(names)}, {
      separateWordSearch: false,
      accuracy: 'exactly',
      diacritics: true,
      done: (count) => requestAnimationFrame(() => resolve({ wall: performance.now() - started, marks: count })),
    });
  })`)) as { wall: number; marks: number };
  await page.waitForTimeout(300);
  const cpuMs = await stopProfile(page, (url) => url.includes('mark.min.js'));
  const after = await metrics(page);
  const frames = await longFrames(page);
  const result = {
    scriptMs: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
    cpuMs,
    wallMs: wall,
    longestFrameMs: frames.longest,
    longestAfterLoadMs: frames.afterLoad,
    heapMb: await heapAfterGc(page),
    marks,
  };
  await page.close();
  return result;
}

export async function runBrowserBench(options: BrowserBenchOptions) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (set CHROME_PATH)');
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  mkdirSync(join(dir, 'pages'));
  const names = new Map<string, string[]>();
  for (const size of options.sizes) {
    const { html, names: terms } = options.page(size.bytes);
    writeFileSync(join(dir, 'pages', `${size.label}.html`), html);
    names.set(size.label, terms);
  }
  const server = await startStaticServer([{ prefix: '/', dir: join(dir, 'pages') }]);
  const extension = await chromium.launchPersistentContext(join(dir, 'profile-ext'), {
    executablePath,
    headless: false,
    args: [
      '--headless=new',
      ...CHROMIUM_FLAGS,
      ...loadExtensionFlags(resolve('.output/chrome-mv3')),
    ],
  });
  const plain = await chromium.launchPersistentContext(join(dir, 'profile-plain'), {
    executablePath,
    headless: false,
    args: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  // Let the background compile the matcher before the first measured page.
  const warm = await extension.newPage();
  await warm.goto(`${server.origin}/${options.sizes[0]?.label}.html`);
  await warm.waitForTimeout(3000);
  await warm.close();

  const rows: (string | number)[][] = [];
  const results: Record<string, Record<string, number>> = {};
  try {
    for (const size of options.sizes) {
      const url = `${server.origin}/${size.label}.html`;
      const ext: RunFigures[] = [];
      const base: RunFigures[] = [];
      const peer: RunFigures[] = [];
      for (let run = 0; run < size.runs; run++) {
        ext.push(await runExtension(extension, url));
        base.push(await runBaseline(plain, url));
        peer.push(await runMarkJs(plain, url, names.get(size.label) ?? []));
      }
      const m = (list: RunFigures[], key: keyof RunFigures) => median(list.map((run) => run[key]));
      const extScript = m(ext, 'cpuMs');
      const peerScript = m(peer, 'cpuMs');
      const figures = {
        extensionScriptMs: extScript,
        timeToMarksMs: m(ext, 'wallMs'),
        longestFrameMs: m(ext, 'longestFrameMs'),
        baselineLongestFrameMs: m(base, 'longestFrameMs'),
        longestAfterLoadMs: m(ext, 'longestAfterLoadMs'),
        baselineLongestAfterLoadMs: m(base, 'longestAfterLoadMs'),
        extensionHeapMb: m(ext, 'heapMb') - m(base, 'heapMb'),
        marks: m(ext, 'marks'),
        markJsScriptMs: peerScript,
        markJsWallMs: m(peer, 'wallMs'),
        markJsLongestFrameMs: m(peer, 'longestFrameMs'),
        markJsMarks: m(peer, 'marks'),
        ratio: peerScript > 0 ? extScript / peerScript : 0,
      };
      results[size.label] = figures;
      rows.push([
        size.label,
        size.runs,
        figures.marks,
        fmt(figures.extensionScriptMs, 0),
        fmt(figures.timeToMarksMs, 0),
        fmt(figures.longestFrameMs, 0),
        fmt(figures.baselineLongestFrameMs, 0),
        fmt(figures.longestAfterLoadMs, 0),
        fmt(figures.baselineLongestAfterLoadMs, 0),
        fmt(figures.extensionHeapMb, 1),
        figures.markJsMarks,
        fmt(figures.markJsScriptMs, 0),
        fmt(figures.markJsLongestFrameMs, 0),
        fmt(figures.ratio, 3),
      ]);
    }
  } finally {
    await extension.close();
    await plain.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    'Annotating pages in headless Chromium (medians; ext = the built extension, peer = mark.js with 20 names)',
    [
      'page',
      'runs',
      'marks',
      'ext script ms',
      'to marks ms',
      'longest frame',
      'no-ext',
      'after load',
      'no-ext after load',
      'ext heap MB',
      'peer marks',
      'peer script ms',
      'peer longest frame',
      'ext/peer',
    ],
    rows,
  );
  console.log(
    '  longest frame: longest Long Animation Frame (script + rendering; 0 = none over 50 ms), over the whole load and after the load event,',
  );
  console.log(
    '  when the extension does its work; no-ext: the same page without it. Script ms: CPU in the script and what it calls, from V8 profiles.',
  );
  return results;
}
