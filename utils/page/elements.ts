/**
 * How the page side reads elements: which continue the text around them (inline), and which it
 * leaves alone with everything inside them (skipped). The reader of the text (`scan.ts`) and the
 * watcher of changes (`watch.ts`) both go by these, so a change is rescanned as the same block
 * the text was first read in.
 */

/** Elements laid out inline by default: they continue the text around them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'del',
  'label',
  'mark',
  'q',
  'ruby',
  'rb',
  'rt',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'wbr',
  'big',
  'tt',
  'nobr',
]);

/** Elements whose text is never a reader's prose, or is not ours to touch. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'button',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'datalist',
  'output',
  'meter',
  'progress',
]);

/** Prefix of Backstory's own elements (the card host). */
export const OWN_ELEMENT_PREFIX = 'backstory-';

/** Is the element laid out inline by default (its text continues the block around it)? */
export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** Should this element and everything inside it be left alone? */
export function isSkipped(element: Element): boolean {
  const name = element.localName;
  if (SKIPPED.has(name) || name.startsWith(OWN_ELEMENT_PREFIX)) return true;
  if (element.namespaceURI !== null && element.namespaceURI !== 'http://www.w3.org/1999/xhtml')
    return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Is any ancestor of `node` (or the node itself) skipped? For rescans that start mid-page. */
export function isInsideSkipped(node: Node, stopAt: Node | null = null): boolean {
  for (
    let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    el && el !== stopAt;
    el = el.parentElement
  ) {
    if (isSkipped(el)) return true;
  }
  return false;
}
