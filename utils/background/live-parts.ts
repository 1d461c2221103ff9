import type { LiveAnswer } from '../live/answer';
import { allowedPicture } from '../live/build-config';
import { type CoverageItem, earlierCoverage } from '../live/coverage';
import { isOkResult, type LiveResult } from '../live/result';
import type { Contribution, LiveSummary, SourceAsk, SourceContext } from '../live/source';
import type { LiveSource, LiveSourceId } from '../live/sources';

/**
 * One part of a card, from the sources of that part that may be asked: each asked in turn (a
 * source waits for those it runs `after`, sources that do not wait for each other are asked at
 * once), what each learns (an item's id, its article) handed to the next, every answer kept for a
 * day under the source's cache key (misses too, errors not), and the contributions joined into
 * the card's answer. A source with nothing to ask yet is tried again once the others have answered.
 */

/** Earlier coverage items a card lists. */
export const COVERAGE_SHOWN = 8;

export interface PartRun {
  /** The part's sources that are on, permitted and allowed on the page, in the registry's order. */
  sources: readonly LiveSource[];
  /** The context for a source (its key, the shared client and cache). */
  context(source: LiveSource): Promise<SourceContext>;
  ask: SourceAsk;
  /** The page's own address: never listed as its own earlier coverage. */
  pageUrl: string;
  imageOrigins: readonly string[];
}

/** Each source after the sources it waits for (those of them that are asked). */
function waves(sources: readonly LiveSource[]): LiveSource[][] {
  const left = [...sources];
  const done = new Set<string>();
  const out: LiveSource[][] = [];
  while (left.length > 0) {
    const ready = left.filter((source) =>
      (source.after ?? []).every((id) => done.has(id) || !left.some((other) => other.id === id)),
    );
    const wave = ready.length > 0 ? ready : left.slice(0, 1);
    out.push(wave);
    for (const source of wave) {
      done.add(source.id);
      left.splice(left.indexOf(source), 1);
    }
  }
  return out;
}

/** Ask one part's sources and join their answers. */
export async function runPart(run: PartRun): Promise<LiveAnswer> {
  const ask: SourceAsk = { ...run.ask };
  const ran = new Set<LiveSourceId>();
  const failed = new Set<LiveSourceId>();
  const bestEffort = new Set<LiveSourceId>();
  let summary: LiveSummary | undefined;
  const facts: NonNullable<Contribution['facts']> = [];
  const coverage: CoverageItem[] = [];

  const take = (source: LiveSource, result: LiveResult<Contribution>) => {
    if (!result.ok) {
      failed.add(source.id);
      return;
    }
    const found = result.value;
    summary ??= found.summary;
    if (found.facts) facts.push(...found.facts);
    if (found.coverage) coverage.push(...found.coverage);
    if (found.bestEffort) bestEffort.add(source.id);
    ask.qid ??= found.qid;
    ask.article ??= found.article;
  };
  const askSource = async (source: LiveSource): Promise<boolean> => {
    const key = source.cacheKey(ask);
    if (key === null) return false;
    ran.add(source.id);
    const context = await run.context(source);
    const result = await context.cache.through(
      `answer:${key}`,
      () => source.fetch(context, { ...ask }),
      { valid: isOkResult<Contribution>, keep: (value) => value.ok },
    );
    take(source, result);
    return true;
  };

  const waiting: LiveSource[] = [];
  for (const wave of waves(run.sources)) {
    const asked = await Promise.all(wave.map(askSource));
    wave.forEach((source, i) => {
      if (!asked[i]) waiting.push(source);
    });
  }
  for (const source of waiting) await askSource(source);
  if (ran.size === 0) return { asked: [], failed: [] };

  const shown = summary && withAllowedPicture(summary, run.imageOrigins);
  const coverageAsked = run.sources.some((source) => source.part === 'coverage');
  return {
    asked: run.sources.map((source) => source.id),
    failed: [...failed],
    ...(shown ? { summary: shown } : {}),
    ...(facts.length ? { facts } : {}),
    // Filtered again here, whatever was cached: before the article, not the article itself.
    ...(coverageAsked
      ? {
          coverage: earlierCoverage(coverage, run.ask.date, {
            exceptUrl: run.pageUrl,
            limit: COVERAGE_SHOWN,
          }),
        }
      : {}),
    ...(bestEffort.size ? { bestEffort: [...bestEffort] } : {}),
  };
}

/** A summary with its picture only when it comes from where this build allows pictures from. */
function withAllowedPicture(summary: LiveSummary, origins: readonly string[]): LiveSummary {
  const { thumbnail, ...rest } = summary;
  const allowed = allowedPicture(thumbnail, origins);
  return allowed ? { ...rest, thumbnail: allowed } : rest;
}
