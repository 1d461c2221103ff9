// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PageChanges, PageWatcher } from '@/utils/page/watch';

let abort: AbortController;
let batches: PageChanges[];
let holding: Set<Text>;
let watcher: PageWatcher;

beforeEach(() => {
  document.body.innerHTML = `
    <article id="story"><p id="lead">Talks in <b>Daraa</b> resumed.</p><p id="clock">12:00</p></article>
    <div id="more" class="collapsed"><p id="hidden">Amman replied.</p></div>
    <textarea id="field"></textarea><script id="code"></script>`;
  abort = new AbortController();
  batches = [];
  holding = new Set();
  watcher = new PageWatcher(
    document,
    (changes) => batches.push(changes),
    (node) => holding.has(node),
    abort.signal,
  );
  watcher.start();
});
afterEach(() => abort.abort());

/** Wait for the watcher's batch (it reports when the page is idle). */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 120));
}

const ids = () => batches.flatMap((batch) => batch.blocks.map((block) => block.id));
const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('page watcher', () => {
  it('reports the blocks of new or changed text, once per batch, inline markup lifted to its block', async () => {
    byId('lead').querySelector('b')?.append(' al-Balad');
    byId('lead').append(document.createTextNode(' Later, more.'));
    const story = byId('story');
    const added = document.createElement('p');
    added.id = 'added';
    added.textContent = 'Beirut said nothing.';
    story.append(added);
    await settle();
    expect(batches).toHaveLength(1);
    // An added element is its own block; the text changed inside <b> is its paragraph's.
    expect(ids().sort()).toEqual(['added', 'lead']);
  });

  it.each(['ins', 'del', 'dfn', 'ruby', 'nobr'])(
    'lifts a change inside <%s> to its block, as the text is read (one list of inline elements)',
    async (name) => {
      const inline = document.createElement(name);
      inline.textContent = 'Daraa';
      byId('lead').append(inline);
      await settle();
      batches = [];
      (inline.firstChild as Text).data = 'Daraa al-Balad';
      await settle();
      expect(ids()).toEqual(['lead']);
    },
  );

  it('lets clocks and counters tick for free, unless their text held a mention', async () => {
    const clock = byId('clock').firstChild as Text;
    clock.data = '12:01';
    await settle();
    expect(batches).toEqual([]);
    holding.add(clock);
    clock.data = '12:02';
    await settle();
    expect(ids()).toEqual(['clock']);
  });

  it('ignores changes in form fields and scripts', async () => {
    byId('field').append('Daraa');
    byId('code').textContent = 'var Daraa = 1;';
    await settle();
    expect(batches).toEqual([]);
  });

  it('says when something left the page, so mentions that went with it are dropped', async () => {
    byId('clock').remove();
    await settle();
    expect(batches).toEqual([{ blocks: [], removed: true }]);
  });

  it('remembers a hidden block and reports it when a class change reveals it', async () => {
    const hidden = byId('hidden');
    Object.assign(hidden, { checkVisibility: () => false });
    expect(watcher.isVisible(hidden)).toBe(false);
    expect(watcher.isVisible(byId('lead'))).toBe(true);
    byId('more').className = 'expanded';
    // A class flipped elsewhere says nothing.
    byId('story').className = 'highlighted';
    await settle();
    expect(ids()).toEqual(['hidden']);
  });

  it('reports an element whose hidden or editable state changed', async () => {
    byId('lead').setAttribute('contenteditable', 'true');
    await settle();
    expect(ids()).toEqual(['lead']);
  });

  it('forgets its own writes, and stops at the end of its session', async () => {
    byId('lead').append(' Ours.');
    watcher.discard();
    await settle();
    expect(batches).toEqual([]);
    abort.abort();
    byId('lead').append(' After the end.');
    await settle();
    expect(batches).toEqual([]);
  });
});
