// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FoundEntity } from '@/utils/messages/protocol';
import { CardHost, HIDE_GRACE } from '@/utils/page/card-host';
import { HoverIntent, OPEN_DELAY } from '@/utils/page/hover-intent';
import type { Mention } from '@/utils/page/mention';
import { PageInput } from '@/utils/page/page-input';
import { builtInPack, inProcessBackground } from '../../support/background';
import { connectFrame } from '../../support/card-flow';
import { entity } from '../../support/entities';
import { wholeNodeMention } from '../../support/mentions';

const PACK = builtInPack([
  entity('Q1', 'place', 'Daraa', { en: ['Daraa'] }),
  entity('Q2', 'place', 'Amman', { en: ['Amman'] }),
]);
let background = inProcessBackground(PACK);

/** Real time: the frame's data comes through the in-process background's IndexedDB and ports. */
const realTimeout = globalThis.setTimeout;
/**
 * Wait, in real time and without moving the fake clock, until `check` holds: the card's data
 * arrives through real asynchronous work that a loaded machine may take a while to finish.
 */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error('Timed out waiting for the card');
    await vi.advanceTimersByTimeAsync(0);
    await new Promise((done) => realTimeout(done, 10));
  }
}

/**
 * Two mentions, one on each paragraph; the pointer is "on" one when its y is inside. The card
 * frame on the other end is the real one, fed by the real background.
 */
async function setup(options: { trusted?: boolean } = {}) {
  document.body.innerHTML = '<p id="a">Daraa</p><p id="b">Amman</p>';
  const mention = (id: string, entityRef: number): Mention =>
    wholeNodeMention(document.getElementById(id)?.firstChild as Text, entityRef);
  const daraa = mention('a', 0);
  const amman = mention('b', 1);
  const found: FoundEntity[] = [
    { ref: 0, id: 'Q1', name: 'Daraa', kind: 'place' },
    { ref: 1, id: 'Q2', name: 'Amman', kind: 'place' },
  ];
  const focused: (Mention | null)[] = [];
  const frame = await connectFrame(background);
  let connects = 0;
  const abort = new AbortController();
  // Unit tests can only dispatch synthetic events; the trust rule has its own test below.
  const input = new PageInput(
    window,
    abort.signal,
    options.trusted === false ? undefined : () => true,
  );
  const host = new CardHost(
    {
      doc: document,
      input,
      connect: async () => {
        connects++;
        return frame.link;
      },
      describe: (m) => found[m.entity] ?? null,
      focus: (m) => focused.push(m),
      scheme: () => 'light',
    },
    abort.signal,
  );
  new HoverIntent(
    window,
    input,
    {
      mentionAt: (_x, y) => (y < 10 ? daraa : y < 20 ? amman : null),
      cards: async () => host,
      madeCards: () => host,
    },
    abort.signal,
  );
  const title = () => frame.frameDoc.querySelector('.card__title')?.textContent ?? null;
  const state = () => frame.frameDoc.querySelector('.card')?.getAttribute('data-state') ?? null;
  const visible = () => frame.link.frame.style.getPropertyValue('visibility') === 'visible';
  let x = 5;
  const move = async (y: number) => {
    x++;
    window.dispatchEvent(
      new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse' }),
    );
    await vi.advanceTimersByTimeAsync(20); // one animation frame
  };
  return {
    host,
    abort,
    daraa,
    amman,
    focused,
    frame,
    title,
    state,
    visible,
    move,
    connects: () => connects,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  vi.useRealTimers();
  await background.close();
  background = inProcessBackground(PACK);
});

describe('card host', () => {
  it('opens only after the pointer rests on a mention, and shows the card beside it', async () => {
    const { move, title, visible, frame, connects, abort } = await setup();
    await move(5);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY - 100);
    expect(title()).toBeNull();
    // The frame starts loading while the pointer rests, before the card is due.
    expect(connects()).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(title()).toBe('Daraa');
    expect(visible()).toBe(true);
    expect(frame.sent.at(-1)).toMatchObject({ type: 'show', id: 'Q1', opener: 'hover' });
    abort.abort();
  });

  it('does not open for a pointer that only passes over', async () => {
    const { move, title, frame, abort } = await setup();
    await move(5);
    await move(50);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY * 2);
    expect(title()).toBeNull();
    expect(frame.sent).toEqual([]);
    abort.abort();
  });

  it('moves straight to the next mention once a card is open, and hides after a grace period', async () => {
    const { move, title, state, visible, abort } = await setup();
    await move(5);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY + 50);
    await move(15);
    await vi.advanceTimersByTimeAsync(10);
    expect(title()).toBe('Amman');
    await until(() => state() === 'ready');
    await move(50);
    await vi.advanceTimersByTimeAsync(HIDE_GRACE - 100);
    expect(state()).toBe('ready');
    await vi.advanceTimersByTimeAsync(200);
    expect(state()).toBeNull();
    expect(visible()).toBe(false);
    abort.abort();
  });

  it('drops a stale answer when another card was asked for meanwhile', async () => {
    const { host, daraa, amman, title, abort } = await setup();
    void host.open(daraa, 'keyboard');
    void host.open(amman, 'keyboard');
    await vi.advanceTimersByTimeAsync(100);
    expect(title()).toBe('Amman');
    abort.abort();
  });

  it('closes on Escape in the page or in the card, marks the focused mention, and cleans up on abort', async () => {
    const { host, daraa, focused, state, frame, abort } = await setup();
    await host.open(daraa, 'keyboard');
    await vi.advanceTimersByTimeAsync(50);
    await until(() => state() === 'ready');
    expect(focused.at(-1)).toBe(daraa);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await vi.advanceTimersByTimeAsync(10);
    expect(state()).toBeNull();
    expect(focused.at(-1)).toBeNull();
    await host.open(daraa, 'keyboard');
    await vi.advanceTimersByTimeAsync(50);
    frame.frameWin.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await vi.advanceTimersByTimeAsync(10);
    expect(state()).toBeNull();
    abort.abort();
    expect(frame.link.host.isConnected).toBe(true); // the fake link is removed by its owner
  });

  it.each([
    ['the reader coming back gives it the focus, once', true, 2],
    ['the page forging the window’s focus moves nothing', false, 1],
  ])(
    'a card opened from the keyboard while the tab was not in front: %s',
    async (_, trusted, calls) => {
      const { host, daraa, frame, state, visible, abort } = await setup({ trusted });
      const away = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
      const focus = vi.spyOn(frame.link.frame, 'focus').mockImplementation(() => {});
      await host.open(daraa, 'keyboard');
      await vi.advanceTimersByTimeAsync(50);
      await until(() => visible() && state() === 'ready');
      expect(focus).toHaveBeenCalledTimes(1);
      away.mockReturnValue(true);
      window.dispatchEvent(new FocusEvent('focus'));
      window.dispatchEvent(new FocusEvent('focus'));
      expect(focus).toHaveBeenCalledTimes(calls);
      away.mockRestore();
      abort.abort();
    },
  );

  it.each([
    ['takes the focus back when the reader returns', false, 2],
    ['leaves it where the reader put it on the page', true, 1],
  ])(
    'a card opened from the keyboard in the tab in front that lost the focus just after: %s',
    async (_, elsewhere, calls) => {
      const { host, daraa, frame, state, visible, abort } = await setup({ trusted: true });
      const focus = vi.spyOn(frame.link.frame, 'focus').mockImplementation(() => {});
      await host.open(daraa, 'keyboard');
      await vi.advanceTimersByTimeAsync(50);
      await until(() => visible() && state() === 'ready');
      expect(focus).toHaveBeenCalledTimes(1);
      const field = document.createElement('button');
      document.body.append(field);
      if (elsewhere) field.focus();
      window.dispatchEvent(new FocusEvent('focus'));
      expect(focus).toHaveBeenCalledTimes(calls);
      field.remove();
      abort.abort();
    },
  );

  it('opens on a touch of a mention and closes on a touch elsewhere', async () => {
    const { title, state, abort } = await setup();
    window.dispatchEvent(
      new PointerEvent('pointerdown', { clientX: 5, clientY: 15, pointerType: 'touch' }),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(title()).toBe('Amman');
    window.dispatchEvent(
      new PointerEvent('pointerdown', { clientX: 5, clientY: 50, pointerType: 'touch' }),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(state()).toBeNull();
    abort.abort();
  });

  it('ignores a pointer "move" that did not move (a page scrolling a mention under it)', async () => {
    const { title, abort } = await setup();
    const still = new PointerEvent('pointermove', {
      clientX: 3,
      clientY: 50,
      pointerType: 'mouse',
    });
    window.dispatchEvent(still);
    await vi.advanceTimersByTimeAsync(20);
    // Same spot, now over a mention: the page scrolled, the reader did nothing.
    window.dispatchEvent(
      new PointerEvent('pointermove', { clientX: 3, clientY: 50, pointerType: 'mouse' }),
    );
    await vi.advanceTimersByTimeAsync(OPEN_DELAY * 2);
    expect(title()).toBeNull();
    abort.abort();
  });

  it('opens nothing for events the reader did not make', async () => {
    const { title, frame, connects, abort } = await setup({ trusted: false });
    for (let y = 5; y < 20; y += 5) {
      window.dispatchEvent(
        new PointerEvent('pointermove', { clientX: y, clientY: y, pointerType: 'mouse' }),
      );
      await vi.advanceTimersByTimeAsync(20);
    }
    window.dispatchEvent(
      new PointerEvent('pointerdown', { clientX: 5, clientY: 5, pointerType: 'touch' }),
    );
    await vi.advanceTimersByTimeAsync(OPEN_DELAY * 2);
    expect(title()).toBeNull();
    expect(frame.sent).toEqual([]);
    expect(connects()).toBe(0);
    abort.abort();
  });
});
