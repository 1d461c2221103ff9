import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgePack } from '@/utils/knowledge/schema';
import { compileMatcher } from '@/utils/match/compile';
import { Matcher } from '@/utils/match/matcher';
import { PageMatch } from '@/utils/match/page-match';
import type { PageGold } from '../../../scripts/eval/gold';
import { knowledgeOf } from '../../../scripts/eval/knowledge';
import { runNews } from '../../../scripts/eval/news';
import { ROOT } from '../../../scripts/pack/paths';
import { entity, TEST_ENTITIES } from '../../support/entities';

const ENTITIES = [
  ...TEST_ENTITIES,
  {
    ...entity('bs:daraa-governorate', 'place', 'Daraa Governorate', { en: ['Daraa province'] }),
    sources: [{ title: 'Wikidata', url: 'https://www.wikidata.org/wiki/Q238214' }],
  },
];

const dir = mkdtempSync(join(tmpdir(), 'bs-eval-'));

const PARAGRAPHS = [
  'Government forces entered Daraa on Friday, the Syrian Arab News Agency said.',
  'Talks on the Nasib crossing went on in Daraa province, where\nBashar al-Assad had sent envoys.',
  'The United Nations asked for calm; the U.N. envoy met Assad.',
];

describe('npm run marks', () => {
  it('prints, for a text file, what PageMatch marks in its paragraphs', () => {
    const packFile = join(dir, 'pack.json');
    const pack: KnowledgePack = {
      format: 'backstory-pack',
      schemaVersion: 1,
      id: 'test.eval',
      name: 'Test pack',
      version: '1',
      entities: ENTITIES,
    };
    writeFileSync(packFile, JSON.stringify(pack));
    const textFile = join(dir, 'article.txt');
    writeFileSync(textFile, `${PARAGRAPHS.join('\n\n')}\n`);

    const printed = execFileSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/eval/marks.ts', '--pack', packFile, '--date', '2018-07-06', textFile],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));

    const { data } = compileMatcher(ENTITIES);
    const expected = new PageMatch<number>(new Matcher(data), { articleDate: '2018-07-06' })
      .matchAll(PARAGRAPHS.map((text, key) => ({ key, text })))
      .sort((a, b) => a.key - b.key || a.start - b.start);
    expect(expected.length).toBeGreaterThan(4);
    expect(printed.map(({ block, start, end, id }) => ({ block, start, end, id }))).toEqual(
      expected.map(({ key, start, end, entity: e }) => ({
        block: key,
        start,
        end,
        id: data.entityIds.at(e),
      })),
    );
    const file = readFileSync(textFile, 'utf8');
    for (const mark of printed) {
      expect(mark.doc).toBe(textFile);
      expect(file.slice(mark.offset, mark.offset + mark.end - mark.start)).toBe(mark.surface);
    }
    const province = printed.find((mark) => mark.id === 'bs:daraa-governorate');
    expect(province).toMatchObject({
      surface: 'Daraa province',
      wikidata: 'Q238214',
      name: 'Daraa Governorate',
      kind: 'place',
    });
  }, 30_000);
});

describe('npm run eval -- news', () => {
  it('reads each page from its mirror, judges it, and skips a page whose mirror is missing', async () => {
    const mirrors = join(dir, 'mirrors');
    const repo = join(mirrors, 'example+news-pages', 'repo');
    mkdirSync(join(repo, 'pages'), { recursive: true });
    writeFileSync(
      join(repo, 'pages', 'daraa.html'),
      `<html lang="en"><body><h1>Forces enter Daraa</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
    );
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args],
        {
          encoding: 'utf8',
        },
      ).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'page');
    const commit = git('rev-parse', 'HEAD');

    const page = (repository: string): PageGold => ({
      repo: repository,
      commit,
      path: 'pages/daraa.html',
      outlet: 'Example',
      language: 'en',
      date: '2018-07-06',
      entities: [
        { names: ['Daraa'], qid: 'Q238217', label: 'Daraa', kind: 'place' },
        {
          names: ['Bashar al-Assad', 'Assad'],
          qid: 'Q44329',
          label: 'Bashar al-Assad',
          kind: 'person',
        },
        { names: ['Jordan'], qid: 'Q810', label: 'Jordan', kind: 'place' },
      ],
    });
    const goldFile = join(dir, 'gold.json');
    writeFileSync(goldFile, JSON.stringify([page('example/news-pages'), page('example/absent')]));
    const unjudged = join(dir, 'unjudged.json');

    const { lines, result } = await runNews(knowledgeOf(ENTITIES), {
      gold: goldFile,
      mirrors,
      unjudged,
    });
    expect(result.pages).toHaveLength(1);
    expect(result.skipped).toEqual([
      expect.objectContaining({ page: 'example/absent:pages/daraa.html' }),
    ]);
    expect(result.skipped[0]?.reason).toContain('github:example/absent');
    expect(result.all).toMatchObject({ wanted: 3, covered: 2 });
    expect(result.all.unjudged).toBeGreaterThan(0);
    const written = JSON.parse(readFileSync(unjudged, 'utf8'));
    expect(written[0].judged).toHaveLength(result.all.unjudged);
    expect(written[0].judged[0].right).toBeNull();
    expect(lines.some((line) => line.startsWith('all '))).toBe(true);
  });
});
