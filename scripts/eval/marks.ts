/**
 * `npm run marks -- [--date YYYY-MM-DD] [--pack FILE] [--format jsonl|text] <files…>`: what the
 * engine marks in files (`.txt`, `.html`/`.htm`, `.jsonl`), one JSON object per line, or as a
 * readable list. The same pipeline as the extension's (see {@link markBlocks}).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDocuments } from './documents';
import { type Knowledge, loadKnowledge } from './knowledge';
import { markBlocks } from './mark';

export type MarksFormat = 'jsonl' | 'text';

/** The lines `marks` prints for these files. */
export function markLines(
  knowledge: Knowledge,
  files: readonly string[],
  options: { date?: string; format?: MarksFormat } = {},
): string[] {
  const out: string[] = [];
  for (const file of files) {
    for (const { doc, blocks, date } of readDocuments(file, options.date)) {
      const marks = markBlocks(
        knowledge,
        blocks.map((block) => block.text),
        date,
      );
      if (options.format === 'text') {
        out.push(`${doc}${date ? ` (${date})` : ''}: ${marks.length} marks`);
        for (const mark of marks)
          out.push(
            `  ${mark.block}:${mark.start}  ${mark.surface.replace(/\s+/g, ' ')} → ${mark.name} (${mark.id}${mark.wikidata && mark.wikidata !== mark.id ? `, ${mark.wikidata}` : ''})`,
          );
        continue;
      }
      for (const { block, start, end, ...rest } of marks) {
        const offset = blocks[block]?.offset;
        out.push(
          JSON.stringify({
            doc,
            block,
            start,
            end,
            ...(offset === undefined ? {} : { offset: offset + start }),
            ...rest,
          }),
        );
      }
    }
  }
  return out;
}

const USAGE =
  'usage: npm run marks -- [--date YYYY-MM-DD] [--pack FILE] [--format jsonl|text] <files…>';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      pack: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const format = values.format as MarksFormat;
  if (values.help || positionals.length === 0 || !['jsonl', 'text'].includes(format)) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    console.error(`--date ${values.date}: expected YYYY-MM-DD`);
    process.exit(2);
  }
  try {
    const knowledge = loadKnowledge(values.pack);
    for (const line of markLines(knowledge, positionals, { date: values.date, format }))
      process.stdout.write(`${line}\n`);
  } catch (error) {
    console.error(`marks: ${(error as Error).message}`);
    process.exit(1);
  }
}
