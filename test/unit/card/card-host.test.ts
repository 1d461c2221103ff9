// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardHost, type CardHostDeps, HIDE_GRACE, OPEN_DELAY } from '@/utils/card/card-host';
import type { Mention } from '@/utils/page/mention';
import { entity } from '../../support/entities';

/** Two fake mentions, one on each paragraph; the pointer is "on" one when its y is inside. */
function setup(loadDelay = 0) {
  document.body.innerHTML = '<p id="a">Daraa</p><p id="b">Amman</p>';
  const mention = (id: string, entityIndex: number): Mention => {
    const node = document.getElementById(id)?.firstChild as Text;
    return {
      entity: entityIndex,
      kind: 'place',
      range: {
        startContainer: node,
        startOffset: 0,
        endContainer: node,
        endOffset: node.data.length,
        collapsed: false,
      } as StaticRange,
      block: node.parentElement as Element,
      nodes: [node],
    };
  };
  const daraa = mention('a', 0);
  const amman = mention('b', 1);
  const names = ['Daraa', 'Amman'];
  const loads: string[] = [];
  const focused: (Mention | null)[] = [];
  const deps: CardHostDeps = {
    doc: document,
    mount: async () => {
      const host = document.createElement('backstory-card');
      const shadow = host.attachShadow({ mode: 'open' });
      const container = document.createElement('div');
      document.documentElement.append(host);
      return { host, shadow, container, remove: () => host.remove() };
    },
    load: async (id) => {
      loads.push(id);
      await new Promise((resolve) => setTimeout(resolve, loadDelay));
      return { entity: entity(id, 'place', id === 'Q1' ? 'Daraa' : 'Amman'), history: [] };
    },
    loadMap: async () => null,
    articleDate: () => ({
      date: '2021-08-22',
      source: 'meta',
      confidence: 0.9,
      detail: 'meta article:published_time',
      conflicts: [],
    }),
    mentionAt: (_x, y) => (y < 10 ? daraa : y < 20 ? amman : null),
    describe: (m) => ({ id: `Q${m.entity + 1}`, name: names[m.entity] as string, kind: 'place' }),
    focus: (m) => focused.push(m),
  };
  const abort = new AbortController();
  const host = new CardHost(deps, abort.signal);
  const title = () =>
    document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card__title')
      ?.textContent ?? null;
  const state = () =>
    document
      .querySelector('backstory-card')
      ?.shadowRoot?.querySelector('.card')
      ?.getAttribute('data-state') ?? null;
  const move = async (y: number) => {
    window.dispatchEvent(
      new PointerEvent('pointermove', { clientX: 5, clientY: y, pointerType: 'mouse' }),
    );
    await vi.advanceTimersByTimeAsync(20); // one animation frame
  };
  return { host, abort, daraa, amman, loads, focused, title, state, move };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  for (const el of document.documentElement.querySelectorAll('backstory-card')) el.remove();
});

describe('card host', () => {
  it('opens only after the pointer rests on a mention', async () => {
    const { move, title, loads, abort } = setup();
    await move(5);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY - 100);
    expect(title()).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(title()).toBe('Daraa');
    expect(loads).toEqual(['Q1']);
    abort.abort();
  });

  it('does not open for a pointer that only passes over', async () => {
    const { move, title, loads, abort } = setup();
    await move(5);
    await move(50);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY * 2);
    expect(title()).toBeNull();
    expect(loads).toEqual([]);
    abort.abort();
  });

  it('moves straight to the next mention once a card is open, and hides after a grace period', async () => {
    const { move, title, state, abort } = setup();
    await move(5);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY + 50);
    await move(15);
    await vi.advanceTimersByTimeAsync(10);
    expect(title()).toBe('Amman');
    await move(50);
    await vi.advanceTimersByTimeAsync(HIDE_GRACE - 100);
    expect(state()).toBe('ready');
    await vi.advanceTimersByTimeAsync(200);
    expect(state()).toBeNull();
    abort.abort();
  });

  it('drops a stale answer when another card was asked for meanwhile', async () => {
    const { host, daraa, amman, title, abort } = setup(500);
    void host.open(daraa, 'keyboard');
    await vi.advanceTimersByTimeAsync(100);
    void host.open(amman, 'keyboard');
    await vi.advanceTimersByTimeAsync(1000);
    expect(title()).toBe('Amman');
    abort.abort();
  });

  it('closes on Escape, marks the focused mention, and cleans up on abort', async () => {
    const { host, daraa, focused, state, abort } = setup();
    const opening = host.open(daraa, 'keyboard');
    await vi.advanceTimersByTimeAsync(10);
    await opening;
    expect(state()).toBe('ready');
    expect(focused.at(-1)).toBe(daraa);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(state()).toBeNull();
    expect(focused.at(-1)).toBeNull();
    abort.abort();
    expect(document.querySelector('backstory-card')).toBeNull();
  });
});
