import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inBatches } from '@/utils/page/batches';
import { lineBlocks, paragraphBlocks, readDocuments } from '../../../scripts/eval/documents';

describe('block splitting', () => {
  it('splits plain text at blank lines and keeps a wrapped line inside its paragraph', () => {
    const text = 'The envoy reached\nDaraa on Monday.\n\n  \nTalks resumed in Amman.\n';
    const blocks = paragraphBlocks(text);
    expect(blocks).toEqual([
      { text: 'The envoy reached\nDaraa on Monday.', offset: 0 },
      { text: 'Talks resumed in Amman.', offset: 39 },
    ]);
    for (const block of blocks)
      expect(text.slice(block.offset, (block.offset ?? 0) + block.text.length)).toBe(block.text);
  });

  it('reads a text without any blank line as one paragraph per line', () => {
    expect(paragraphBlocks('Headline on Syria\r\nBy a reporter\r\nThe text.')).toEqual([
      { text: 'Headline on Syria', offset: 0 },
      { text: 'By a reporter', offset: 19 },
      { text: 'The text.', offset: 34 },
    ]);
  });

  it('splits benchmark and JSON-lines text at every newline, dropping empty lines', () => {
    expect(lineBlocks('Title\n\nFirst line.\nSecond line.')).toEqual([
      { text: 'Title', offset: 0 },
      { text: 'First line.', offset: 7 },
      { text: 'Second line.', offset: 19 },
    ]);
  });

  it('batches blocks as the annotator sends them: a small first batch, then larger ones', () => {
    const sizes = [20_000, 20_000, 60_000, 60_000, 60_000, 10];
    expect(inBatches(sizes, (n) => n)).toEqual([[20_000, 20_000], [60_000, 60_000, 60_000], [10]]);
  });
});

describe('reading files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bs-docs-'));

  it('reads JSON lines of ours and of ELEVANT, each line its own document with its own date', () => {
    const file = join(dir, 'docs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'One.\nTwo.', date: '2018-07-06' }),
        '',
        JSON.stringify({ id: 7, title: 'A title', text: 'Three.', labels: [] }),
      ].join('\n'),
    );
    expect(readDocuments(file, '2020-01-01')).toEqual([
      {
        doc: `${file}#a`,
        blocks: [
          { text: 'One.', offset: 0 },
          { text: 'Two.', offset: 5 },
        ],
        date: '2018-07-06',
      },
      { doc: `${file}#7`, blocks: [{ text: 'Three.', offset: 0 }], date: '2020-01-01' },
    ]);
  });

  it('reads an HTML page block by block, with the date it states unless one is given', () => {
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><head><meta property="article:published_time" content="2018-07-06T09:00:00Z"></head>' +
        '<body><h1>Talks in <b>Daraa</b></h1><p>Envoys met.<br>They left.</p>' +
        '<script>var hidden = "Syria";</script></body></html>',
    );
    const [page] = readDocuments(file);
    expect(page?.blocks.map((block) => block.text)).toEqual([
      'Talks in Daraa',
      'Envoys met.',
      'They left.',
    ]);
    expect(page?.date).toBe('2018-07-06');
    expect(readDocuments(file, '2019-01-02')[0]?.date).toBe('2019-01-02');
  });

  it('refuses a file it cannot read as documents', () => {
    expect(() => readDocuments(join(dir, 'page.pdf'))).toThrow();
  });
});
