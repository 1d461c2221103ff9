// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PageInput } from '@/utils/page/page-input';

describe('page input', () => {
  it('adds one window listener per event type, however many subscribe, and only when one does', () => {
    const abort = new AbortController();
    const add = vi.spyOn(window, 'addEventListener');
    const input = new PageInput(window, abort.signal, () => true);
    expect(add).not.toHaveBeenCalled();
    const seen: string[] = [];
    input.on('keydown', (event) => seen.push(`a ${event.key}`));
    input.on('keydown', (event) => seen.push(`b ${event.key}`));
    input.on('pointerdown', () => seen.push('down'));
    expect(add.mock.calls.map(([type]) => type)).toEqual(['keydown', 'pointerdown']);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'x' }));
    window.dispatchEvent(new PointerEvent('pointerdown'));
    expect(seen).toEqual(['a x', 'b x', 'down']);
    abort.abort();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'y' }));
    expect(seen).toHaveLength(3);
  });

  it('hands on only the events its trust rule accepts (the browser’s: isTrusted)', () => {
    const abort = new AbortController();
    const seen: string[] = [];
    new PageInput(window, abort.signal).on('keydown', (event) => seen.push(event.key));
    // A script's event, as a page would forge one: isTrusted is false.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(seen).toEqual([]);
    const judged: Event[] = [];
    new PageInput(window, abort.signal, (event) => {
      judged.push(event);
      return false;
    }).on('keydown', (event) => seen.push(event.key));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(judged).toHaveLength(1);
    expect(seen).toEqual([]);
    abort.abort();
  });
});
