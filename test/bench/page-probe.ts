/**
 * What a benchmarked page sees of itself: a script run in the page's world before its own, which
 * records Long Animation Frames (Chromium), the longest gap of a 10 ms timer after load (both
 * browsers: a main thread held up shows there), and when the first mark appeared.
 */
import type { TestPage } from '../e2e/harness/browsers';

/** In the page's world, before its scripts: its heartbeat, Long Animation Frames, and the first mark. */
export const PAGE_PROBE = `
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

/** The page's own account: first mark, longest frame and longest timer gap after load. */
export function pageFigures(page: TestPage) {
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

/** Forget what the probe saw so far: the figures then cover what happens from now on. */
export function resetProbe(page: TestPage): Promise<unknown> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: { maxGap: number; loaf: unknown[] } }).__bench;
    bench.maxGap = 0;
    bench.loaf.length = 0;
  });
}
