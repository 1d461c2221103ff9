/**
 * Judging the engine's marks on a real news page against hand-written gold ({@link PageGold}).
 * Every distinct mark (folded surface, entity id) is judged once:
 * - right: the entity's Wikidata id is the `qid` of a gold entity whose `names` include the
 *   surface, or (a gold entity without a qid, or a marked entity without one) its display name
 *   is the gold `label`;
 * - wrong: the surface is a gold entity's name but names another entity, or the mark lies on a
 *   trap;
 * - a `judged` entry with the same text and id overrides both;
 * - unjudged: anything else, listed for a person to judge.
 * Names compare folded ({@link foldedText}): case, diacritics and typographic variants aside.
 */
import type { EntityKind } from '../../utils/knowledge/schema';
import { foldedText } from '../../utils/match/tokenize';
import type { GoldEntity, GoldJudgment, PageGold } from './gold';
import type { Mark } from './mark';
import { ratio } from './report';

export type NewsVerdict = 'right' | 'wrong' | 'unjudged';

/** One distinct mark of a page, judged. */
export interface DistinctMark {
  /** The surface as first written on the page. */
  text: string;
  id: string;
  wikidata: string | null;
  name: string;
  kind: EntityKind;
  /** How many times the page has it. */
  count: number;
  verdict: NewsVerdict;
  /** Why: the gold entity, trap or judgment that settled it. */
  why: string;
  /** Found by live discovery. */
  live?: true;
}

/** Coverage and precision of one page, or of many. */
export interface NewsFigures {
  /** Gold entities that are not optional, and those marked right at least once. */
  wanted: number;
  covered: number;
  coverage: number | null;
  distinctMarks: number;
  right: number;
  wrong: number;
  unjudged: number;
  /** Right over judged distinct marks. */
  precision: number | null;
  /** Right over all distinct marks (unjudged counted as wrong). */
  pessimistic: number | null;
}

export interface PageJudgment {
  page: string;
  date?: string;
  marks: DistinctMark[];
  /** Labels of the wanted gold entities not marked right anywhere on the page. */
  missed: string[];
  figures: NewsFigures;
}

/** Names folded for comparison (runs of white space as one space). */
export const fold = (text: string) => foldedText(text.replace(/\s+/g, ' ').trim());

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a trap's words are in each block: whole words, any case. */
function trapRanges(
  traps: readonly { text: string }[],
  blocks: readonly string[],
): { block: number; start: number; end: number; text: string }[] {
  const out: { block: number; start: number; end: number; text: string }[] = [];
  for (const trap of traps) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(trap.text.trim())}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    blocks.forEach((text, block) => {
      for (const found of text.matchAll(pattern))
        out.push({
          block,
          start: found.index,
          end: found.index + found[0].length,
          text: trap.text,
        });
    });
  }
  return out;
}

/**
 * Does this mark name this gold entity? By Wikidata id; by the entity's display name and the gold
 * label when either has no id to compare.
 */
function names(entity: GoldEntity, mark: Pick<Mark, 'wikidata' | 'name'>): boolean {
  return entity.qid && mark.wikidata
    ? mark.wikidata === entity.qid
    : fold(mark.name) === fold(entity.label);
}

/** The key a gold entity is counted by. */
const goldKey = (entity: GoldEntity) => entity.qid ?? `label:${fold(entity.label)}`;

/**
 * Judge one page's marks.
 * @param blocks the page's blocks, as marked
 * @param marks what the engine marked in them
 */
export function judgePage(
  gold: PageGold,
  blocks: readonly string[],
  marks: readonly Mark[],
): PageJudgment {
  const traps = trapRanges(gold.traps ?? [], blocks);
  const distinct = new Map<string, { mark: Mark; count: number; onTrap?: string }>();
  for (const mark of marks) {
    const key = `${fold(mark.surface)}\u0000${mark.id}`;
    const entry = distinct.get(key) ?? { mark, count: 0 };
    entry.count++;
    const trap = traps.find(
      (range) => range.block === mark.block && range.start < mark.end && mark.start < range.end,
    );
    entry.onTrap ??= trap?.text;
    distinct.set(key, entry);
  }
  const trapTexts = new Set((gold.traps ?? []).map((trap) => fold(trap.text)));
  const judgmentOf = (mark: Mark): GoldJudgment | undefined =>
    gold.judged?.find((j) => j.id === mark.id && fold(j.text) === fold(mark.surface));

  const covered = new Set<string>();
  const judged = [...distinct.values()].map(({ mark, count, onTrap }): DistinctMark => {
    const surface = fold(mark.surface);
    const verdict = (): [NewsVerdict, string] => {
      const judgment = judgmentOf(mark);
      if (judgment)
        return [
          judgment.right ? 'right' : 'wrong',
          `judged${judgment.note ? `: ${judgment.note}` : ''}`,
        ];
      const named = gold.entities.filter((entity) => entity.names.some((n) => fold(n) === surface));
      const right = named.find((entity) => names(entity, mark));
      if (right) return ['right', right.label];
      if (named.length > 0)
        return ['wrong', `a name of ${named.map((entity) => entity.label).join(' / ')}`];
      if (onTrap !== undefined || trapTexts.has(surface))
        return ['wrong', `trap: ${onTrap ?? mark.surface}`];
      return ['unjudged', ''];
    };
    const [result, why] = verdict();
    if (result === 'right')
      for (const entity of gold.entities) if (names(entity, mark)) covered.add(goldKey(entity));
    const { surface: text, id, wikidata, name, kind } = mark;
    return {
      text,
      id,
      wikidata,
      name,
      kind,
      count,
      verdict: result,
      why,
      ...(mark.live ? { live: true as const } : {}),
    };
  });

  const wanted = new Map<string, string>();
  for (const entity of gold.entities)
    if (!entity.optional) wanted.set(goldKey(entity), entity.label);
  const missed = [...wanted].filter(([key]) => !covered.has(key)).map(([, label]) => label);
  const count = (verdict: NewsVerdict) => judged.filter((mark) => mark.verdict === verdict).length;
  return {
    page: `${gold.repo}:${gold.path}`,
    date: gold.date,
    marks: judged,
    missed,
    figures: figuresOf(
      wanted.size,
      wanted.size - missed.length,
      count('right'),
      count('wrong'),
      count('unjudged'),
    ),
  };
}

function figuresOf(
  wanted: number,
  covered: number,
  right: number,
  wrong: number,
  unjudged: number,
): NewsFigures {
  const distinctMarks = right + wrong + unjudged;
  return {
    wanted,
    covered,
    coverage: ratio(covered, wanted),
    distinctMarks,
    right,
    wrong,
    unjudged,
    precision: ratio(right, right + wrong),
    pessimistic: ratio(right, distinctMarks),
  };
}

/** Pages' figures summed (micro: every gold entity and every distinct mark counts once). */
export function totalFigures(pages: readonly PageJudgment[]): NewsFigures {
  const sum = (pick: (f: NewsFigures) => number) =>
    pages.reduce((total, page) => total + pick(page.figures), 0);
  return figuresOf(
    sum((f) => f.wanted),
    sum((f) => f.covered),
    sum((f) => f.right),
    sum((f) => f.wrong),
    sum((f) => f.unjudged),
  );
}

/** A page's unjudged marks, as `judged` entries for a person to complete (`right` left null). */
export function unjudgedEntries(
  gold: Pick<PageGold, 'repo' | 'commit' | 'path'>,
  page: PageJudgment,
): {
  repo: string;
  commit: string;
  path: string;
  judged: (Omit<GoldJudgment, 'right'> & { right: boolean | null })[];
} {
  return {
    repo: gold.repo,
    commit: gold.commit,
    path: gold.path,
    judged: page.marks
      .filter((mark) => mark.verdict === 'unjudged')
      .map((mark) => ({
        text: mark.text,
        id: mark.id,
        right: null,
        note: `${mark.name} (${mark.kind}${mark.wikidata && mark.wikidata !== mark.id ? `, ${mark.wikidata}` : ''})`,
      })),
  };
}
