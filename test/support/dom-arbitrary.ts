import fc from 'fast-check';

/**
 * Random article-like DOM, as HTML strings: blocks and inline markup, names split across elements,
 * form fields with values, editable regions, code, right-to-left text, and hosts for shadow roots
 * and iframes. Shared by the happy-dom property test and the real-browser sample.
 */

const WORDS = [
  'Daraa',
  'Dar',
  'aa',
  'Bashar',
  'al-Assad',
  'Assad',
  'regime',
  'SANA',
  'Sana',
  'Jordan',
  'Amman',
  'Nasib',
  'border',
  'crossing',
  'Russian',
  'mediators',
  'the',
  'troops',
  'moved',
  'درعا',
  'الأردن',
  'سوريا',
  'on',
  'Sunday',
  'U.N.',
  'Syria’s',
  '4th',
  'Armoured',
  'Division',
  '\u200f',
  '\u00ad',
  ' ',
];

const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 })
  .map((words) => escapeHtml(words.join(' ')));

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const INLINE = ['b', 'i', 'em', 'strong', 'span', 'a', 'small', 'mark'];
const BLOCK = ['p', 'div', 'li', 'h2', 'blockquote', 'section'];

/** One node of the tree, as HTML. */
const node: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? text
    : fc.oneof(
        { weight: 4, arbitrary: text },
        {
          weight: 3,
          arbitrary: fc
            .tuple(
              fc.constantFrom(...INLINE),
              fc.array(node(depth - 1), { minLength: 1, maxLength: 3 }),
            )
            .map(
              ([tag, children]) =>
                `<${tag}${tag === 'a' ? ' href="#x"' : ''}>${children.join('')}</${tag}>`,
            ),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              fc.constantFrom(...BLOCK),
              fc.array(node(depth - 1), { minLength: 1, maxLength: 4 }),
              fc.boolean(),
            )
            .map(
              ([tag, children, rtl]) =>
                `<${tag}${rtl ? ' dir="rtl"' : ''}>${children.join('')}</${tag}>`,
            ),
        },
        { weight: 1, arbitrary: text.map((value) => `<input value="${value}">`) },
        { weight: 1, arbitrary: text.map((value) => `<textarea>${value}</textarea>`) },
        {
          weight: 1,
          arbitrary: node(depth - 1).map((inner) => `<div contenteditable="true">${inner}</div>`),
        },
        { weight: 1, arbitrary: text.map((value) => `<pre><code>${value}</code></pre>`) },
        { weight: 1, arbitrary: text.map((value) => `<span hidden>${value}</span>`) },
        { weight: 1, arbitrary: fc.constant('<br>') },
        {
          weight: 1,
          arbitrary: text.map((value) => `<div class="shadow-host" data-shadow="${value}"></div>`),
        },
        { weight: 1, arbitrary: text.map((value) => `<iframe srcdoc="<p>${value}</p>"></iframe>`) },
      ),
);

/** A page body: a handful of top-level nodes. */
export const articleBody = fc
  .array(node(4), { minLength: 1, maxLength: 6 })
  .map((nodes) => nodes.join('\n'));

/** Give every `.shadow-host` an open shadow root with its text (the HTML parser cannot). */
export function attachShadows(doc: Document): void {
  for (const host of doc.querySelectorAll<HTMLElement>('.shadow-host')) {
    if (host.shadowRoot) continue;
    const root = host.attachShadow({ mode: 'open' });
    const paragraph = doc.createElement('p');
    paragraph.textContent = host.dataset.shadow ?? '';
    root.append(paragraph);
  }
}
