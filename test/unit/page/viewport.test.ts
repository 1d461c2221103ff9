import { describe, expect, it } from 'vitest';
import { ViewportTracker } from '@/utils/page/viewport';

/** A window whose IntersectionObserver the test drives by hand. */
function windowWithObserver() {
  const observers: FakeObserver[] = [];
  class FakeObserver {
    readonly observed = new Set<Element>();
    constructor(
      readonly report: (entries: IntersectionObserverEntry[]) => void,
      readonly options: IntersectionObserverInit,
    ) {
      observers.push(this);
    }
    observe(target: Element) {
      this.observed.add(target);
    }
    unobserve(target: Element) {
      this.observed.delete(target);
    }
    disconnect() {
      this.observed.clear();
    }
  }
  const win = { IntersectionObserver: FakeObserver } as unknown as Window;
  const observer = () => observers[0] as FakeObserver;
  const entry = (target: Element, isIntersecting: boolean) =>
    ({ target, isIntersecting }) as IntersectionObserverEntry;
  return { win, observer, entry };
}

const block = (name: string) => ({ name }) as unknown as Element;

describe('viewport tracker', () => {
  it('reports blocks that come near the viewport and blocks that leave it', () => {
    const { win, observer, entry } = windowWithObserver();
    const changes: string[] = [];
    const label = (blocks: Element[]) =>
      blocks.map((b) => (b as unknown as { name: string }).name).join(',');
    const tracker = new ViewportTracker(win, (entered, left) =>
      changes.push(`+${label(entered)} -${label(left)}`),
    );
    expect(observer().options.rootMargin).toBe('100% 0px');
    const [a, b] = [block('a'), block('b')];
    tracker.observe(a);
    tracker.observe(b);
    expect(tracker.tracking).toBe(true);
    expect(tracker.isNear(a)).toBe(false);
    observer().report([entry(a, true), entry(b, false)]);
    expect(tracker.isNear(a)).toBe(true);
    // The same news twice changes nothing.
    observer().report([entry(a, true)]);
    observer().report([entry(a, false), entry(b, true)]);
    expect(changes).toEqual(['+a -', '+b -a']);
    // A block painted before tracking began counts as near until the observer says otherwise.
    const c = block('c');
    tracker.assumeNear(c);
    expect(tracker.isNear(c)).toBe(true);
    observer().report([entry(c, false)]);
    expect(changes.at(-1)).toBe('+ -c');
    tracker.unobserve(b);
    expect(tracker.isNear(b)).toBe(false);
    expect(observer().observed.has(b)).toBe(false);
    tracker.disconnect();
    expect(observer().observed.size).toBe(0);
  });

  it('counts everything as near where there is no IntersectionObserver (test DOMs)', () => {
    const tracker = new ViewportTracker({} as Window, () => {});
    expect(tracker.tracking).toBe(false);
    expect(tracker.isNear(block('a'))).toBe(true);
    tracker.observe(block('a'));
    tracker.disconnect();
  });
});
