// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CardFrame, type CardFrameDeps } from '@/utils/card/card-frame';
import type { FromFrame, ToFrame } from '@/utils/card/frame-messages';
import { NOTHING_ASKED } from '@/utils/live/answer';
import { WIKIMEDIA_IMAGES } from '@/utils/live/build-config';
import { portPair, TOKEN } from '../../support/card-flow';
import { entity } from '../../support/entities';
import { testTranslator } from '../../support/i18n';

function frameWith(overrides: Partial<CardFrameDeps> = {}) {
  const drawn: (string | null)[] = [];
  const frame = new CardFrame({
    win: new EventTarget() as unknown as Window,
    token: async () => TOKEN,
    card: async () => ({
      entity: entity('Q1', 'place', 'Daraa'),
      history: [],
      articleDate: null,
      elapsedMs: 1,
      searchLinks: [],
    }),
    map: async () => null,
    readerLanguage: async () => 'en',
    translator: testTranslator,
    live: async () => ({ ...NOTHING_ASKED }),
    imageOrigins: [WIKIMEDIA_IMAGES],
    render: (model) => drawn.push(model?.state ?? null),
    cardElement: () => null,
    box: () => null,
    now: () => 0,
    ...overrides,
  });
  return { frame, drawn };
}

const greeting = (data: unknown, port?: unknown) =>
  new MessageEvent('message', { data, ports: port ? [port as MessagePort] : [] });

/** The page side's request to show Daraa's card (with the given changes). */
const showDaraa = (changes: Partial<Extract<ToFrame, { type: 'show' }>> = {}): ToFrame => ({
  type: 'show',
  request: 1,
  id: 'Q1',
  name: 'Daraa',
  kind: 'place',
  opener: 'hover',
  scheme: 'light',
  maxWidth: 360,
  maxHeight: 500,
  ...changes,
});

describe('card frame', () => {
  it('accepts only a greeting with the token the background vouches for, and only once', async () => {
    const { frame } = frameWith();
    const [, port] = portPair();
    expect(
      await frame.accept(greeting({ backstoryCard: 1, token: 'forged-token-0000' }, port)),
    ).toBe(false);
    expect(await frame.accept(greeting({ backstoryCard: 1, token: TOKEN }))).toBe(false);
    expect(await frame.accept(greeting('hello', port))).toBe(false);
    expect(await frame.accept(greeting({ backstoryCard: 1, token: TOKEN }, port))).toBe(true);
    const [, second] = portPair();
    expect(await frame.accept(greeting({ backstoryCard: 1, token: TOKEN }, second))).toBe(false);
  });

  it('refuses every greeting when the background holds no token for its tab', async () => {
    const { frame } = frameWith({ token: async () => null });
    const [, port] = portPair();
    expect(await frame.accept(greeting({ backstoryCard: 1, token: TOKEN }, port))).toBe(false);
  });

  it('shows loading, then the card it fetched itself, and reports its size; hides on request', async () => {
    const box = document.createElement('div');
    const { frame, drawn } = frameWith({ box: () => box });
    const [page, port] = portPair();
    await frame.accept(greeting({ backstoryCard: 1, token: TOKEN }, port));
    const heard: FromFrame[] = [];
    page.onmessage = (event) => heard.push(event.data as FromFrame);
    page.postMessage(showDaraa({ request: 4, scheme: 'dark' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drawn).toEqual(['loading', 'ready']);
    expect(heard).toContainEqual(expect.objectContaining({ type: 'size', request: 4 }));
    page.postMessage({ type: 'hide' } satisfies ToFrame);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(drawn.at(-1)).toBeNull();
  });

  it.each([
    ['keyboard', true],
    ['hover', false],
  ] as const)(
    'a card opened from the %s takes the focus coming into its frame: %s',
    async (opener, takes) => {
      const win = new EventTarget() as unknown as Window;
      const card = document.createElement('section');
      card.tabIndex = -1;
      document.body.append(card);
      const { frame } = frameWith({ win, cardElement: () => card });
      const [page, port] = portPair();
      await frame.accept(greeting({ backstoryCard: 1, token: TOKEN }, port));
      page.postMessage({
        type: 'show',
        request: 2,
        id: 'Q1',
        name: 'Daraa',
        kind: 'place',
        opener,
        scheme: 'light',
        maxWidth: 360,
        maxHeight: 500,
      } satisfies ToFrame);
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The frame's focus went elsewhere (its window lost it), and now comes back to the frame.
      card.blur();
      expect(document.activeElement).toBe(document.body);
      win.dispatchEvent(new Event('focus'));
      expect(document.activeElement === card).toBe(takes);
      card.remove();
    },
  );

  it('says so in the card when the background cannot answer', async () => {
    const models: unknown[] = [];
    const { frame } = frameWith({
      card: async () => {
        throw new Error('storage is gone');
      },
      render: (model) => models.push(model),
    });
    const [page, port] = portPair();
    await frame.accept(greeting({ backstoryCard: 1, token: TOKEN }, port));
    page.postMessage(showDaraa());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(models.at(-1)).toMatchObject({
      state: 'error',
      message: expect.stringContaining('storage is gone'),
    });
  });
});
