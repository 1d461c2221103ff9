import type { Mention } from '@/utils/page/mention';

/** A mention covering the whole of one text node, in its parent (or the given block). */
export function wholeNodeMention(node: Text, entity = 0, block?: Element): Mention {
  return {
    entity,
    kind: 'place',
    range: {
      startContainer: node,
      startOffset: 0,
      endContainer: node,
      endOffset: node.data.length,
      collapsed: false,
    } as StaticRange,
    block: block ?? (node.parentElement as Element),
    nodes: [node],
  };
}
