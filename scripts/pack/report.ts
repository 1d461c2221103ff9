/**
 * The pack report (`npm run pack -- --report`): what the default pack holds, what it costs, and
 * how often it marks something on articles that are about none of it (the false-positive check).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { KnowledgePack } from '../../utils/knowledge/schema';
import { compileMatcher } from '../../utils/match/compile';
import { findMentions } from '../../utils/match/find-mentions';
import type { MatcherData } from '../../utils/match/matcher-data';
import { encodeMatcher } from '../../utils/match/serialize';
import { articleBlocks } from './article-text';
import { readBuiltPack } from './built-pack';
import { corpusReport, evaluateCorpus } from './news-corpus';
import { FIXTURE_ARTICLES } from './paths';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function table(rows: [string, string | number][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

/** Marks found in each fixture article, as "surface → id". */
export function fixtureMatches(
  data: MatcherData,
  dir = FIXTURE_ARTICLES,
): { file: string; words: number; marks: string[] }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((file) => {
      const blocks = articleBlocks(readFileSync(join(dir, file), 'utf8'));
      const mentions = findMentions(data, blocks);
      const marks = mentions.flatMap((list, b) =>
        list.map(
          (m) => `${(blocks[b] as string).slice(m.start, m.end)} → ${data.entityIds.at(m.entity)}`,
        ),
      );
      const words = blocks.join(' ').split(/\s+/).filter(Boolean).length;
      return { file, words, marks };
    });
}

export async function printReport(pack: KnowledgePack, verbose = false): Promise<void> {
  const byKind = new Map<string, number>();
  const entitiesByLanguage = new Map<string, number>();
  const aliasesByLanguage = new Map<string, number>();
  for (const entity of pack.entities) {
    byKind.set(entity.kind, (byKind.get(entity.kind) ?? 0) + 1);
    for (const [language, aliases] of Object.entries(entity.aliases)) {
      entitiesByLanguage.set(language, (entitiesByLanguage.get(language) ?? 0) + 1);
      aliasesByLanguage.set(language, (aliasesByLanguage.get(language) ?? 0) + aliases.length);
    }
  }
  const started = performance.now();
  const { data, report } = compileMatcher(pack.entities);
  const compileMs = performance.now() - started;
  const built = readBuiltPack();
  const json = Buffer.from(JSON.stringify(pack));
  const stored = encodeMatcher(data);
  const shipped = [...built.manifest.matcher, ...built.manifest.entities];
  const shippedBytes = shipped.reduce((sum, file) => sum + file.bytes, 0);
  const largest = Math.max(...shipped.map((file) => file.bytes));

  console.log(`\nBackstory default pack ${pack.version}`);
  console.log(`\nEntities: ${pack.entities.length}`);
  console.log(table([...byKind].sort((a, b) => b[1] - a[1])));
  const languages = [...aliasesByLanguage].sort((a, b) => b[1] - a[1]);
  console.log(
    `\nAliases by language (${languages.length} languages; entities with names in it / aliases):`,
  );
  console.log(
    table(
      languages
        .slice(0, 15)
        .map(([language, count]) => [language, `${entitiesByLanguage.get(language)} / ${count}`]),
    ),
  );
  if (languages.length > 15) console.log(`  … and ${languages.length - 15} more`);
  console.log('\nCompiled matcher:');
  console.log(
    table([
      ['aliases compiled (with variants)', report.aliases],
      ['distinct alias groups', report.groups],
      ['dictionary words', report.words],
      ['automaton states', report.states],
      ['compile time', `${compileMs.toFixed(0)} ms`],
      ['skipped aliases', report.skipped.length],
    ]),
  );
  console.log('\nSize:');
  console.log(
    table([
      ['entities as JSON (not shipped)', `${kb(json.length)} (gzip ${kb(gzipSync(json).length)})`],
      [
        'compiled matcher',
        `${kb(stored.reduce((sum, piece) => sum + piece.length, 0))} (gzip ${kb(stored.reduce((sum, piece) => sum + gzipSync(piece).length, 0))})`,
      ],
      [
        'public/packs/default/ (shipped)',
        `${kb(shippedBytes)} in ${shipped.length} files (largest ${kb(largest)})`,
      ],
    ]),
  );
  console.log('\nFalse-positive check (articles on unrelated topics, test/fixtures/articles):');
  let total = 0;
  let words = 0;
  for (const fixture of fixtureMatches(data)) {
    total += fixture.marks.length;
    words += fixture.words;
    console.log(
      `  ${fixture.file}: ${fixture.words} words, ${fixture.marks.length} marks${fixture.marks.length ? `: ${fixture.marks.join('; ')}` : ''}`,
    );
  }
  console.log(
    `  total: ${total} marks in ${words} words (${((total / Math.max(words, 1)) * 1000).toFixed(2)} per 1,000 words)`,
  );
  console.log(
    '\nCoverage and precision on our news corpus (test/fixtures/news; gold marks inline; --verbose lists misses):',
  );
  const byId = new Map(pack.entities.map((entity) => [entity.id, entity]));
  for (const line of corpusReport(
    evaluateCorpus(data, (id) => byId.get(id)),
    verbose,
  ))
    console.log(line);
}
