import { Matcher } from './matcher';
import type { MatcherData } from './matcher-data';
import { PageMatch } from './page-match';
import type { ResolvedMention } from './ranking';

/**
 * Match and resolve a list of texts as one page (each text one block): the whole pure pipeline
 * without a DOM, for tests, benchmarks and the pack report.
 */
export function findMentions(data: MatcherData, texts: string[]): ResolvedMention[][] {
  const out: ResolvedMention[][] = texts.map(() => []);
  const page = new PageMatch<number>(new Matcher(data));
  for (const { key, start, end, entity } of page.matchAll(
    texts.map((text, key) => ({ key, text })),
  ))
    out[key]?.push({ start, end, entity });
  for (const list of out) list.sort((a, b) => a.start - b.start);
  return out;
}
