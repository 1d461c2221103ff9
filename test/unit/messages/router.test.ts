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

/** Every background message answered by a mock; the two under test answer for real. */
function stubHandlers(
  overrides: Partial<Handlers<BackgroundProtocol>> = {},
): Handlers<BackgroundProtocol> {
  const stubs = Object.fromEntries(
    Object.keys(BACKGROUND_SENDERS).map((name) => [name, vi.fn(() => null)]),
  );
  return { ...stubs, ...overrides } as unknown as Handlers<BackgroundProtocol>;
}

function makeRouter() {
  const handlers = stubHandlers({
    'page:ready': vi.fn(() => ({ ok: true as const })),
    'tab:status': vi.fn(({ tabId }: { tabId: number }) =>
      tabId === 7 ? { url: 'https://news.example/a', title: 'A', readyAt: 1 } : null,
    ),
  });
  return {
    handlers,
    route: createRouter<BackgroundProtocol>(handlers, BACKGROUND_SENDERS, OWN_ID, ORIGIN),
  };
}

const envelope = (name: string, payload: unknown) => ({ backstory: 1, name, payload }) as Envelope;

describe('message router', () => {
  it('answers an allowed sender with an ok result', async () => {
    const { route } = makeRouter();
    await expect(route(envelope('tab:status', { tabId: 7 }), popupSender)).resolves.toEqual({
      ok: true,
      value: { url: 'https://news.example/a', title: 'A', readyAt: 1 },
    });
  });

  it('refuses a content script asking for what only extension pages may ask', async () => {
    const { route, handlers } = makeRouter();
    const answer = await route(envelope('tab:status', { tabId: 7 }), contentSender);
    expect(answer).toEqual({ ok: false, error: 'tab:status is not allowed from this sender' });
    expect(handlers['tab:status']).not.toHaveBeenCalled();
  });

  it('never lets a content script change packs, entities or the history', async () => {
    const { route, handlers } = makeRouter();
    for (const name of [
      'packs:import',
      'packs:remove',
      'user:save',
      'user:delete',
      'history:clear',
      'history:list',
    ]) {
      const answer = await route(envelope(name, {}), contentSender);
      expect(answer).toEqual({ ok: false, error: `${name} is not allowed from this sender` });
      expect(handlers[name as keyof typeof handlers]).not.toHaveBeenCalled();
    }
  });

  it('ignores other extensions entirely', async () => {
    const { route, handlers } = makeRouter();
    const answer = await route(envelope('page:ready', { url: 'x', title: 'y' }), {
      ...contentSender,
      id: 'someone-else',
    });
    expect(answer).toMatchObject({ ok: false });
    expect(handlers['page:ready']).not.toHaveBeenCalled();
  });

  it('leaves messages that are not ours to other listeners', () => {
    const { route } = makeRouter();
    expect(route({ type: 'hello' }, popupSender)).toBeUndefined();
    expect(route(envelope('no:such', {}), popupSender)).toBeUndefined();
  });

  it('turns a throwing handler into an error result', async () => {
    const route = createRouter<BackgroundProtocol>(
      stubHandlers({
        'page:ready': () => {
          throw new Error('storage is gone');
        },
      }),
      BACKGROUND_SENDERS,
      OWN_ID,
      ORIGIN,
    );
    await expect(
      route(envelope('page:ready', { url: '', title: '' }), contentSender),
    ).resolves.toEqual({ ok: false, error: 'storage is gone' });
  });
});

describe('message client', () => {
  it('returns the router answer through the send seam', async () => {
    const { route } = makeRouter();
    const answer = await askBackground(async (m) => route(m, popupSender), 'tab:status', {
      tabId: 8,
    });
    expect(answer).toEqual({ ok: true, value: null });
  });

  it('reports a background that does not answer', async () => {
    await expect(askBackground(async () => undefined, 'tab:status', { tabId: 1 })).resolves.toEqual(
      {
        ok: false,
        error: 'No answer to tab:status',
      },
    );
    await expect(
      askBackground(
        async () => {
          throw new Error('Receiving end does not exist.');
        },
        'tab:status',
        { tabId: 1 },
      ),
    ).resolves.toEqual({ ok: false, error: 'Receiving end does not exist.' });
  });
});
