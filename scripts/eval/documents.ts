/**
 * Files read as documents for the engine: each a list of blocks (what the extension would send as
 * a page's segments) and perhaps a date.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readHtml } from './read-html';

/** A block of a document, and where it starts in the document's text (for text documents). */
export interface Block {
  text: string;
  offset?: number;
}

/** One document to mark. */
export interface Doc {
  /** What the document is called in the output: the file, and for JSON lines `file#id`. */
  doc: string;
  blocks: Block[];
  /** The article's date, `YYYY-MM-DD`, when known. */
  date?: string;
}

/** Text split into its lines (a `\r\n` or `\n` ends a line), each with its offset. */
function lines(text: string): Block[] {
  const out: Block[] = [];
  const pattern = /\r?\n/g;
  let from = 0;
  for (let end = pattern.exec(text); end; end = pattern.exec(text)) {
    out.push({ text: text.slice(from, end.index), offset: from });
    from = end.index + end[0].length;
  }
  out.push({ text: text.slice(from), offset: from });
  return out;
}

const isBlank = (line: Block) => line.text.trim() === '';

/**
 * Every line a block of its own (empty lines dropped): how benchmark documents and JSON lines are
 * read, since a newline in them separates a headline, a dateline or a paragraph.
 */
export function lineBlocks(text: string): Block[] {
  return lines(text).filter((line) => !isBlank(line));
}

/**
 * A plain-text file's blocks. When the file has blank lines, they separate paragraphs, and a
 * single newline inside a paragraph is a wrap kept inside its block (a name may straddle it:
 * "Bashar\nal-Assad"). A file with no blank line at all is one paragraph per line, as text copied
 * from a page usually is.
 */
export function paragraphBlocks(text: string): Block[] {
  const all = lines(text);
  if (!all.some(isBlank)) return lineBlocks(text);
  const out: Block[] = [];
  let first: Block | null = null;
  let last: Block | null = null;
  const close = () => {
    if (first && last) {
      const offset = first.offset as number;
      const end = (last.offset as number) + last.text.length;
      out.push({ text: text.slice(offset, end), offset });
    }
    first = null;
    last = null;
  };
  for (const line of all) {
    if (isBlank(line)) close();
    else {
      first ??= line;
      last = line;
    }
  }
  close();
  return out;
}

/** A JSON line: ours (`text`, optional `id` and `date`) or an ELEVANT benchmark's (`id`, `title`, `text`). */
interface JsonDocument {
  id?: string | number;
  title?: string;
  text?: unknown;
  date?: unknown;
}

/** A date's day, from `2018-07-06` or `2018-07-06T09:00:00Z`. */
const DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * Read a file as documents, by its extension: `.txt` (paragraphs), `.html`/`.htm` (read as the
 * extension reads a page), `.jsonl` (one document per line, blocks at newlines).
 * The date: a JSON line's own `date`, else `date`, else (HTML) the date the page states.
 */
export function readDocuments(file: string, date?: string): Doc[] {
  const extension = extname(file).toLowerCase();
  if (!['.txt', '.html', '.htm', '.jsonl'].includes(extension))
    throw new Error(`${file}: expected a .txt, .html, .htm or .jsonl file`);
  const content = readFileSync(file, 'utf8');
  if (extension === '.txt') return [{ doc: file, blocks: paragraphBlocks(content), date }];
  if (extension === '.html' || extension === '.htm') {
    const page = readHtml(content);
    const blocks = page.segments.map((segment) => ({ text: segment.text }));
    page.close();
    return [{ doc: file, blocks, date: date ?? page.knownDate }];
  }
  const docs: Doc[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const json = JSON.parse(line) as JsonDocument;
    if (typeof json.text !== 'string')
      throw new Error(`${file}:${i + 1}: a document needs a "text" string`);
    const own = typeof json.date === 'string' ? DAY.exec(json.date)?.[0] : undefined;
    docs.push({
      doc: `${file}#${json.id ?? i + 1}`,
      blocks: lineBlocks(json.text),
      date: own ?? date,
    });
  });
  return docs;
}
