import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_MS, Slice, TaskStats, whenIdle, yieldToPage } from '@/utils/page/slices';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A clock the test moves by hand (performance.now). */
function handClock() {
  let now = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return (ms: number) => {
    now += ms;
  };
}

describe('time slicing', () => {
  it('records each stretch of work: the longest, how many, those over 50 ms, the sum', () => {
    const stats = new TaskStats();
    for (const ms of [4, 60, 7]) stats.record(ms);
    expect(stats).toMatchObject({ longestMs: 60, tasks: 3, overBudget: 1, busyMs: 71 });
  });

  it('yields to the page only once a slice is spent, and records the stretch before it', async () => {
    const tick = handClock();
    const stats = new TaskStats();
    const slice = new Slice(SLICE_MS, stats);
    tick(SLICE_MS - 1);
    expect(slice.spent).toBe(false);
    await slice.breathe();
    expect(stats.tasks).toBe(0);
    tick(1);
    expect(slice.spent).toBe(true);
    await slice.breathe();
    expect(stats.tasks).toBe(1);
    expect(stats.longestMs).toBe(SLICE_MS);
    // A new slice starts after the yield.
    expect(slice.spent).toBe(false);
    tick(2);
    slice.finish();
    expect(stats.busyMs).toBe(SLICE_MS + 2);
  });

  it('records the stretch before a wait for the background, not the wait', async () => {
    const tick = handClock();
    const stats = new TaskStats();
    const slice = new Slice(SLICE_MS, stats);
    tick(3);
    let answer: (value: string) => void = () => {};
    const waited = slice.wait(new Promise<string>((resolve) => (answer = resolve)));
    tick(500); // the background's time: not the page's
    answer('matched');
    await expect(waited).resolves.toBe('matched');
    tick(1);
    slice.finish();
    expect(stats.tasks).toBe(2);
    expect(stats.busyMs).toBe(4);
  });

  it('stops at a yield or a wait once its signal ended', async () => {
    const abort = new AbortController();
    abort.abort(new DOMException('session over', 'AbortError'));
    await expect(yieldToPage(abort.signal)).rejects.toThrow('session over');
    await expect(new Slice().wait(Promise.resolve(1), abort.signal)).rejects.toThrow(
      'session over',
    );
  });

  it('runs work when the page is idle, or after a timeout where there is no idle callback', () => {
    vi.useFakeTimers();
    const idle = vi.fn((_work: () => void, _options?: { timeout: number }) => 7);
    const cancel = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    vi.stubGlobal('cancelIdleCallback', cancel);
    const work = vi.fn();
    whenIdle(work, 300)();
    expect(idle).toHaveBeenCalledWith(work, { timeout: 300 });
    expect(cancel).toHaveBeenCalledWith(7);
    vi.stubGlobal('requestIdleCallback', undefined);
    whenIdle(work);
    vi.advanceTimersByTime(50);
    expect(work).toHaveBeenCalledTimes(1);
    const stop = whenIdle(work);
    stop();
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
