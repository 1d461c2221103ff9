// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectDateEvidence } from '@/utils/article-date/evidence';
import type { BackgroundProtocol } from '@/utils/messages/background-messages';
import { unwrap } from '@/utils/messages/client';
import { PageController } from '@/utils/page/controller';
import { MentionFocus } from '@/utils/page/mention-focus';
import { type As, builtInPack, inProcessBackground } from '../../support/background';
import { entity } from '../../support/entities';
import { stubHighlights } from '../../support/highlights';

const PACK = builtInPack([
  entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] }),
  entity('Q3805', 'place', 'Amman', { en: ['Amman'] }),
]);
const URL = 'https://news.example/story';
const TAB = 3;
const PAGE: As = { role: 'content', tab: TAB, url: URL };

let background = inProcessBackground(PACK);
let abort: AbortController;
let sent: string[];
/** Messages lost on the way, in order (a background that was restarting): each throws once. */
let lose: string[];

/** What the page's highlight registry holds: each mark's text, in document order. */
let registry: Map<string, Set<AbstractRange>>;

beforeEach(() => {
  // happy-dom has no CSS highlights: a stand-in registry records what is painted. Without an
  // IntersectionObserver every block counts as near the viewport.
  registry = stubHighlights();
  document.body.innerHTML =
    '<p id="a">Troops ring Daraa.</p><p id="b">Amman urges calm.</p><p id="c">No names here.</p>';
  abort = new AbortController();
  sent = [];
  lose = [];
});
afterEach(async () => {
  abort.abort();
  vi.unstubAllGlobals();
  await background.close();
  background = inProcessBackground(PACK);
});

/** Ask the in-process background as this page's content script, recording what was asked. */
async function ask<N extends keyof BackgroundProtocol & string>(
  name: N,
  payload: BackgroundProtocol[N]['request'],
): Promise<BackgroundProtocol[N]['response']> {
  sent.push(name);
  if (lose[0] === name) {
    lose.shift();
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }
  return unwrap(await background.ask(name, payload, PAGE));
}

function controller(retryFirstMs = 1000) {
  const counted: number[] = [];
  const stops = { count: 0 };
  let ids = 0;
  const page = new PageController(
    {
      doc: document,
      host: () => 'news.example',
      start: (batch) => ask('page:start', batch),
      config: () => ask('page:config', {}),
      match: (batch) => ask('page:match', batch),
      dateEvidence: () => collectDateEvidence(document, URL),
      sessionId: () => `session-${++ids}-abcdef`,
      report: (count) => void ask('page:count', count),
      counted: (entities) => counted.push(entities),
      onStop: () => stops.count++,
      retryFirstMs,
    },
    abort.signal,
  );
  return { page, counted, stops };
}

const textOf = (range: AbstractRange) =>
  (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
/** The marks painted, in no particular order of highlights but in document order within each. */
const marked = () =>
  [...registry]
    .filter(([name]) => name !== 'backstory-focus')
    .flatMap(([, ranges]) => [...ranges].map(textOf))
    .join(',');
const styleOf = () => [...registry.keys()].find((name) => name !== 'backstory-focus');
const focusedText = () => [...(registry.get('backstory-focus') ?? [])].map(textOf).join(',');

/** Until the page's marks and its report have settled. */
async function settle(): Promise<void> {
  await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0));
  await new Promise((resolve) => setTimeout(resolve, 400));
}

describe('page controller', () => {
  it('marks an ordinary article with one message: its text, with the question how to mark it', async () => {
    const { page, counted } = controller();
    page.start();
    await settle();
    expect(marked()).toBe('Daraa,Amman');
    expect(sent).toEqual(['page:start']);
    // The background counted what it found on the badge itself; the page agreed and said nothing.
    expect(background.badges.get(TAB)).toBe('2');
    expect(counted.at(-1)).toBe(2);
    expect(page.summary()).toMatchObject({
      active: true,
      host: 'news.example',
      entities: [
        { id: 'Q238217', name: 'Daraa', kind: 'place', count: 1 },
        { id: 'Q3805', name: 'Amman', kind: 'place', count: 1 },
      ],
    });
  });

  it('where Backstory is off, marks nothing and asks nothing more', async () => {
    background.setSettings({ ...background.settings(), blockedSites: ['news.example'] });
    const { page } = controller();
    page.start();
    await settle();
    expect(page.active).toBe(false);
    expect(marked()).toBe('');
    expect(sent).toEqual(['page:start']);
    expect(background.badges.has(TAB)).toBe(false);
    // The background started no session for the page: it has nothing to show a card from.
    expect(await background.sessions.tab(TAB)).toBeNull();
  });

  it('follows the settings when told they changed: on, restyled, off (the badge cleared)', async () => {
    background.setSettings({ ...background.settings(), blockedSites: ['news.example'] });
    const { page } = controller();
    page.start();
    await settle();
    background.setSettings({ ...background.settings(), blockedSites: [] });
    await page.refresh();
    await settle();
    expect(marked()).toBe('Daraa,Amman');
    expect(sent).toEqual(['page:start', 'page:config', 'page:match']);
    background.setSettings({ ...background.settings(), style: 'background' });
    await page.refresh();
    expect(styleOf()).toBe('backstory-background');
    background.setSettings({
      ...background.settings(),
      kinds: { ...background.settings().kinds, place: false },
    });
    await page.refresh();
    expect(marked()).toBe('');
    background.setSettings({ ...background.settings(), enabled: false });
    await page.refresh();
    await settle();
    expect(page.active).toBe(false);
    expect(sent.at(-1)).toBe('page:count');
    expect(background.badges.get(TAB)).toBe('');
    // What a failing end-to-end wait reports: a session begun when switched on (the first ended at
    // its first answer), four answers applied after the first, not marking now.
    expect(page.diagnostics()).toMatchObject({ refreshes: 4, marking: false, sessions: 2 });
  });

  it('tells the badge its own count when mentions leave the page', async () => {
    const { page } = controller();
    page.start();
    await settle();
    document.getElementById('b')?.remove();
    await vi.waitFor(() => expect(background.badges.get(TAB)).toBe('1'), { timeout: 3000 });
    expect(sent).toEqual(['page:start', 'page:count']);
    expect(page.summary().entities.map((found) => found.name)).toEqual(['Daraa']);
  });

  it('matches new text in the same session, and starts over when the packs changed meanwhile', async () => {
    const { page } = controller();
    page.start();
    await settle();
    const added = document.createElement('p');
    added.textContent = 'Later in Amman and Daraa.';
    document.body.append(added);
    await vi.waitFor(() => expect(marked()).toBe('Daraa,Amman,Amman,Daraa'), { timeout: 3000 });
    expect(sent).toEqual(['page:start', 'page:match']);
    expect(page.diagnostics().sessions).toBe(1);
    // The reader adds an entity of their own: the packs' key changes under the page.
    unwrap(
      await background.ask('user:save', {
        entity: entity('bs:calm', 'topic', 'Calm', { en: ['calm'] }),
      }),
    );
    const more = document.createElement('p');
    more.textContent = 'Calm returned to Daraa.';
    document.body.append(more);
    await vi.waitFor(() => expect(marked()).toContain('calm'), { timeout: 5000 });
    expect(sent.slice(2)).toEqual(['page:match', 'page:config', 'page:match']);
    expect(page.diagnostics().sessions).toBe(2);
  });

  it('keeps the old marks on screen until the new packs have painted: the page does not flash', async () => {
    const { page } = controller();
    page.start();
    await settle();
    const old = registry.get('backstory-underline');
    expect(old?.size).toBe(2);
    const deleted = vi.spyOn(registry, 'delete');
    unwrap(
      await background.ask('user:save', {
        entity: entity('bs:calm', 'topic', 'Calm', { en: ['calm'] }),
      }),
    );
    await page.refresh();
    await vi.waitFor(() => expect(marked()).toBe('Daraa,Amman,calm'), { timeout: 5000 });
    // The new session's highlight took the name's place; the old one never left it empty.
    expect(registry.get('backstory-underline')).not.toBe(old);
    expect(deleted).not.toHaveBeenCalled();
    // Switched off, the marks go at once.
    background.setSettings({ ...background.settings(), enabled: false });
    await page.refresh();
    expect(marked()).toBe('');
  });

  it('keeps an open card through new packs, closes it when switched off; an old mention names nothing', async () => {
    const { page, stops } = controller();
    page.start();
    await settle();
    const firstOf = () => [...(page.current?.annotator.mentions() ?? [])][0];
    const old = firstOf();
    expect(old && page.describe(old)?.name).toBe('Daraa');
    // The reader's choice in a card (or any new pack) begins a new session: the card stays open.
    unwrap(
      await background.ask('user:save', {
        entity: entity('bs:calm', 'topic', 'Calm', { en: ['calm'] }),
      }),
    );
    await page.refresh();
    expect(page.diagnostics().sessions).toBe(2);
    expect(stops.count).toBe(0);
    await vi.waitFor(() => expect(marked()).toContain('calm'), { timeout: 5000 });
    // A hover that began on the old session's mark opens nothing: its entity numbers were that session's.
    expect(old && page.describe(old)).toBeNull();
    const fresh = firstOf();
    expect(fresh && page.describe(fresh)?.name).toBe('Daraa');
    background.setSettings({ ...background.settings(), enabled: false });
    await page.refresh();
    expect(stops.count).toBe(1);
  });

  it('starts over when a message was lost: the first one, or a later batch', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    lose = ['page:start'];
    const { page } = controller(200);
    page.start();
    // The page asks again a moment later, with its text, and is marked.
    await vi.waitFor(() => expect(marked()).toBe('Daraa,Amman'), { timeout: 4000 });
    expect(sent).toEqual(['page:start', 'page:start']);
    // Text the page adds later whose batch is lost: the page is matched again, that text too.
    lose = ['page:match'];
    const added = document.createElement('p');
    added.textContent = 'Later in Amman.';
    document.body.append(added);
    await vi.waitFor(() => expect(marked()).toBe('Daraa,Amman,Amman'), { timeout: 6000 });
    expect(sent.slice(2)).toEqual(['page:match', 'page:config', 'page:match']);
    expect(page.diagnostics().sessions).toBe(3);
  });

  it('gives up after a few failures in a row, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    lose = Array(10).fill('page:start');
    const { page } = controller(50);
    page.start();
    // 50, 100 and 200 ms of waiting between four tries, then no more.
    await vi.waitFor(() => expect(sent.length).toBe(4), { timeout: 3000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(sent).toEqual(Array(4).fill('page:start'));
    expect(marked()).toBe('');
    expect(warn).toHaveBeenCalledWith('Backstory: a scan failed', expect.any(Error));
    expect(page.diagnostics().sessions).toBe(4);
  });

  it('pauses and resumes on this tab only', async () => {
    const { page } = controller();
    page.start();
    await settle();
    expect(await page.toggleHere()).toBe(false);
    expect(marked()).toBe('');
    expect(await page.toggleHere()).toBe(true);
    await vi.waitFor(() => expect(marked()).toBe('Daraa,Amman'));
  });

  it('steps the focus through the marks and flashes the first mention of an entity', async () => {
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue({ top: 10 } as DOMRect);
    const { page } = controller();
    const focus = new MentionFocus(document, () => page.current, abort.signal);
    page.start();
    await settle();
    expect(page.describe(focus.step(1) as never)?.name).toBe('Daraa');
    expect(focusedText()).toBe('Daraa');
    focus.step(1);
    expect(focusedText()).toBe('Amman');
    expect(focus.reveal('Q238217')).toBe(true);
    expect(focusedText()).toBe('Daraa');
    expect(focus.reveal('Q1')).toBe(false);
  });

  it('ends everything, marks included, with its lifetime', async () => {
    const { page } = controller();
    page.start();
    await settle();
    abort.abort();
    expect(marked()).toBe('');
    expect(registry.size).toBe(0);
    expect(document.body.innerHTML).toBe(
      '<p id="a">Troops ring Daraa.</p><p id="b">Amman urges calm.</p><p id="c">No names here.</p>',
    );
    expect(page.active).toBe(false);
  });
});
