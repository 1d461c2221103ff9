/**
 * Our own measure of coverage and precision: the news-like pages of `test/fixtures/news/`, each
 * with gold marks written inline (see that folder's README), read the way the extension reads a
 * page (happy-dom, {@link SegmentWalker}, {@link Matcher}, {@link Resolver} with the article's
 * date) and compared with the gold.
 *
 * - coverage: of the entities a reader wants explained on each page (gold `data-e` spans not
 *   marked optional), the share marked at least once with the right entity;
 * - precision by distinct marks: of the distinct (page, surface, entity, gold span kind) marks,
 *   the share that are right;
 * - precision by mentions: the same over every mark.
 *
 * A mark is right when it overlaps a gold span whose accepted ids include the marked entity's id
 * (or its Wikidata id, read from its sources), or, for a `?` span, when the entity's display name
 * is the span's `data-name`. Every other mark is wrong, a mark on a trap included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../utils/knowledge/schema';
import { wikidataIdOf } from '../../utils/knowledge/wikidata-id';
import { Matcher } from '../../utils/match/matcher';
import type { MatcherData } from '../../utils/match/matcher-data';
import { PageMatch } from '../../utils/match/page-match';
import { foldedText } from '../../utils/match/tokenize';
import type { TextSegment } from '../../utils/page/scan';
import { readHtml } from '../eval/read-html';
import { NEWS_CORPUS } from './paths';

/** A gold span: where a name is, and which entities may be marked there. */
export interface GoldSpan {
  segment: number;
  start: number;
  end: number;
  text: string;
  /** Accepted entity ids; empty for a trap with nothing to explain, or a `?` span. */
  ids: string[];
  /** For `?` spans: the display name an entity must have to be right here. */
  name?: string;
  optional: boolean;
  trap: boolean;
}

/** One mark the pipeline made, judged against the gold. */
export interface JudgedMark {
  segment: number;
  start: number;
  end: number;
  text: string;
  entity: string;
  right: boolean;
  /** The gold span it fell on, if any. */
  gold?: GoldSpan;
}

export interface PageResult {
  file: string;
  language: string;
  date: string;
  marks: JudgedMark[];
  gold: GoldSpan[];
  /** Entities to explain (by gold key), and those marked right. */
  wanted: string[];
  covered: string[];
}

export interface CorpusFigures {
  pages: number;
  languages: string[];
  goldSpans: number;
  traps: number;
  wanted: number;
  covered: number;
  coverage: number;
  distinctMarks: number;
  distinctRight: number;
  precisionDistinct: number;
  mentions: number;
  mentionsRight: number;
  precisionMentions: number;
}

/** Entities made from the popular Wikipedia title list: no Wikidata id, a title for a name. */
function isTitleEntity(id: string): boolean {
  return id.startsWith('bs:wp-');
}

/** Key of a gold span for coverage: the first accepted id, or the name of a `?` span. */
function goldKey(gold: GoldSpan): string {
  return gold.ids[0] ?? `?${gold.name ?? gold.text}`;
}

/** Read one page: its segments (as the extension reads them), gold spans and date. */
export function readPage(html: string): {
  segments: TextSegment[];
  gold: GoldSpan[];
  date: string;
  language: string;
} {
  const page = readHtml(html);
  const { segments } = page;
  const gold: GoldSpan[] = [];
  segments.forEach((segment, s) => {
    let open: { element: Element; start: number; end: number } | null = null;
    const close = () => {
      if (!open) return;
      const element = open.element;
      const ids = (element.getAttribute('data-e') ?? '').split(/\s+/).filter(Boolean);
      const unknown = ids.includes('?');
      gold.push({
        segment: s,
        start: open.start,
        end: open.end,
        text: segment.text.slice(open.start, open.end),
        ids: ids.filter((id) => id !== '?'),
        name: unknown
          ? (element.getAttribute('data-name') ?? element.textContent ?? '')
          : undefined,
        optional: element.hasAttribute('data-opt'),
        trap: element.hasAttribute('data-trap'),
      });
      open = null;
    };
    segment.pieces.forEach((piece, p) => {
      const element = piece.node.parentElement?.closest('[data-e],[data-trap]') ?? null;
      const start = segment.starts[p] as number;
      const end = start + piece.to - piece.from;
      if (element && open?.element === element) open.end = end;
      else {
        close();
        if (element) open = { element, start, end };
      }
    });
    close();
  });
  page.close();
  return { segments, gold, date: page.articleDate.date, language: page.language };
}

/** Mark one page the way the extension does, and judge every mark. */
export function evaluatePage(
  data: MatcherData,
  entityOf: (id: string) => Pick<Entity, 'id' | 'name' | 'sources'> | undefined,
  file: string,
  html: string,
): PageResult {
  const { segments, gold, date, language } = readPage(html);
  const page = new PageMatch<number>(new Matcher(data), { articleDate: date });
  const raw = page
    .matchAll(segments.map((segment, s) => ({ key: s, text: segment.text })))
    .map(({ key, ...match }) => ({ segment: key, ...match }));

  const marks = raw.map((mark): JudgedMark => {
    const id = data.entityIds.at(mark.entity) as string;
    const entity = entityOf(id);
    const accepted = new Set([id, entity ? wikidataIdOf(entity) : undefined]);
    const on = gold.find(
      (span) => span.segment === mark.segment && span.start < mark.end && mark.start < span.end,
    );
    const name = entity?.name ?? data.entityNames.at(mark.entity) ?? '';
    const text = (segments[mark.segment] as TextSegment).text.slice(mark.start, mark.end);
    const right =
      !!on &&
      (on.ids.some((goldId) => accepted.has(goldId)) ||
        (on.name !== undefined && foldedText(on.name) === foldedText(name)) ||
        // A popular-title entity names the Wikipedia article of exactly that title: right when
        // the page names exactly it (it has no id to compare; the card links to the article).
        (isTitleEntity(id) && foldedText(on.text) === foldedText(name)));
    return { ...mark, text, entity: id, right, gold: on };
  });
  const wanted = [
    ...new Set(
      gold.filter((span) => !span.optional && (span.ids.length > 0 || span.name)).map(goldKey),
    ),
  ];
  const covered = [
    ...new Set(
      marks.filter((mark) => mark.right && mark.gold).map((mark) => goldKey(mark.gold as GoldSpan)),
    ),
  ].filter((key) => wanted.includes(key));
  return { file, language, date, marks, gold, wanted, covered };
}

/** Evaluate every page of the corpus. */
export function evaluateCorpus(
  data: MatcherData,
  entityOf: (id: string) => Pick<Entity, 'id' | 'name' | 'sources'> | undefined,
  dir = NEWS_CORPUS,
): { pages: PageResult[]; figures: CorpusFigures } {
  const pages = readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((file) => evaluatePage(data, entityOf, file, readFileSync(join(dir, file), 'utf8')));
  return { pages, figures: figuresOf(pages) };
}

function figuresOf(pages: PageResult[]): CorpusFigures {
  let wanted = 0;
  let covered = 0;
  let mentions = 0;
  let mentionsRight = 0;
  const distinct = new Map<string, boolean>();
  for (const page of pages) {
    wanted += page.wanted.length;
    covered += page.covered.length;
    for (const mark of page.marks) {
      mentions++;
      if (mark.right) mentionsRight++;
      const target = mark.gold ? goldKey(mark.gold) : 'none';
      distinct.set(
        `${page.file}\u0000${foldedText(mark.text)}\u0000${mark.entity}\u0000${target}`,
        mark.right,
      );
    }
  }
  const distinctRight = [...distinct.values()].filter(Boolean).length;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    pages: pages.length,
    languages: [...new Set(pages.map((page) => page.language))].sort(),
    goldSpans: pages.reduce(
      (sum, page) =>
        sum + page.gold.filter((span) => !span.trap || span.ids.length > 0 || span.name).length,
      0,
    ),
    traps: pages.reduce((sum, page) => sum + page.gold.filter((span) => span.trap).length, 0),
    wanted,
    covered,
    coverage: ratio(covered, wanted),
    distinctMarks: distinct.size,
    distinctRight,
    precisionDistinct: ratio(distinctRight, distinct.size),
    mentions,
    mentionsRight,
    precisionMentions: ratio(mentionsRight, mentions),
  };
}

/** Lines for the pack report: the figures, then each page's wrong marks. */
export function corpusReport(
  result: { pages: PageResult[]; figures: CorpusFigures },
  verbose = false,
): string[] {
  const { figures: f, pages } = result;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `  ${f.pages} pages (${f.languages.join(', ')}), ${f.goldSpans} gold names, ${f.traps} traps, ${f.wanted} entities to explain`,
    `  coverage              ${pct(f.coverage)} (${f.covered} of ${f.wanted} entities to explain marked right)`,
    `  precision (distinct)  ${pct(f.precisionDistinct)} (${f.distinctRight} of ${f.distinctMarks} distinct marks right)`,
    `  precision (mentions)  ${pct(f.precisionMentions)} (${f.mentionsRight} of ${f.mentions} marks right)`,
  ];
  for (const page of pages) {
    const wrong = page.marks.filter((mark) => !mark.right);
    const missed = page.wanted.filter((key) => !page.covered.includes(key));
    lines.push(
      `  ${page.file} (${page.date}): ${page.covered.length}/${page.wanted.length} covered, ${page.marks.length - wrong.length}/${page.marks.length} marks right` +
        (wrong.length > 0
          ? `; wrong: ${wrong.map((mark) => `${mark.text} → ${mark.entity}${mark.gold ? ` (gold ${goldKey(mark.gold)})` : ''}`).join('; ')}`
          : ''),
    );
    if (verbose && missed.length > 0) lines.push(`      missed: ${missed.join(', ')}`);
  }
  return lines;
}
