import { contentWords } from './text';

/**
 * Choosing which page a name on the page means, from the words around it. Pure: the caller
 * gathers the candidates (title look-ups of the name and its variants, say) and the page's words;
 * this decides, and prefers no card to a guess.
 */

/** A page that might be the one meant. */
export interface Candidate {
  title: string;
  description?: string;
}

export interface Choice<C extends Candidate> {
  /** The page chosen, or null when none can be chosen with confidence. */
  chosen: C | null;
  /** Why: one candidate only, the best fit with the page, or why none was chosen. */
  reason: 'only-candidate' | 'best-context' | 'no-candidates' | 'no-context' | 'tie';
  /** Each candidate's score, in the order given. */
  scores: number[];
}

/**
 * How well a candidate fits the page: how many of the words that describe it (its description,
 * and the qualifier in a title such as "Jordan (country)") are among the page's words. The name's
 * own words never count: they are on the page by definition.
 */
export function contextScore(
  name: string,
  candidate: Candidate,
  pageWords: ReadonlySet<string>,
): number {
  const own = contentWords(name);
  const describing = contentWords(`${candidate.title} ${candidate.description ?? ''}`);
  let score = 0;
  for (const word of describing) if (!own.has(word) && pageWords.has(word)) score++;
  return score;
}

/**
 * Picks the candidate the page means. One candidate is taken as it is (a title look-up of the
 * exact name already lands on Wikipedia's primary topic), unless `requireContext` asks for at
 * least one fitting word. Among several, the best fit wins only when it fits at all and strictly
 * better than the runner-up; otherwise none is chosen.
 */
export function choosePage<C extends Candidate>(
  name: string,
  candidates: readonly C[],
  pageText: string | ReadonlySet<string>,
  options: { requireContext?: boolean } = {},
): Choice<C> {
  const pageWords = typeof pageText === 'string' ? contentWords(pageText) : pageText;
  const scores = candidates.map((candidate) => contextScore(name, candidate, pageWords));
  if (candidates.length === 0) return { chosen: null, reason: 'no-candidates', scores };
  if (candidates.length === 1) {
    const only = candidates[0] as C;
    if (options.requireContext && (scores[0] ?? 0) === 0)
      return { chosen: null, reason: 'no-context', scores };
    return { chosen: only, reason: 'only-candidate', scores };
  }
  const ranked = scores.map((score, index) => ({ score, index })).sort((a, b) => b.score - a.score);
  const [best, second] = ranked as [
    { score: number; index: number },
    { score: number; index: number },
  ];
  if (best.score === 0) return { chosen: null, reason: 'no-context', scores };
  if (best.score === second.score) return { chosen: null, reason: 'tie', scores };
  return { chosen: candidates[best.index] as C, reason: 'best-context', scores };
}
