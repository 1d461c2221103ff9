// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '@/utils/messages/protocol';
import type { SenderInfo } from '@/utils/messages/sender';
import { type InPagePlatform, type MessageListener, startInPage } from '@/utils/page/in-page';
import { type As, builtInPack, inProcessBackground, OWN_ID } from '../../support/background';
import { entity } from '../../support/entities';
import { stubHighlights } from '../../support/highlights';

const PACK = builtInPack([
  entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] }),
  entity('Q3805', 'place', 'Amman', { en: ['Amman'] }),
]);
const URL = 'https://news.example/story';
const PAGE: As = { role: 'content', tab: 5, url: URL };
const POPUP: SenderInfo = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` };

let background = inProcessBackground(PACK);
let registry: Map<string, Set<AbstractRange>>;

beforeEach(() => {
  // A stand-in highlight registry (happy-dom has none); every block counts as near the viewport.
  registry = stubHighlights();
  document.body.innerHTML = '<p id="a">Troops ring Daraa.</p><p id="b">Amman urges calm.</p>';
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await background.close();
  background = inProcessBackground(PACK);
});

/** The script in pages on a fake browser whose background is the real one, in process. */
function start(options: { gone?: boolean } = {}) {
  const sent: string[] = [];
  const listeners: MessageListener[] = [];
  let loads = 0;
  let gone = options.gone ?? false;
  const platform: InPagePlatform = {
    doc: document,
    url: URL,
    send: async (message) => {
      if (gone) throw new Error('Extension context invalidated.');
      sent.push((message as Envelope).name as string);
      return background.route(message, PAGE);
    },
    listen: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    runtimeId: () => (gone ? undefined : OWN_ID),
    // Loading the card page is not for happy-dom: a blank frame stands in.
    cardUrl: () => 'about:blank',
    message: () => 'Backstory card',
    randomId: () => 'token-0123456789abcdef',
    isTrusted: () => true,
    loadOnDemand: async () => {
      loads++;
      return (await import('@/utils/page/on-demand-parts')).onDemandParts;
    },
  };
  const page = startInPage(platform);
  /** Send the content script a message as `sender`, as the popup or the background would. */
  const tell = (name: string, payload: unknown, sender = POPUP) =>
    new Promise<unknown>((resolve) => {
      const handled = listeners[0]?.({ backstory: 1, name, payload }, sender, resolve);
      if (!handled) resolve(undefined);
    });
  return {
    page,
    sent,
    tell,
    listeners,
    loads: () => loads,
    goAway: () => {
      gone = true;
    },
  };
}

const marks = () => [...registry.values()].reduce((sum, ranges) => sum + ranges.size, 0);

describe('the script in pages', () => {
  it('marks an ordinary article with one message, and loads no more of itself for it', async () => {
    const { page, sent, loads } = start();
    await vi.waitFor(() => expect(marks()).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toEqual(['page:start']);
    expect(page.cards()).toBeNull();
    expect(loads()).toBe(0);
    page.lifetime.abort();
  });

  it('answers the popup, and nobody else', async () => {
    const { page, tell } = start();
    await vi.waitFor(() => expect(marks()).toBe(2));
    const summary = (await tell('content:summary', {})) as {
      ok: true;
      value: { host: string; entities: { name: string }[] };
    };
    expect(summary.value.host).toBe('news.example');
    expect(summary.value.entities.map((found) => found.name)).toEqual(['Daraa', 'Amman']);
    const forged = (await tell(
      'content:summary',
      {},
      { id: OWN_ID, url: URL, tab: { id: 5 } },
    )) as {
      ok: boolean;
    };
    expect(forged.ok).toBe(false);
    page.lifetime.abort();
  });

  it('asks again how to mark the page when the background says settings changed', async () => {
    const { page, sent, tell } = start();
    await vi.waitFor(() => expect(marks()).toBe(2));
    background.setSettings({ ...background.settings(), enabled: false });
    expect(await tell('content:refresh', {})).toEqual({ ok: true, value: { active: false } });
    expect(marks()).toBe(0);
    expect(sent).toContain('page:config');
    page.lifetime.abort();
  });

  it('makes the card host when a card is first wanted (the keyboard command)', async () => {
    const { page, sent, tell } = start();
    await vi.waitFor(() => expect(marks()).toBe(2));
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue({ top: 10 } as DOMRect);
    const stepped = (await tell('content:step', { direction: 1 })) as { value: { entity: string } };
    expect(stepped.value.entity).toBe('Q238217');
    await vi.waitFor(() => expect(page.cards()).not.toBeNull());
    await vi.waitFor(() => expect(sent).toContain('card:register'));
    page.lifetime.abort();
  });

  it('records a page once read, and adds what was found since at most every half minute', async () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { page, sent } = start();
    await vi.waitFor(() => expect(marks()).toBe(2));
    window.dispatchEvent(new PointerEvent('pointerdown'));
    await vi.waitFor(() => expect(sent.filter((name) => name === 'page:read')).toHaveLength(1));
    const add = (text: string) => {
      const more = document.createElement('p');
      more.textContent = text;
      document.body.append(more);
    };
    add('Beirut and Daraa.');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sent.filter((name) => name === 'page:read')).toHaveLength(1);
    now += 31_000;
    background.setSettings(background.settings());
    unwrapSaved(
      await background.ask('user:save', {
        entity: entity('bs:beirut', 'place', 'Beirut', { en: ['Beirut'] }),
      }),
    );
    add('Beirut again.');
    await vi.waitFor(() => expect(sent.filter((name) => name === 'page:read')).toHaveLength(2), {
      timeout: 5000,
    });
    page.lifetime.abort();
  });

  it('stops, leaving the page as it was, once the extension is gone', async () => {
    const { page, goAway } = start();
    await vi.waitFor(() => expect(marks()).toBe(2));
    goAway();
    document.body.append(document.createElement('p'));
    (document.body.lastChild as HTMLElement).textContent = 'Daraa once more.';
    await vi.waitFor(() => expect(page.lifetime.signal.aborted).toBe(true));
    expect(marks()).toBe(0);
  });
});

function unwrapSaved(result: { ok: boolean }) {
  if (!result.ok) throw new Error('could not save the entity');
}
