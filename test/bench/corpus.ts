/**
 * News-like text for benchmarks: our own demo article and fixture articles, repeated and
 * shuffled by paragraph to any size, deterministic for a given size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { articleBlocks } from '../../scripts/pack/article-text';

function sourceParagraphs(): string[] {
  const files = [resolve('demo/article.html')];
  const fixtures = resolve('test/fixtures/articles');
  try {
    for (const name of readdirSync(fixtures))
      if (name.endsWith('.html')) files.push(join(fixtures, name));
  } catch {
    // No fixture articles yet: the demo article alone will do.
  }
  return files
    .flatMap((file) => articleBlocks(readFileSync(file, 'utf8')))
    .filter((block) => block.length > 40);
}

/** Paragraphs totalling at least `bytes` UTF-8 bytes. */
export function newsParagraphs(bytes: number): string[] {
  const source = sourceParagraphs();
  const out: string[] = [];
  let size = 0;
  let seed = 42;
  while (size < bytes) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const paragraph = source[seed % source.length] as string;
    out.push(paragraph);
    size += Buffer.byteLength(paragraph) + 1;
  }
  return out;
}

/** A whole HTML page of about `bytes` of article text. */
export function newsPage(bytes: number): string {
  const paragraphs = newsParagraphs(bytes)
    .map((paragraph, i) =>
      i % 12 === 0
        ? `<h2>${escapeHtml(paragraph.slice(0, 60))}</h2>`
        : `<p>${escapeHtml(paragraph)}</p>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark page</title></head><body><article>${paragraphs}</article></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}
