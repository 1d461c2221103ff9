import type { TestPage } from './browsers';

/**
 * What a reader would notice, measured against the same page in the same browser without
 * Backstory, open at the same time (`launchBrowser(name, { plain: true })`): both suffer the same
 * busy machine, so the difference is Backstory's. Fixed limits instead would fail on a loaded
 * two-core machine, or pass a regression on a fast one.
 */

/**
 * How much longer than the page without Backstory a page's longest stall may be (its own 10 ms
 * timer's longest gap): half a second, where a reader sees the page freeze. Backstory works in
 * slices of a few tens of milliseconds; on a loaded two-core machine one of them, preempted, has
 * stretched a stall by 270 ms (Firefox, 200,000 text nodes), so a tighter bound would be noise.
 */
export const STALL_ALLOWANCE_MS = 500;

/**
 * How much more JavaScript heap (after a full collection) a page may hold with Backstory than
 * without: what is left once a page is read is its mentions and ranges, a few megabytes even on
 * the largest test pages; more means text or nodes kept by mistake.
 */
export const HEAP_ALLOWANCE_MB = 32;

/** The page's own pulse (test/fixtures/pages/hostile/heartbeat.js): a 10 ms timer from its load. */
export interface Pulse {
  ticks: number;
  /** The longest gap between two ticks, in ms: the longest the page's main thread was stuck. */
  maxGap: number;
}

/** Read the page's pulse (zero ticks where the page has no heartbeat). */
export function pulseOf(page: TestPage): Promise<Pulse> {
  return page.evaluate(() => {
    const beat = (window as unknown as { __heartbeat?: Pulse }).__heartbeat;
    return { ticks: beat?.ticks ?? 0, maxGap: beat?.maxGap ?? 0 };
  });
}

/** Forget the longest gap so far: from now on, the pulse measures a new stretch. */
export async function restartPulse(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const beat = (window as unknown as { __heartbeat?: Pulse }).__heartbeat;
    if (beat) beat.maxGap = 0;
  });
}

/**
 * The page's JavaScript heap after a full garbage collection, in MB: every world of the page's
 * isolate, the content script's included. Chromium only (DevTools); null elsewhere.
 */
export async function heapAfterGc(page: TestPage): Promise<number | null> {
  if (!page.cdp) return null;
  const session = await page.cdp();
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / 1e6;
}
