// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FoundEntity } from '@/utils/messages/protocol';
import { explainSelection } from '@/utils/page/explain-selection';
import type { Mention } from '@/utils/page/mention';
import { mentionText } from '@/utils/page/mention';

const TRIPOLI: FoundEntity = { ref: 7, id: 'Q3579', name: 'Tripoli', kind: 'place' };

afterEach(() => {
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

function select(id: string, text: string) {
  const node = document.getElementById(id)?.firstChild as Text;
  const at = node.data.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(range);
}

describe('explaining a selection', () => {
  it('asks about the selected words and opens the card on them', async () => {
    document.body.innerHTML = '<p id="p">Delegates are expected in  Tripoli next week.</p>';
    select('p', 'in  Tripoli');
    const explain = vi.fn(async () => ({ entity: TRIPOLI, surface: 'Tripoli' }));
    const opened: Mention[] = [];
    const answer = await explainSelection(document, explain, (m) => opened.push(m));
    expect(answer).toEqual({ entity: 'Q3579' });
    expect(explain).toHaveBeenCalledWith('in Tripoli');
    expect(opened).toHaveLength(1);
    const [mention] = opened as [Mention];
    expect(mention.explained).toEqual({ entity: TRIPOLI, surface: 'Tripoli' });
    expect(mention.entity).toBe(7);
    expect(mentionText(mention)).toBe('in Tripoli');
    expect(mention.block.id).toBe('p');
  });

  it('opens nothing with nothing selected, or when the packs know no name there', async () => {
    document.body.innerHTML = '<p id="p">Nothing to see here.</p>';
    const explain = vi.fn(async () => null);
    const open = vi.fn();
    expect(await explainSelection(document, explain, open)).toEqual({ entity: null });
    expect(explain).not.toHaveBeenCalled();
    select('p', 'Nothing');
    expect(await explainSelection(document, explain, open)).toEqual({ entity: null });
    expect(explain).toHaveBeenCalledWith('Nothing');
    expect(open).not.toHaveBeenCalled();
  });
});
