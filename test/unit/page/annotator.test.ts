// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '@/utils/knowledge/schema';
import { Annotator, type AnnotatorOptions } from '@/utils/page/annotator';
import type { Mention } from '@/utils/page/mention';
import { NEAR_ONLY_ABOVE } from '@/utils/page/page-marks';
import {
  type HighlightApi,
  HighlightPainter,
  type Painter,
  WrapperPainter,
} from '@/utils/page/paint';
import { TEST_ENTITIES } from '../../support/entities';
import { localMatching } from '../../support/local-matching';

const local = localMatching(TEST_ENTITIES);
const allKinds = { kinds: new Set(ENTITY_KINDS), firstMentionOnly: false };
const paint = 'all' as const;

/** An IntersectionObserver on the window that the test drives: what it observes, and its report. */
function fakeIntersectionObserver() {
  let report: (entries: Partial<IntersectionObserverEntry>[]) => void = () => {};
  const observed: Element[] = [];
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = class {
    constructor(callback: typeof report) {
      report = callback;
    }
    observe(el: Element) {
      observed.push(el);
    }
    unobserve() {}
    disconnect() {}
  };
  return { observed, notify: (entries: Partial<IntersectionObserverEntry>[]) => report(entries) };
}

/** A stand-in for the browser's highlight registry that records what is painted. */
function fakeHighlightApi() {
  const registry = new Map<string, Set<AbstractRange>>();
  const api = {
    registry: registry as unknown as HighlightRegistry,
    create: () => {
      const set = new Set<AbstractRange>() as Set<AbstractRange> & { priority: number };
      set.priority = 0;
      return set as unknown as Highlight;
    },
  } satisfies HighlightApi;
  const painted = () =>
    [...registry].flatMap(([name, ranges]) =>
      [...ranges].map((range) => `${name}: ${textOf(range)}`),
    );
  return { api, painted };
}

function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

const ARTICLE = `
  <h1>Regime sends reinforcements to Daraa</h1>
  <p>The <b>Assad</b> regime sent troops after talks with <i>Russian</i> mediators failed.
     <b>Bashar</b> al-Assad has not spoken. SANA said the road to the Nasib border crossing is open.</p>
  <p>Residents of Daraa al-Balad fled. <input value="Daraa"> <textarea>Daraa</textarea></p>
  <pre>Daraa in code</pre>`;

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
});

/** An annotator matching through a fresh page session, and the way to end that session. */
function annotate(painter: Painter, options: Partial<AnnotatorOptions> = {}) {
  const { remote, ...matching } = local.matching();
  const session = new AbortController();
  const annotator = new Annotator(
    document,
    { ...matching, painter, filter: allKinds, paint, ...options },
    session.signal,
  );
  /** "kind: text" of every painted mention. */
  const kinds = () =>
    [...annotator.mentions()]
      .filter((mention) => annotator.isPainted(mention))
      .map((mention) => `${mention.kind}: ${textOf(mention.range)}`)
      .sort();
  const idOf = (mention: Mention) => remote.entity(mention.entity)?.id;
  return { annotator, remote, kinds, idOf, stop: () => session.abort() };
}

describe('annotator', () => {
  it('paints every mention under one highlight that names no kind, across inline markup, and skips code and inputs', async () => {
    const { api, painted } = fakeHighlightApi();
    const { annotator, remote, kinds, stop } = annotate(new HighlightPainter(api, 'underline'));
    await annotator.scan([document.body]);
    expect(kinds()).toEqual(
      [
        'organisation: Regime',
        'place: Daraa',
        'organisation: Assad regime',
        'topic: Russian mediators',
        'person: Bashar al-Assad',
        'organisation: SANA',
        'place: Nasib border crossing',
        'place: Daraa al-Balad',
      ].sort(),
    );
    // The page can read CSS.highlights: it learns which words are marked, nothing more.
    expect(new Set(painted().map((line) => line.split(':')[0]))).toEqual(
      new Set(['backstory-underline']),
    );
    expect(painted()).toHaveLength(8);
    expect(
      annotator.counts().find((count) => remote.entity(count.entity)?.id === 'Q238217')?.count,
    ).toBe(1);
    stop();
    expect(painted()).toEqual([]);
  });

  it('restores the DOM exactly after painting with wrappers (same nodes, same text)', async () => {
    const before = document.body.innerHTML;
    const textNodes = allTextNodes();
    const { annotator, stop } = annotate(new WrapperPainter('underline'));
    await annotator.scan([document.body]);
    expect(document.querySelectorAll('backstory-mark').length).toBeGreaterThanOrEqual(8);
    expect(document.querySelector('backstory-mark[data-kind]')).toBeNull();
    expect((document.querySelector('input') as HTMLInputElement).value).toBe('Daraa');
    stop();
    expect(document.body.innerHTML).toBe(before);
    expect(allTextNodes()).toEqual(textNodes);
  });

  it('rescans a changed block and drops what left the page', async () => {
    const { api, painted } = fakeHighlightApi();
    const { annotator } = annotate(new HighlightPainter(api, 'background'));
    await annotator.scan([document.body]);
    const live = document.createElement('p');
    live.textContent = 'Update: Jordan closed its border near Amman.';
    document.body.append(live);
    await annotator.scan([live]);
    expect(painted()).toContain('backstory-background: Jordan');
    live.textContent = 'Update: calm returned.';
    await annotator.scan([live]);
    expect(painted()).not.toContain('backstory-background: Jordan');
    document.querySelector('h1')?.remove();
    annotator.prune();
    expect(painted().filter((line) => line.endsWith(': Daraa'))).toEqual([]);
  });

  it('paints only chosen kinds, or only first mentions, without rescanning', async () => {
    document.body.innerHTML = '<p>Daraa and Deraa and SANA.</p>';
    const { api, painted } = fakeHighlightApi();
    const { annotator, kinds } = annotate(new HighlightPainter(api, 'underline'));
    await annotator.scan([document.body]);
    expect(painted()).toHaveLength(3);
    annotator.setFilter({ kinds: new Set(['organisation'] as const), firstMentionOnly: false });
    expect(painted()).toEqual(['backstory-underline: SANA']);
    annotator.setFilter({ kinds: new Set(ENTITY_KINDS), firstMentionOnly: true });
    expect(kinds()).toEqual(['organisation: SANA', 'place: Daraa']);
  });

  it('paints only blocks near the viewport, and follows scrolling', async () => {
    document.body.innerHTML = '<p id="top">Daraa</p><p id="far">SANA</p>';
    const { observed, notify } = fakeIntersectionObserver();
    const { api, painted } = fakeHighlightApi();
    const { annotator } = annotate(new HighlightPainter(api, 'underline'), { paint: 'near' });
    await annotator.scan([document.body]);
    expect(observed.map((el) => el.id)).toEqual(['top', 'far']);
    expect(painted()).toEqual([]);
    const [top, far] = observed;
    notify([
      { target: top, isIntersecting: true },
      { target: far, isIntersecting: false },
    ]);
    expect(painted()).toEqual(['backstory-underline: Daraa']);
    notify([
      { target: top, isIntersecting: false },
      { target: far, isIntersecting: true },
    ]);
    expect(painted()).toEqual(['backstory-underline: SANA']);
  });

  it('paints an ordinary page at once, and only near the viewport once it holds many marks', async () => {
    const { observed, notify } = fakeIntersectionObserver();
    const small = fakeHighlightApi();
    const ordinary = annotate(new HighlightPainter(small.api, 'underline'), { paint: 'auto' });
    await ordinary.annotator.scan([document.body]);
    expect(small.painted().length).toBeGreaterThan(3);
    expect(observed).toEqual([]);

    const count = NEAR_ONLY_ABOVE + 100;
    document.body.innerHTML = Array.from(
      { length: count },
      (_, i) => `<p id="p${i}">Daraa</p>`,
    ).join('');
    const big = fakeHighlightApi();
    const long = annotate(new HighlightPainter(big.api, 'underline'), { paint: 'auto' });
    await long.annotator.scan([document.body]);
    expect(observed).toHaveLength(count);
    notify(observed.map((target, i) => ({ target, isIntersecting: i < 10 })));
    expect(big.painted()).toHaveLength(10);
  });

  it('reads a long page as the reader nears the end of what was read, the rest when asked, nothing twice', async () => {
    // 120 paragraphs of about 1,000 characters, each naming Daraa once: about 120 KB of text.
    const filler = ' The talks went on through the night and into the next morning.'.repeat(15);
    document.body.innerHTML = Array.from(
      { length: 120 },
      (_, i) => `<p id="p${i}">Daraa${filler}</p>`,
    ).join('');
    const { observed, notify } = fakeIntersectionObserver();
    const { api } = fakeHighlightApi();
    const { annotator } = annotate(new HighlightPainter(api, 'underline'));
    const found = () => [...annotator.mentions()].map((mention) => mention.block.id);
    await annotator.readPage(document.body);
    // The top of the page (32 KB of text) is read; the walk waits at its last paragraph.
    const first = found().length;
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThan(50);
    expect(annotator.partial).toBe(true);
    expect(observed.map((el) => el.id)).toEqual([`p${first - 1}`]);
    // Nothing more is read while that paragraph is far below the viewport.
    notify([{ target: observed[0], isIntersecting: false }]);
    await annotator.scan([]);
    expect(found()).toHaveLength(first);
    // The reader scrolls near it: the next stretch is read.
    notify([
      { target: observed[0], isIntersecting: true, boundingClientRect: { bottom: 900 } as DOMRect },
    ]);
    await annotator.scan([]);
    const second = found().length;
    expect(second).toBeGreaterThan(first + 20);
    expect(observed.at(-1)?.id).toBe(`p${second - 1}`);
    // A paragraph far below changes before the reader gets there: it is read at once, and not
    // again when reading reaches it.
    const last = document.getElementById('p119') as HTMLElement;
    last.textContent = 'SANA reported from Daraa.';
    await annotator.scan([last]);
    expect(found().filter((id) => id === 'p119')).toHaveLength(2);
    // The popup asks for the whole page: the rest is read now.
    await annotator.readAll();
    expect(annotator.partial).toBe(false);
    const ids = found();
    expect(ids.filter((id) => id !== 'p119')).toHaveLength(119);
    expect(new Set(ids.filter((id) => id !== 'p119')).size).toBe(119);
    expect(ids.filter((id) => id === 'p119')).toHaveLength(2);
  });

  it('reads the page again, whole, when the page removed where the reading had paused', async () => {
    const filler = ' The talks went on through the night and into the next morning.'.repeat(15);
    document.body.innerHTML = `<div id="feed">${Array.from(
      { length: 80 },
      (_, i) => `<p id="p${i}">Daraa${filler}</p>`,
    ).join('')}</div>`;
    const { observed, notify } = fakeIntersectionObserver();
    const { api } = fakeHighlightApi();
    const { annotator } = annotate(new HighlightPainter(api, 'underline'));
    await annotator.readPage(document.body);
    expect(annotator.partial).toBe(true);
    // The page replaces its feed (an infinite scroll reloading, say).
    const feed = document.getElementById('feed') as HTMLElement;
    const fresh = feed.cloneNode(true) as HTMLElement;
    feed.replaceWith(fresh);
    // What the page's watcher does on such a change: forget what left, read what came.
    annotator.prune();
    await annotator.scan([fresh]);
    notify([
      { target: observed[0], isIntersecting: true, boundingClientRect: { bottom: -50 } as DOMRect },
    ]);
    await annotator.scan([]);
    await annotator.readAll();
    const ids = [...annotator.mentions()].filter((mention) => mention.block.isConnected);
    expect(ids).toHaveLength(80);
    expect([...annotator.mentions()]).toHaveLength(80);
  });

  it('finds the mentions on a text node for hit-testing', async () => {
    const { api } = fakeHighlightApi();
    const { annotator, idOf } = annotate(new HighlightPainter(api, 'underline'));
    await annotator.scan([document.body]);
    const h1Text = document.querySelector('h1')?.firstChild as Text;
    const mentions = annotator.mentionsIn(h1Text) as Mention[];
    expect(mentions.map(idOf)).toEqual(['bs:assad-regime', 'Q238217']);
    expect(mentions[1]!.range.startOffset).toBe(h1Text.data.indexOf('Daraa'));
  });
});

function allTextNodes(): Text[] {
  const walker = document.createTreeWalker(document.body, 4);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}
