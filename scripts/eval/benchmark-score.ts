/**
 * Scoring the engine on an entity-linking benchmark in ELEVANT's format (one JSON document per
 * line, labels carrying Wikidata ids), the way published named-entity figures are scored: a
 * prediction is right when a gold label has exactly its span and its Wikidata id.
 *
 * Which labels are gold (counted for recall):
 * - labels with a Wikidata id, inside the document's `evaluation_span`, not `optional`;
 * - roots only: a label with a `parent` is an alternative reading of part of its parent's span;
 * - named mentions only (unless `allMentions`): not a pronoun or a "the …"/"his …" phrase
 *   (a coreference), and the entity's name starts with a capital letter, as ELEVANT defines
 *   named entities. Benchmarks such as Spotlight and OKE also link common nouns ("car",
 *   "student"), which a news reader never wants marked.
 * Every other label with a Wikidata id is set aside: a prediction exactly on it, with its id, is
 * neither right nor wrong. A prediction exactly on a child label with its root's id finds the root
 * ("Bush" inside a gold "President Bush").
 *
 * Two precisions: strict, where every other prediction inside the evaluation span is a false
 * positive; and NIL-neutral, where predictions overlapping a label without a Wikidata id (NIL:
 * the benchmark knows no entity for it) or a set-aside label are left out.
 */
import { foldedText } from '../../utils/match/tokenize';

/** A label of an ELEVANT benchmark document. */
export interface BenchmarkLabel {
  id: number;
  /** Character offsets, in code points (ELEVANT is written in Python). */
  span: [number, number];
  /** A Wikidata id, or something else ("Unknown", "<NIL>", "DATETIME"…) for none. */
  entity_id: string;
  name: string;
  type?: string;
  parent?: number | null;
  children?: number[];
  optional?: boolean;
  coref?: boolean;
  desc?: string;
}

/** A line of an ELEVANT benchmark. */
export interface BenchmarkDocument {
  id: number | string;
  title?: string;
  text: string;
  evaluation_span?: [number, number];
  labels: BenchmarkLabel[];
}

/** A mark the engine made in a document, in UTF-16 offsets of its text. */
export interface Prediction {
  start: number;
  end: number;
  /** The marked entity's Wikidata id, when it has one. */
  wikidata: string | null;
  id: string;
  name: string;
}

/**
 * - right: exactly a gold label's span and id;
 * - aside: exactly a set-aside label's span and id (or a gold label found already): not counted;
 * - nil: overlaps a label without a Wikidata id or a set-aside one (wrong only when strict);
 * - wrong: any other prediction inside the evaluation span;
 * - outside: outside the evaluation span, not counted.
 */
export type Verdict = 'right' | 'aside' | 'nil' | 'wrong' | 'outside';

/**
 * What kind of error a false positive is: the right entity with other bounds than the label's
 * ("U.S" for "U.S."), another entity on a labelled span, or a mark where nothing is labelled.
 */
export type ErrorKind = 'span' | 'entity' | 'extra';

export interface JudgedPrediction extends Prediction {
  surface: string;
  verdict: Verdict;
  /** For wrong and NIL predictions. */
  error?: ErrorKind;
}

/** A gold label, as the report shows it. */
export interface GoldMention {
  surface: string;
  qid: string;
  name: string;
  found: boolean;
}

export interface DocumentScore {
  gold: GoldMention[];
  predictions: JudgedPrediction[];
}

/** Options of the scoring. */
export interface ScoreOptions {
  /** Count every root label with a Wikidata id as gold, coreferences and common nouns too. */
  allMentions?: boolean;
}

const PRONOUNS = new Set(
  (
    'i me my mine myself you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself we us our ours ourselves they them their theirs themselves'
  ).split(' '),
);
const DETERMINERS = /^(the|this|that|these|those|my|your|his|her|its|our|their) (.)/i;

/** Does this mention refer back rather than name: "she", "the company", "his brother"? */
export function isCoreference(mention: string): boolean {
  const lower = mention.toLowerCase();
  // "US" and "IT" are names; "I" is a pronoun.
  if (PRONOUNS.has(lower)) return lower === 'i' || mention !== mention.toUpperCase();
  const next = DETERMINERS.exec(mention)?.[2];
  return next !== undefined && next === next.toLowerCase();
}

/** Is this entity name a named entity's (its first letter a capital), not a common noun's? */
export function isNamedEntity(name: string): boolean {
  const first = /\p{L}/u.exec(name)?.[0];
  return first !== undefined && first !== first.toLowerCase();
}

const isWikidataId = (id: string) => /^Q\d+$/.test(id);

/** Code-point offsets of `text` → UTF-16 offsets (they differ after an emoji or other astral character). */
export function utf16Offsets(text: string): (codePoint: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (codePoint) => codePoint;
  const table: number[] = [];
  let unit = 0;
  for (const char of text) {
    table.push(unit);
    unit += char.length;
  }
  table.push(unit);
  return (codePoint) => table[codePoint] ?? unit;
}

/** A document's labels in UTF-16 offsets, with its evaluation span. */
export function inUtf16(document: BenchmarkDocument): BenchmarkDocument {
  const at = utf16Offsets(document.text);
  const span = ([start, end]: [number, number]): [number, number] => [at(start), at(end)];
  return {
    ...document,
    evaluation_span: document.evaluation_span && span(document.evaluation_span),
    labels: document.labels.map((label) => ({ ...label, span: span(label.span) })),
  };
}

type LabelClass = 'gold' | 'aside' | 'nil';

/** Score one document's predictions (offsets in UTF-16: see {@link inUtf16}). */
export function scoreDocument(
  document: BenchmarkDocument,
  predictions: readonly Prediction[],
  options: ScoreOptions = {},
): DocumentScore {
  const { text } = document;
  const [from, to] = document.evaluation_span ?? [0, text.length];
  const inside = (start: number, end: number) => start >= from && end <= to;
  const byId = new Map(document.labels.map((label) => [label.id, label]));
  const rootOf = (label: BenchmarkLabel): BenchmarkLabel => {
    let root = label;
    for (let seen = 0; root.parent != null && seen < 100; seen++)
      root = byId.get(root.parent) ?? root;
    return root;
  };
  const classOf = new Map<BenchmarkLabel, LabelClass>();
  for (const label of document.labels) {
    const [start, end] = label.span;
    if (!inside(start, end)) continue;
    if (!isWikidataId(label.entity_id)) classOf.set(label, 'nil');
    else {
      const named =
        options.allMentions ||
        (!(label.coref ?? isCoreference(text.slice(start, end))) && isNamedEntity(label.name));
      classOf.set(label, label.parent == null && !label.optional && named ? 'gold' : 'aside');
    }
  }
  const found = new Set<BenchmarkLabel>();
  const judged = [...predictions]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((prediction): JudgedPrediction => {
      const { start, end, wikidata } = prediction;
      const surface = text.slice(start, end);
      const verdict = (): Verdict => {
        if (!inside(start, end)) return 'outside';
        let aside = false;
        for (const [label, kind] of classOf) {
          if (label.span[0] !== start || label.span[1] !== end || label.entity_id !== wikidata)
            continue;
          const root = rootOf(label);
          const target = kind === 'gold' ? label : root.entity_id === wikidata ? root : undefined;
          if (target && classOf.get(target) === 'gold' && !found.has(target)) {
            found.add(target);
            return 'right';
          }
          aside = true;
        }
        if (aside) return 'aside';
        for (const [label, kind] of classOf)
          if (kind !== 'gold' && label.span[0] < end && start < label.span[1]) return 'nil';
        return 'wrong';
      };
      const result = verdict();
      if (result !== 'wrong' && result !== 'nil')
        return { ...prediction, surface, verdict: result };
      const overlapping = [...classOf.keys()].filter(
        (label) => label.span[0] < end && start < label.span[1],
      );
      const error: ErrorKind = overlapping.some((label) => label.entity_id === wikidata)
        ? 'span'
        : overlapping.some((label) => label.span[0] === start && label.span[1] === end)
          ? 'entity'
          : 'extra';
      return { ...prediction, surface, verdict: result, error };
    });
  const gold = [...classOf]
    .filter(([, kind]) => kind === 'gold')
    .map(([label]) => ({
      surface: text.slice(label.span[0], label.span[1]),
      qid: label.entity_id,
      name: label.name,
      found: found.has(label),
    }));
  return { gold, predictions: judged };
}

/** Precision, recall and F1 (null where a ratio has nothing to divide by). */
export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function scoresOf(
  truePositives: number,
  falsePositives: number,
  falseNegatives: number,
): Scores {
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** A benchmark's figures, over all its documents (micro-averaged). */
export interface BenchmarkFigures {
  docs: number;
  gold: number;
  strict: Scores;
  nilNeutral: Scores;
  /** Gold labels whose entity the knowledge has at all: the recall it could reach. */
  goldInKnowledge: number;
  /** Distinct gold entities, and those the knowledge lacks. */
  goldEntities: number;
  goldEntitiesMissing: number;
  /** Strict false positives by kind, and those whose entity has no Wikidata id to compare. */
  errors: Record<ErrorKind, number> & { withoutWikidata: number };
}

/** Sum documents' scores. */
export function benchmarkFigures(
  scores: readonly DocumentScore[],
  known: (qid: string) => boolean,
): BenchmarkFigures {
  let gold = 0;
  let right = 0;
  let wrong = 0;
  let nil = 0;
  let goldInKnowledge = 0;
  const entities = new Set<string>();
  const errors = { span: 0, entity: 0, extra: 0, withoutWikidata: 0 };
  for (const score of scores) {
    gold += score.gold.length;
    for (const label of score.gold) {
      entities.add(label.qid);
      if (known(label.qid)) goldInKnowledge++;
    }
    for (const { verdict, error, wikidata } of score.predictions) {
      if (verdict === 'right') right++;
      else if (verdict === 'wrong') wrong++;
      else if (verdict === 'nil') nil++;
      if (error) errors[error]++;
      if (error && !wikidata) errors.withoutWikidata++;
    }
  }
  return {
    docs: scores.length,
    gold,
    strict: scoresOf(right, wrong + nil, gold - right),
    nilNeutral: scoresOf(right, wrong, gold - right),
    goldInKnowledge,
    goldEntities: entities.size,
    goldEntitiesMissing: [...entities].filter((qid) => !known(qid)).length,
    errors,
  };
}

/** The most frequent false positives and misses, as "surface → name (id)" with counts. */
export function frequentErrors(
  scores: readonly DocumentScore[],
  known: (qid: string) => boolean,
  limit = 15,
): { falsePositives: [string, number][]; misses: [string, number][] } {
  const count = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
  };
  const folded = (surface: string) => foldedText(surface.replace(/\s+/g, ' '));
  return {
    falsePositives: count(
      scores.flatMap((score) =>
        score.predictions
          .filter((p) => p.verdict === 'wrong' || p.verdict === 'nil')
          .map(
            (p) =>
              `${folded(p.surface)} → ${p.name} (${p.wikidata ?? p.id})${p.verdict === 'nil' ? ' [on NIL]' : ''}`,
          ),
      ),
    ),
    misses: count(
      scores.flatMap((score) =>
        score.gold
          .filter((label) => !label.found)
          .map(
            (label) =>
              `${folded(label.surface)} → ${label.name} (${label.qid})${known(label.qid) ? '' : ' [not in knowledge]'}`,
          ),
      ),
    ),
  };
}
