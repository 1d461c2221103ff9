// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '@/utils/knowledge/schema';
import { Annotator, type AnnotatorOptions, NEAR_ONLY_ABOVE } from '@/utils/page/annotator';
import type { Mention } from '@/utils/page/mention';
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
