// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '@/utils/knowledge/schema';
import { compileMatcher } from '@/utils/match/compile';
import { Matcher } from '@/utils/match/matcher';
import { Annotator } from '@/utils/page/annotator';
import type { Mention } from '@/utils/page/mention';
import { type HighlightApi, HighlightPainter, WrapperPainter } from '@/utils/page/paint';
import { TEST_ENTITIES } from '../../support/entities';

const matcher = new Matcher(compileMatcher(TEST_ENTITIES).data);
const allKinds = { kinds: new Set(ENTITY_KINDS), firstMentionOnly: false };
const paint = 'all' as const;

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

describe('annotator', () => {
  it('paints every mention with one highlight per kind, across inline markup, and skips code and inputs', async () => {
    const { api, painted } = fakeHighlightApi();
    const annotator = new Annotator(document, {
      matcher,
      painter: new HighlightPainter(api, 'underline'),
      filter: allKinds,
      paint,
    });
    await annotator.scan([document.body]);
    expect(painted().sort()).toEqual(
      [
        'backstory-underline-organisation: Regime',
        'backstory-underline-place: Daraa',
        'backstory-underline-organisation: Assad regime',
        'backstory-underline-topic: Russian mediators',
        'backstory-underline-person: Bashar al-Assad',
        'backstory-underline-organisation: SANA',
        'backstory-underline-place: Nasib border crossing',
        'backstory-underline-place: Daraa al-Balad',
      ].sort(),
    );
    expect(
      annotator.counts().find((count) => matcher.data.entityIds[count.entity] === 'Q238217')?.count,
    ).toBe(1);
    annotator.stop();
    expect(painted()).toEqual([]);
  });

  it('restores the DOM exactly after painting with wrappers (same nodes, same text)', async () => {
    const before = document.body.innerHTML;
    const textNodes = allTextNodes();
    const annotator = new Annotator(document, {
      matcher,
      painter: new WrapperPainter('underline'),
      filter: allKinds,
      paint,
    });
    await annotator.scan([document.body]);
    expect(document.querySelectorAll('backstory-mark').length).toBeGreaterThanOrEqual(8);
    expect((document.querySelector('input') as HTMLInputElement).value).toBe('Daraa');
    annotator.stop();
    expect(document.body.innerHTML).toBe(before);
    expect(allTextNodes()).toEqual(textNodes);
  });

  it('rescans a changed block and drops what left the page', async () => {
    const { api, painted } = fakeHighlightApi();
    const annotator = new Annotator(document, {
      matcher,
      painter: new HighlightPainter(api, 'background'),
      filter: allKinds,
      paint,
    });
    await annotator.scan([document.body]);
    const live = document.createElement('p');
    live.textContent = 'Update: Jordan closed its border near Amman.';
    document.body.append(live);
    await annotator.scan([live]);
    expect(painted()).toContain('backstory-background-place: Jordan');
    live.textContent = 'Update: calm returned.';
    await annotator.scan([live]);
    expect(painted()).not.toContain('backstory-background-place: Jordan');
    document.querySelector('h1')?.remove();
    annotator.prune();
    expect(painted().filter((line) => line.endsWith(': Daraa'))).toEqual([]);
  });

  it('paints only chosen kinds, or only first mentions, without rescanning', async () => {
    document.body.innerHTML = '<p>Daraa and Deraa and SANA.</p>';
    const { api, painted } = fakeHighlightApi();
    const annotator = new Annotator(document, {
      matcher,
      painter: new HighlightPainter(api, 'underline'),
      filter: allKinds,
      paint,
    });
    await annotator.scan([document.body]);
    expect(painted()).toHaveLength(3);
    annotator.setFilter({ kinds: new Set(['organisation'] as const), firstMentionOnly: false });
    expect(painted()).toEqual(['backstory-underline-organisation: SANA']);
    annotator.setFilter({ kinds: new Set(ENTITY_KINDS), firstMentionOnly: true });
    expect(painted().sort()).toEqual([
      'backstory-underline-organisation: SANA',
      'backstory-underline-place: Daraa',
    ]);
  });

  it('paints only blocks near the viewport, and follows scrolling', async () => {
    document.body.innerHTML = '<p id="top">Daraa</p><p id="far">SANA</p>';
    let notify: (entries: Partial<IntersectionObserverEntry>[]) => void = () => {};
    const observed: Element[] = [];
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = class {
      constructor(callback: typeof notify) {
        notify = callback;
      }
      observe(el: Element) {
        observed.push(el);
      }
      unobserve() {}
      disconnect() {}
    };
    const { api, painted } = fakeHighlightApi();
    const annotator = new Annotator(document, {
      matcher,
      painter: new HighlightPainter(api, 'underline'),
      filter: allKinds,
    });
    await annotator.scan([document.body]);
    expect(observed.map((el) => el.id)).toEqual(['top', 'far']);
    expect(painted()).toEqual([]);
    const [top, far] = observed;
    notify([
      { target: top, isIntersecting: true },
      { target: far, isIntersecting: false },
    ]);
    expect(painted()).toEqual(['backstory-underline-place: Daraa']);
    notify([
      { target: top, isIntersecting: false },
      { target: far, isIntersecting: true },
    ]);
    expect(painted()).toEqual(['backstory-underline-organisation: SANA']);
  });

  it('finds the mentions on a text node for hit-testing', async () => {
    const { api } = fakeHighlightApi();
    const annotator = new Annotator(document, {
      matcher,
      painter: new HighlightPainter(api, 'underline'),
      filter: allKinds,
      paint,
    });
    await annotator.scan([document.body]);
    const h1Text = document.querySelector('h1')?.firstChild as Text;
    const mentions = annotator.mentionsIn(h1Text) as Mention[];
    expect(mentions.map((mention) => matcher.data.entityIds[mention.entity])).toEqual([
      'bs:assad-regime',
      'Q238217',
    ]);
    expect(mentions[1]!.range.startOffset).toBe(h1Text.data.indexOf('Daraa'));
  });
});

function allTextNodes(): Text[] {
  const walker = document.createTreeWalker(document.body, 4);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}
