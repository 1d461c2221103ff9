import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND_MESSAGES, type BackgroundProtocol } from '@/utils/messages/background-messages';
import { askBackground } from '@/utils/messages/client';
import type { Envelope } from '@/utils/messages/protocol';
import { createRouter, type Handlers, ProblemsError } from '@/utils/messages/router';
import { type SenderInfo, senderRole } from '@/utils/messages/sender';

const OWN_ID = 'backstory-test';
const ORIGIN = 'chrome-extension://backstory-test';
const contentSender = { id: OWN_ID, url: 'https://news.example/a', tab: { id: 7 }, frameId: 0 };
const popupSender = { id: OWN_ID, url: `${ORIGIN}/popup.html` };
const cardSender = { id: OWN_ID, url: `${ORIGIN}/card.html`, tab: { id: 7 } };

/** Every background message answered by a stub: the router, not the handlers, is under test. */
function stubHandlers(
  overrides: Partial<Handlers<BackgroundProtocol>> = {},
): Handlers<BackgroundProtocol> {
  const stubs = Object.fromEntries(
    Object.keys(BACKGROUND_MESSAGES).map((name) => [name, vi.fn(() => null)]),
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

function makeRouter(overrides: Partial<Handlers<BackgroundProtocol>> = {}) {
  const handlers = stubHandlers({
    'page:count': vi.fn(() => ({ ok: true as const })),
    'history:list': vi.fn(() => HISTORY),
    ...overrides,
  });
  return { handlers, route: createRouter(handlers, BACKGROUND_MESSAGES, OWN_ID) };
}

const envelope = (name: string, payload: unknown) => ({ backstory: 1, name, payload }) as Envelope;

describe('sender roles', () => {
  it('tells content scripts, card frames and our own pages apart, and trusts nothing else', () => {
    expect(senderRole(contentSender, OWN_ID)).toBe('content');
    expect(senderRole(popupSender, OWN_ID)).toBe('extension-page');
    expect(senderRole(cardSender, OWN_ID)).toBe('card');
    // Chrome serves the card frame under a per-session id; the scheme and path decide.
    expect(
      senderRole({ ...cardSender, url: 'chrome-extension://0f1e2d3c-aaaa/card.html' }, OWN_ID),
    ).toBe('card');
    expect(senderRole({ ...cardSender, url: 'moz-extension://uuid/card.html' }, OWN_ID)).toBe(
      'card',
    );
    const cases: SenderInfo[] = [
      { ...contentSender, id: 'someone-else' },
      { ...contentSender, frameId: 3 },
      { id: OWN_ID, url: 'https://news.example/a' },
      { id: OWN_ID },
      { ...cardSender, tab: undefined },
      { id: OWN_ID, url: 'not a url', tab: { id: 1 } },
    ];
    for (const sender of cases) expect(senderRole(sender, OWN_ID)).toBeNull();
  });
});

describe('message router', () => {
  it('answers an allowed sender with an ok result', async () => {
    const { route } = makeRouter();
    await expect(route(envelope('history:list', {}), popupSender)).resolves.toEqual({
      ok: true,
      value: HISTORY,
    });
    await expect(
      route(envelope('page:count', { active: true, entities: 2 }), contentSender),
    ).resolves.toEqual({ ok: true, value: { ok: true } });
  });

  it('refuses a content script asking for what only extension pages or card frames may ask', async () => {
    const { route, handlers } = makeRouter();
    for (const name of [
      'history:list',
      'packs:import',
      'packs:remove',
      'user:save',
      'user:delete',
      'history:clear',
      'card:data',
      'card:hello',
      'map:locator',
    ]) {
      const answer = await route(envelope(name, {}), contentSender);
      expect(answer).toEqual({ ok: false, errors: [`${name} is not allowed from this sender`] });
      expect(handlers[name as keyof typeof handlers]).not.toHaveBeenCalled();
    }
  });

  it('gives a card frame only what a card needs', async () => {
    const { route } = makeRouter();
    for (const name of ['page:match', 'page:read', 'history:list', 'packs:list', 'user:save'])
      expect(await route(envelope(name, {}), cardSender)).toMatchObject({ ok: false });
    expect(await route(envelope('card:hello', {}), cardSender)).toMatchObject({ ok: true });
  });

  it('checks every payload against its schema before a handler sees it', async () => {
    const { route, handlers } = makeRouter();
    const bad = await route(envelope('page:count', { active: 'yes', entities: -1 }), contentSender);
    expect(bad).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^message page:count, field active: /),
        expect.stringMatching(/^message page:count, field entities: /),
      ],
    });
    const extra = await route(envelope('history:list', { limit: 5, evil: true }), popupSender);
    expect(extra).toMatchObject({ ok: false });
    const huge = await route(
      envelope('page:match', {
        session: 'session-1-abcdef',
        key: 'k',
        ids: [0],
        texts: ['x'.repeat(600_000)],
      }),
      contentSender,
    );
    expect(huge).toEqual({ ok: false, errors: ['message page:match: Batch too large'] });
    expect(handlers['page:count']).not.toHaveBeenCalled();
    expect(handlers['page:match']).not.toHaveBeenCalled();
  });

  it('ignores other extensions entirely', async () => {
    const { route, handlers } = makeRouter();
    const answer = await route(envelope('page:count', { active: true, entities: 1 }), {
      ...contentSender,
      id: 'someone-else',
    });
    expect(answer).toMatchObject({ ok: false });
    expect(handlers['page:count']).not.toHaveBeenCalled();
  });

  it('leaves messages that are not ours to other listeners', () => {
    const { route } = makeRouter();
    expect(route({ type: 'hello' }, popupSender)).toBeUndefined();
    expect(route(envelope('no:such', {}), popupSender)).toBeUndefined();
  });

  it('turns a throwing handler into an error result, keeping every problem it lists', async () => {
    const { route } = makeRouter({
      'page:count': () => {
        throw new Error('storage is gone');
      },
      'user:save': () => {
        throw new ProblemsError(['field name: too long', 'field kind: unknown']);
      },
    });
    await expect(
      route(envelope('page:count', { active: true, entities: 1 }), contentSender),
    ).resolves.toEqual({ ok: false, errors: ['storage is gone'] });
    await expect(route(envelope('user:save', { entity: {} }), popupSender)).resolves.toEqual({
      ok: false,
      errors: ['field name: too long', 'field kind: unknown'],
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
      errors: ['No answer to history:list'],
    });
    await expect(
      askBackground(
        async () => {
          throw new Error('Receiving end does not exist.');
        },
        'history:list',
        {},
      ),
    ).resolves.toEqual({ ok: false, errors: ['Receiving end does not exist.'] });
  });
});
