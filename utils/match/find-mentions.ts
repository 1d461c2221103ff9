import { Matcher } from './matcher';
import type { MatcherData } from './matcher-data';
import { type ResolvedMention, Resolver } from './resolve';

/**
 * Match and resolve a list of texts as one page (each text one block): the whole pure pipeline
 * without a DOM, for tests, benchmarks and the pack report.
 */
export function findMentions(data: MatcherData, texts: string[]): ResolvedMention[][] {
  const matcher = new Matcher(data);
  const resolver = new Resolver<number>(data);
  const segments = texts.map((text, key) => ({ key, text, raws: matcher.scan(text) }));
  return resolver.resolve(segments).mentions;
}
