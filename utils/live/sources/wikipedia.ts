import type { Entity } from '../../knowledge/schema';
import { forward, isOkResult, type LiveResult, ok } from '../result';
import { type ArticleRef, defineLiveSource, type SourceContext } from '../source';
import { cachedTitles, lookUpAndKeep, lookUpCached } from '../title-lookups';
import { fetchSummary, type SummaryOutcome, TITLES_PER_REQUEST } from '../wikipedia';

/**
 * Wikipedia: a card's summary and picture, and the pages of names the packs did not mark (live
 * discovery). Asked only about a Wikidata id's article, a popular title (which is a Wikipedia
 * title) or a name found on the page; a curated slug's name has no page to find.
 */

const QID = /^Q[1-9]\d*$/;
/** Popular-title entities: a name and a Wikipedia search link, no Wikidata id. */
const POPULAR_TITLE = /^bs:wp-/;
/** The wiki a pack entity's name is looked up in: the packs' names are English Wikipedia titles. */
const PACK_LANG = 'en';

/** The Wikipedia article a pack entity links to, if it links to one (not a search). */
export function linkedArticle(entity: Entity): ArticleRef | undefined {
  for (const source of entity.sources) {
    const match = /^https:\/\/([a-z]{2,3}(?:-[a-z]+)?)\.wikipedia\.org\/wiki\/([^?#]+)$/.exec(
      source.url ?? '',
    );
    if (!match?.[1] || !match[2]) continue;
    const title = decodeURIComponent(match[2]).replace(/_/g, ' ');
    if (!/^Special:/i.test(title)) return { lang: match[1], title };
  }
  return undefined;
}

/** A page's summary, from the day's cache or Wikipedia. */
function summary(ctx: SourceContext, article: ArticleRef): Promise<LiveResult<SummaryOutcome>> {
  return ctx.cache.through(
    `wikipedia:summary:${article.lang}:${article.title}`,
    () => fetchSummary(ctx.http, article.title, { endpoints: ctx.endpoints, lang: article.lang }),
    { valid: isOkResult<SummaryOutcome>, keep: (result) => result.ok },
  );
}

export const wikipedia = defineLiveSource({
  id: 'wikipedia',
  part: 'about',
  endpoints: ['wikipediaRest', 'wikipediaApi'],
  needsKey: false,
  licence: 'CC BY-SA 4.0',
  // Wikidata's sitelink names the article of an entity with an id: no look-up by name needed.
  after: ['wikidata'],
  cacheKey: ({ entity, article, qid }) => {
    if (!QID.test(entity.id) && !POPULAR_TITLE.test(entity.id)) return null;
    const page = article ? `${article.lang}:${article.title}` : `${PACK_LANG}?${entity.name}`;
    return `wikipedia:${page}|${qid ?? ''}`;
  },
  async fetch(ctx, ask) {
    const own = QID.test(ask.entity.id) ? ask.entity.id : undefined;
    let { article, qid } = ask;
    if (!article) {
      // Asked together with the page's other popular titles not yet known (50 names a request).
      const names = [ask.entity.name, ...(await ask.otherNames())].slice(0, TITLES_PER_REQUEST);
      const found = await ctx.serial('wikipedia:titles', () =>
        lookUpCached(ctx.http, ctx.cache, names, { endpoints: ctx.endpoints, lang: PACK_LANG }),
      );
      if (!found.ok) return forward(found);
      const outcome = found.value.get(ask.entity.name);
      // A pack entity with an id is matched only by a page that names the same item.
      if (outcome?.status === 'found' && (!own || outcome.wikidataId === own)) {
        article = { lang: PACK_LANG, title: outcome.title };
        qid ??= outcome.wikidataId;
      }
    }
    if (!article) return ok({});
    const result = await summary(ctx, article);
    if (!result.ok) return forward(result);
    if (!result.value.found) return ok({ article });
    const page = result.value.summary;
    if (own && page.wikidataId && page.wikidataId !== own) return ok({});
    return ok({
      summary: {
        title: page.title,
        url: page.url,
        ...(page.description ? { description: page.description } : {}),
        ...(page.extract ? { extract: page.extract } : {}),
        ...(page.thumbnail ? { thumbnail: page.thumbnail } : {}),
      },
      article,
      ...((qid ?? page.wikidataId) ? { qid: qid ?? page.wikidataId } : {}),
    });
  },
  discover: {
    perRequest: TITLES_PER_REQUEST,
    async lookUp(ctx, lang, names) {
      const { known, unknown } = await cachedTitles(ctx.cache, lang, names);
      if (unknown.length === 0) return ok(known);
      const asked = await ctx.serial('wikipedia:titles', () =>
        lookUpAndKeep(ctx.http, ctx.cache, unknown, { endpoints: ctx.endpoints, lang }),
      );
      if (!asked.ok) return known.size > 0 ? ok(known) : asked;
      for (const [name, outcome] of asked.value) known.set(name, outcome);
      return ok(known);
    },
  },
});
