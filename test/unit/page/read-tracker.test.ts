// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageInput } from '@/utils/page/page-input';
import { READ_AFTER_MS, ReadTracker } from '@/utils/page/read-tracker';

let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => visibility,
  });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A tracker whose input is judged by `trusted` (the browser's isTrusted, in the extension). */
function track(trusted: boolean) {
  const abort = new AbortController();
  const onRead = vi.fn();
  const tracker = new ReadTracker(
    document,
    new PageInput(window, abort.signal, () => trusted),
    onRead,
    abort.signal,
  );
  return { tracker, onRead, abort };
}

describe('read tracker: only reading makes history', () => {
  it('counts a page read after it was in view long enough, once', async () => {
    const { tracker, onRead, abort } = track(true);
    await vi.advanceTimersByTimeAsync(READ_AFTER_MS - 1);
    expect(tracker.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(tracker.done).toBe(true);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    expect(onRead).toHaveBeenCalledTimes(1);
    abort.abort();
  });

  it('adds up only the time the page was visible', async () => {
    const { onRead, abort } = track(true);
    await vi.advanceTimersByTimeAsync(5000);
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onRead).not.toHaveBeenCalled();
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(READ_AFTER_MS - 5000 - 10);
    expect(onRead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(onRead).toHaveBeenCalledTimes(1);
    abort.abort();
  });

  it('counts a click or a key of the reader’s at once', () => {
    const click = track(true);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    expect(click.onRead).toHaveBeenCalledTimes(1);
    click.abort.abort();
    const key = track(true);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));
    expect(key.onRead).toHaveBeenCalledTimes(1);
    key.abort.abort();
  });

  it('ignores input the page made up, and a page hidden from the start never counts', async () => {
    const forged = track(false);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));
    expect(forged.onRead).not.toHaveBeenCalled();
    forged.abort.abort();
    visibility = 'hidden';
    const hidden = track(true);
    await vi.advanceTimersByTimeAsync(READ_AFTER_MS * 10);
    expect(hidden.onRead).not.toHaveBeenCalled();
    hidden.abort.abort();
  });

  it('stops at the end of its lifetime', async () => {
    const { onRead, abort } = track(true);
    abort.abort();
    await vi.advanceTimersByTimeAsync(READ_AFTER_MS * 2);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    expect(onRead).not.toHaveBeenCalled();
  });
});
