// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { locate, MAX_SEGMENT, SegmentWalker, type TextSegment } from '@/utils/page/scan';

function segments(html: string): TextSegment[] {
  document.body.innerHTML = html;
  const walker = new SegmentWalker(document.body);
  const out: TextSegment[] = [];
  for (let batch = walker.next(); batch; batch = walker.next()) out.push(...batch);
  return out;
}
const texts = (html: string) => segments(html).map((segment) => segment.text.trim());

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scanning', () => {
  it('reads inline markup as one phrase', () => {
    expect(texts('<p><b>Bashar</b> <a href="#">al-<i>Assad</i></a> spoke</p>')).toEqual([
      'Bashar al-Assad spoke',
    ]);
  });

  it('splits at blocks and line breaks', () => {
    expect(texts('<div>Daraa<div>in the south</div>al-Balad</div><p>one<br>two</p>')).toEqual([
      'Daraa',
      'in the south',
      'al-Balad',
      'one',
      'two',
    ]);
  });

  it('skips code, scripts, styles, form fields, editable, hidden and aria-hidden regions, SVG and its own UI', () => {
    const html = `
      <p>Daraa visible</p>
      <script>var Daraa = 1</script><style>.Daraa{}</style><noscript>Daraa</noscript>
      <pre>Daraa pre</pre><code>Daraa code</code>
      <textarea>Daraa typed</textarea><input value="Daraa"><select><option>Daraa</option></select>
      <button>Daraa button</button>
      <div contenteditable="true"><p>Daraa editable</p></div>
      <div contenteditable="false">Daraa not editable</div>
      <div hidden>Daraa hidden</div><div aria-hidden="true">Daraa aria</div>
      <svg><text>Daraa svg</text></svg>
      <backstory-card>Daraa card</backstory-card>`;
    expect(texts(html)).toEqual(['Daraa visible', 'Daraa not editable']);
  });

  it('asks whether each block is visible', () => {
    document.body.innerHTML = '<p id="a">shown</p><p id="b">not shown</p>';
    const walker = new SegmentWalker(document.body, (block) => block.id !== 'b');
    expect(walker.next()?.map((segment) => segment.text)).toEqual(['shown']);
  });

  it('maps segment offsets back to text nodes', () => {
    const [segment] = segments('<p><b>Bashar</b> al-Assad</p>');
    const start = locate(segment!, 0, false);
    const end = locate(segment!, 'Bashar al-Assad'.length, true);
    expect(start.node.data).toBe('Bashar');
    expect(start.offset).toBe(0);
    expect(end.node.data).toBe(' al-Assad');
    expect(end.offset).toBe(' al-Assad'.length);
    // An offset at a node boundary starts in the next node, but ends in the previous one.
    expect(locate(segment!, 6, false).node.data).toBe(' al-Assad');
    expect(locate(segment!, 6, true).node.data).toBe('Bashar');
  });

  it('cuts very long text at sentence ends so no segment is huge', () => {
    const sentence = 'Troops moved towards Daraa on Sunday. ';
    const long = sentence.repeat(Math.ceil((MAX_SEGMENT * 3) / sentence.length));
    const parts = segments(`<p>${long}</p>`);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(MAX_SEGMENT);
      expect(part.text.endsWith('. ') || part === parts.at(-1)).toBe(true);
    }
    expect(parts.map((part) => part.text).join('')).toBe(long);
  });
});
