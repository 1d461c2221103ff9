import type { Scanner } from './layers';
import type { LocalContext, MatchedSegment } from './page-evidence';
import { Resolver, type ResolverOptions } from './resolve';

/** A block of a page's text, and whatever the caller finds it again by. */
export interface PageText<K> {
  key: K;
  text: string;
}

/** A mention the engine marks: `text[start, end)` of the block `key` names entity `entity`. */
export interface PageMention<K> {
  key: K;
  start: number;
  end: number;
  /** The entity's index in the matcher's tables (`entityIds.at(entity)` is its id). */
  entity: number;
}

/** What one batch of a page's text gave. */
export interface PageMatchResult<K> {
  /** Mentions in this batch's blocks, in block order, then text order. */
  mentions: PageMention<K>[];
  /** Mentions of earlier batches that waited for their entity to be named in full, and now may be marked. */
  released: PageMention<K>[];
  /** Blocks (of any batch) whose mentions still wait. */
  waiting: K[];
}

/**
 * Matching one page, batch by batch: the automaton finds alias groups in each block, the resolver
 * chooses what each names with everything the page has said so far. The one pipeline the
 * background runs for pages, and the command-line tools run for files (`npm run marks`,
 * `npm run eval`): what they print is what a reader would see marked.
 */
export class PageMatch<K> {
  readonly resolver: Resolver<K>;

  constructor(
    private readonly matcher: Scanner,
    options: ResolverOptions = {},
  ) {
    this.resolver = new Resolver<K>(matcher.data, options);
  }

  /**
   * Match a batch of blocks. Every block of the batch is observed before any is decided, so an
   * early paragraph benefits from the context of a later one.
   */
  match(blocks: readonly PageText<K>[]): PageMatchResult<K> {
    const segments: MatchedSegment<K>[] = blocks.map(({ key, text }) => ({
      key,
      text,
      raws: this.matcher.scan(text),
    }));
    const local: LocalContext[] = segments.map((segment) => this.resolver.observe(segment));
    const mentions: PageMention<K>[] = [];
    segments.forEach((segment, i) => {
      for (const match of this.resolver.decide(segment, local[i] as LocalContext))
        mentions.push({ key: segment.key, ...match });
    });
    const released = this.resolver
      .release()
      .map(({ key, match }): PageMention<K> => ({ key, ...match }));
    return { mentions, released, waiting: [...this.resolver.waitingKeys()] };
  }

  /** Match a whole page at once: every mention, released ones included, in no particular order. */
  matchAll(blocks: readonly PageText<K>[]): PageMention<K>[] {
    const { mentions, released } = this.match(blocks);
    return [...mentions, ...released];
  }
}
