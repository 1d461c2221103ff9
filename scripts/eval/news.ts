/**
 * `npm run eval -- news`: the engine on real news pages, judged by hand. The gold
 * (`test/eval/news-pages.gold.json`) names each page by repository, commit and path; the page is
 * read from a fetched bare mirror of that repository, never from a copy here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../pack/paths';
import { readGitFile } from './git-file';
import type { PageGold } from './gold';
import type { Knowledge } from './knowledge';
import type { LiveEvaluation } from './live-discovery';
import { markBlocks } from './mark';
import {
  judgePage,
  type NewsFigures,
  type PageJudgment,
  totalFigures,
  unjudgedEntries,
} from './news-score';
import { readHtml } from './read-html';
import { percent, table } from './report';

export const DEFAULT_GOLD = join(ROOT, 'test/eval/news-pages.gold.json');
/** Where fetched mirrors live: `<dir>/<owner>+<name>/repo`. */
export const DEFAULT_MIRRORS = '/work/.mirror';

/** The bare mirror of `owner/name` under `mirrors`. */
export function mirrorOf(mirrors: string, repo: string): string {
  return join(mirrors, repo.replace('/', '+'), 'repo');
}

/** A page's name for the table: long hashes in file names cut short. */
function shortName(page: string): string {
  return page.replace(/[0-9a-f]{16,}/g, (hash) => `${hash.slice(0, 12)}…`);
}

/** Live discovery in a run: the evaluation against the fake, and whether Wikipedia is on. */
export interface LiveRun {
  evaluation: LiveEvaluation;
  on: boolean;
}

/** A page's judgment, and what live discovery did on it. */
export interface LivePageJudgment extends PageJudgment {
  /** Look-up requests the page cost (live runs only). */
  lookups?: number;
}

/** Mark one page read from its HTML, as the extension would, and judge the marks. */
export async function evaluatePage(
  knowledge: Knowledge,
  gold: PageGold,
  html: string,
  live?: LiveRun,
): Promise<LivePageJudgment> {
  const page = readHtml(html);
  const blocks = page.segments.map((segment) => segment.text);
  const lang = page.language;
  page.close();
  const date = gold.date ?? page.knownDate;
  if (!live) return { ...judgePage(gold, blocks, markBlocks(knowledge, blocks, date)), date };
  const { marks, lookups } = await live.evaluation.markPage(knowledge, blocks, {
    ...(date ? { date } : {}),
    ...(lang ? { lang } : {}),
    on: live.on,
  });
  return { ...judgePage(gold, blocks, marks), date, lookups };
}

export interface NewsOptions {
  gold: string;
  mirrors: string;
  verbose?: boolean;
  /** Where to write the unjudged marks, as `judged` entries to complete. */
  unjudged?: string;
  /** Run live discovery too (against the fake). */
  live?: LiveRun;
}

export interface NewsResult {
  suite: 'news';
  gold: string;
  pages: LivePageJudgment[];
  skipped: { page: string; reason: string }[];
  all: NewsFigures;
  /** Live runs: look-up requests per page, and how the discovered marks were judged. */
  live?: { on: boolean; lookups: number[]; right: number; wrong: number; unjudged: number };
}

/** Run the suite; lines to print, and the figures. */
export async function runNews(
  knowledge: Knowledge,
  options: NewsOptions,
): Promise<{ lines: string[]; result: NewsResult }> {
  if (!existsSync(options.gold))
    throw new Error(`No gold at ${options.gold}: write it, or pass --gold FILE.`);
  const golds = JSON.parse(readFileSync(options.gold, 'utf8')) as PageGold[];
  const pages: LivePageJudgment[] = [];
  const skipped: NewsResult['skipped'] = [];
  const todo: ReturnType<typeof unjudgedEntries>[] = [];
  for (const gold of golds) {
    const name = `${gold.repo}:${gold.path}`;
    let html: string;
    try {
      html = readGitFile(mirrorOf(options.mirrors, gold.repo), gold.commit, gold.path);
    } catch (error) {
      skipped.push({
        page: name,
        reason: `${(error as Error).message}; fetch the repository (the \`fetch\` tool, github:${gold.repo}) or point --mirrors at where its mirror is`,
      });
      continue;
    }
    const judged = await evaluatePage(knowledge, gold, html, options.live);
    pages.push(judged);
    todo.push(unjudgedEntries(gold, judged));
  }
  const all = totalFigures(pages);
  const row = (name: string, f: NewsFigures, date = '') => [
    name,
    date,
    `${f.covered}/${f.wanted}`,
    percent(f.coverage),
    String(f.right),
    String(f.wrong),
    String(f.unjudged),
    percent(f.precision),
    percent(f.pessimistic),
  ];
  const lines = [
    `Real news pages judged by hand (${options.gold})`,
    ...table([
      [
        'page',
        'date',
        'covered',
        'coverage',
        'right',
        'wrong',
        'unjudged',
        'precision',
        'pessimistic',
      ],
      ...pages.map((page) => row(shortName(page.page), page.figures, page.date ?? '')),
      row('all', all),
    ]),
  ];
  for (const { page, reason } of skipped) lines.push(`skipped ${page}: ${reason}`);
  const live = options.live ? liveFigures(pages, options.live.on) : undefined;
  if (live) lines.push('', ...liveLines(live));
  for (const page of pages) {
    const unjudged = page.marks.filter((mark) => mark.verdict === 'unjudged');
    const wrong = page.marks.filter((mark) => mark.verdict === 'wrong');
    const show = options.verbose ? [...wrong, ...unjudged] : unjudged;
    if (show.length === 0 && !(options.verbose && page.missed.length > 0)) continue;
    lines.push('', shortName(page.page));
    for (const mark of show)
      lines.push(
        `  ${mark.verdict.padEnd(8)} ${mark.text.replace(/\s+/g, ' ')} → ${mark.name} (${mark.id})${mark.live ? ' live' : ''}${mark.why ? `  [${mark.why}]` : ''}`,
      );
    if (options.verbose && page.missed.length > 0)
      lines.push(`  missed: ${page.missed.join(', ')}`);
  }
  if (options.unjudged) {
    writeFileSync(
      options.unjudged,
      `${JSON.stringify(
        todo.filter((entry) => entry.judged.length > 0),
        null,
        2,
      )}\n`,
    );
    lines.push('', `unjudged marks written to ${options.unjudged}`);
  }
  return {
    lines,
    result: { suite: 'news', gold: options.gold, pages, skipped, all, ...(live ? { live } : {}) },
  };
}

/** What live discovery did over the run: requests per page, and its own marks as judged. */
function liveFigures(
  pages: readonly LivePageJudgment[],
  on: boolean,
): NonNullable<NewsResult['live']> {
  const marks = pages.flatMap((page) => page.marks.filter((mark) => mark.live));
  const count = (verdict: string) => marks.filter((mark) => mark.verdict === verdict).length;
  return {
    on,
    lookups: pages.map((page) => page.lookups ?? 0),
    right: count('right'),
    wrong: count('wrong'),
    unjudged: count('unjudged'),
  };
}

function liveLines(live: NonNullable<NewsResult['live']>): string[] {
  const sorted = [...live.lookups].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const total = live.lookups.reduce((sum, n) => sum + n, 0);
  const judged = live.right + live.wrong;
  return [
    `live discovery ${live.on ? 'on' : 'off'}: ${total} look-up requests over ${sorted.length} pages (median ${median}, most ${sorted[sorted.length - 1] ?? 0}, pages over 2: ${sorted.filter((n) => n > 2).length})`,
    `discovered marks: ${live.right} right, ${live.wrong} wrong, ${live.unjudged} unjudged (precision ${judged ? ((100 * live.right) / judged).toFixed(1) : '—'}%)`,
  ];
}
