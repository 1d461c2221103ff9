import { describe, expect, it, vi } from 'vitest';
import { askBackground } from '@/utils/messages/client';
import {
  BACKGROUND_SENDERS,
  type BackgroundProtocol,
  type Envelope,
} from '@/utils/messages/protocol';
import { createRouter, type Handlers } from '@/utils/messages/router';

const OWN_ID = 'backstory-test';
const ORIGIN = 'chrome-extension://backstory-test/';
const contentSender = { id: OWN_ID, url: 'https://news.example/a', tab: { id: 7 } };
const popupSender = { id: OWN_ID, url: `${ORIGIN}popup.html` };

/** Every background message answered by a mock; the ones under test answer for real. */
function stubHandlers(
  overrides: Partial<Handlers<BackgroundProtocol>> = {},
): Handlers<BackgroundProtocol> {
  const stubs = Object.fromEntries(
    Object.keys(BACKGROUND_SENDERS).map((name) => [name, vi.fn(() => null)]),
  );
  return { ...stubs, ...overrides } as unknown as Handlers<BackgroundProtocol>;
}

const HISTORY = [
  {
    url: 'https://news.example/a',
    title: 'A',
    site: 'news.example',
    entities: ['Q1'],
    visitedAt: 1,
  },
];

function makeRouter() {
  const handlers = stubHandlers({
    'page:summary': vi.fn(() => ({ ok: true as const })),
    'history:list': vi.fn(() => HISTORY),
  });
  return {
    handlers,
    route: createRouter<BackgroundProtocol>(handlers, BACKGROUND_SENDERS, OWN_ID, ORIGIN),
  };
}

const envelope = (name: string, payload: unknown) => ({ backstory: 1, name, payload }) as Envelope;

const summary = {
  active: true,
  host: 'news.example',
  url: 'https://news.example/a',
  title: 'A',
  entities: [],
};

describe('message router', () => {
  it('answers an allowed sender with an ok result', async () => {
    const { route } = makeRouter();
    await expect(route(envelope('history:list', {}), popupSender)).resolves.toEqual({
      ok: true,
      value: HISTORY,
    });
    await expect(route(envelope('page:summary', summary), contentSender)).resolves.toEqual({
      ok: true,
      value: { ok: true },
    });
  });

  it('refuses a content script asking for what only extension pages may ask', async () => {
    const { route, handlers } = makeRouter();
    const answer = await route(envelope('history:list', {}), contentSender);
    expect(answer).toEqual({ ok: false, error: 'history:list is not allowed from this sender' });
    expect(handlers['history:list']).not.toHaveBeenCalled();
  });

  it('never lets a content script change packs, entities or the history', async () => {
    const { route, handlers } = makeRouter();
    for (const name of [
      'packs:import',
      'packs:remove',
      'user:save',
      'user:delete',
      'history:clear',
    ]) {
      const answer = await route(envelope(name, {}), contentSender);
      expect(answer).toEqual({ ok: false, error: `${name} is not allowed from this sender` });
      expect(handlers[name as keyof typeof handlers]).not.toHaveBeenCalled();
    }
  });

  it('ignores other extensions entirely', async () => {
    const { route, handlers } = makeRouter();
    const answer = await route(envelope('page:summary', summary), {
      ...contentSender,
      id: 'someone-else',
    });
    expect(answer).toMatchObject({ ok: false });
    expect(handlers['page:summary']).not.toHaveBeenCalled();
  });

  it('leaves messages that are not ours to other listeners', () => {
    const { route } = makeRouter();
    expect(route({ type: 'hello' }, popupSender)).toBeUndefined();
    expect(route(envelope('no:such', {}), popupSender)).toBeUndefined();
  });

  it('turns a throwing handler into an error result', async () => {
    const route = createRouter<BackgroundProtocol>(
      stubHandlers({
        'page:summary': () => {
          throw new Error('storage is gone');
        },
      }),
      BACKGROUND_SENDERS,
      OWN_ID,
      ORIGIN,
    );
    await expect(route(envelope('page:summary', summary), contentSender)).resolves.toEqual({
      ok: false,
      error: 'storage is gone',
    });
  });
});

describe('message client', () => {
  it('returns the router answer through the send seam', async () => {
    const { route } = makeRouter();
    const answer = await askBackground(async (m) => route(m, popupSender), 'history:list', {});
    expect(answer).toEqual({ ok: true, value: HISTORY });
  });

  it('reports a background that does not answer', async () => {
    await expect(askBackground(async () => undefined, 'history:list', {})).resolves.toEqual({
      ok: false,
      error: 'No answer to history:list',
    });
    await expect(
      askBackground(
        async () => {
          throw new Error('Receiving end does not exist.');
        },
        'history:list',
        {},
      ),
    ).resolves.toEqual({ ok: false, error: 'Receiving end does not exist.' });
  });
});
