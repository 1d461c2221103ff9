// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  caretAt,
  inDocumentOrder,
  liveRange,
  mentionAtPoint,
  nextMention,
  revealMention,
} from '@/utils/page/hit';
import type { Mention } from '@/utils/page/mention';
import { wholeNodeMention } from '../../support/mentions';

let daraa: Mention;
let amman: Mention;
let beirut: Mention;

beforeEach(() => {
  document.body.innerHTML = '<p id="a">Daraa</p><p id="b">Amman</p><p id="c">Beirut</p>';
  const text = (id: string) => document.getElementById(id)?.firstChild as Text;
  daraa = wholeNodeMention(text('a'), 0);
  amman = wholeNodeMention(text('b'), 1);
  beirut = wholeNodeMention(text('c'), 2);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Each paragraph is a 100 × 20 box, one under the other from `top`. */
function layOut(top = 0) {
  const rect = (node: Node) => {
    const index = ['a', 'b', 'c'].indexOf((node.parentElement as Element).id);
    const y = top + index * 20;
    return { left: 0, right: 100, top: y, bottom: y + 20, width: 100, height: 20 } as DOMRect;
  };
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return [rect(this.startContainer)] as unknown as DOMRectList;
  });
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    return rect(this.startContainer);
  });
}

/** The caret lands in the paragraph under y (and, past the text, at its end). */
function caretsBy(rows: Text[]) {
  Object.assign(document, {
    caretPositionFromPoint: (_x: number, y: number) => {
      const node = rows[Math.floor(y / 20)];
      return node ? { offsetNode: node, offset: 2 } : null;
    },
  });
}

describe('hit testing', () => {
  it('finds the caret with whichever API the browser has', () => {
    const node = daraa.nodes[0] as Text;
    Object.assign(document, {
      caretPositionFromPoint: () => ({ offsetNode: node, offset: 3 }),
    });
    expect(caretAt(document, 1, 1)).toEqual({ node, offset: 3 });
    Object.assign(document, {
      caretPositionFromPoint: undefined,
      caretRangeFromPoint: () => {
        const range = document.createRange();
        range.setStart(node, 1);
        return range;
      },
    });
    expect(caretAt(document, 1, 1)).toEqual({ node, offset: 1 });
  });

  it('finds the painted mention under a point, and none in the margin beside it', () => {
    layOut();
    caretsBy([daraa, amman, beirut].map((m) => m.nodes[0] as Text));
    const mentionsIn = (node: Text) => [daraa, amman, beirut].filter((m) => m.nodes[0] === node);
    const painted = (m: Mention) => m !== beirut;
    expect(mentionAtPoint(document, 50, 25, mentionsIn, painted)).toBe(amman);
    // The caret snaps to the nearest character even far to the right: the boxes decide.
    expect(mentionAtPoint(document, 300, 25, mentionsIn, painted)).toBeNull();
    // Not painted (kind switched off, or far from the viewport): no card.
    expect(mentionAtPoint(document, 50, 45, mentionsIn, painted)).toBeNull();
    expect(mentionAtPoint(document, 50, 500, mentionsIn, painted)).toBeNull();
  });

  it('orders mentions as the document does and steps through them, wrapping around', () => {
    const ordered = inDocumentOrder([beirut, daraa, amman]);
    expect(ordered).toEqual([daraa, amman, beirut]);
    expect(nextMention(document, ordered, daraa, 1)).toBe(amman);
    expect(nextMention(document, ordered, beirut, 1)).toBe(daraa);
    expect(nextMention(document, ordered, daraa, -1)).toBe(beirut);
    expect(nextMention(document, [], null, 1)).toBeNull();
  });

  it('starts from the viewport with no focused mention: the first below its top, the last above it', () => {
    layOut(-30); // Daraa and half of Amman scrolled out of view
    const ordered = [daraa, amman, beirut];
    expect(nextMention(document, ordered, null, 1)).toBe(beirut);
    expect(nextMention(document, ordered, null, -1)).toBe(amman);
  });

  it('scrolls a mention into view only when it is out of it', () => {
    const scrollBy = vi.fn();
    Object.assign(window, { scrollBy, innerHeight: 200 });
    layOut();
    revealMention(document, amman);
    expect(scrollBy).not.toHaveBeenCalled();
    layOut(1000);
    revealMention(document, amman);
    expect(scrollBy).toHaveBeenCalledWith({ top: 1020 - 100, behavior: 'instant' });
  });

  it('measures a mention through a live range over its static one', () => {
    const range = liveRange(document, daraa);
    expect(range.toString()).toBe('Daraa');
  });
});
