/**
 * The bytes of a Wikidata dump, line by line: a file (`.json`, `.jsonl`, or either gzipped) or
 * `-` for standard input, so `bzcat latest-all.json.bz2 | … --dump -` streams the full dump
 * without a copy on disk. Lines come out as Buffers, undecoded: the reader looks at an id and
 * counts sitelinks in the raw bytes, and decodes only the lines it keeps, which saves most of the
 * work on a dump where nine items in ten are of no use to a news reader.
 *
 * Memory: one read chunk (64 KiB) plus the longest line (a few MB for the largest items).
 */
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

const NEWLINE = 0x0a;

/** The byte stream of a dump: `-` is standard input; gzip is recognised by its magic bytes. */
export async function* dumpBytes(input: string | Readable): AsyncGenerator<Buffer> {
  const source =
    typeof input === 'string'
      ? input === '-'
        ? process.stdin
        : createReadStream(input, { highWaterMark: 1 << 16 })
      : input;
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  if (first.done) return;
  const head: Buffer = first.value;
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) {
    throw new Error(
      'This is a bzip2 file: decompress it on the way in, e.g. `bzcat latest-all.json.bz2 | … --dump -`',
    );
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  const out = new PassThrough();
  // pipeline carries an error from either side (a truncated file, a broken pipe) into `out`.
  const done = pipeline(all(), gunzip, out).catch((error: unknown) => out.destroy(error as Error));
  yield* out;
  await done;
}

/**
 * Lines of a byte stream, without their line break (`\n` or `\r\n`). Buffers may share memory
 * with the chunk they came from: use them before asking for the next line.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      start = end + 1;
      if (pending.length === 0) yield withoutCarriageReturn(piece);
      else {
        pending.push(piece);
        const line = Buffer.concat(pending);
        pending = [];
        yield withoutCarriageReturn(line);
      }
    }
    // Copy the tail: the stream may reuse the chunk's memory.
    if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  }
  if (pending.length > 0) yield withoutCarriageReturn(Buffer.concat(pending));
}

function withoutCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}

/** Lines of a dump file or of standard input (`-`), gzipped or not. */
export function dumpLines(input: string | Readable): AsyncGenerator<Buffer> {
  return splitLines(dumpBytes(input));
}
