import { forward, ok } from '../result';
import { defineLiveSource } from '../source';
import { fetchWikidataCards } from '../wikidata';

/**
 * Wikidata: an item's dated facts (offices, heads of state, populations…) for the card's "then"
 * and "since", and its English article for Wikipedia. Asked only with a Wikidata id: the
 * entity's own, or the one its Wikipedia page names.
 */
export const wikidata = defineLiveSource({
  id: 'wikidata',
  part: 'about',
  endpoints: ['wikidataApi'],
  needsKey: false,
  licence: 'CC0',
  cacheKey: ({ qid }) => (qid ? `wikidata:${qid}` : null),
  async fetch(ctx, { qid }) {
    if (!qid) return ok({});
    const result = await fetchWikidataCards(ctx.http, [qid], { endpoints: ctx.endpoints });
    if (!result.ok) return forward(result);
    const card = result.value.get(qid);
    // Only what a card needs is kept: raw claims can run to megabytes for a country.
    if (!card) return ok({});
    const enwiki = card.entity.sitelinks.enwiki;
    return ok({
      ...(card.facts.length ? { facts: card.facts } : {}),
      ...(enwiki ? { article: { lang: 'en', title: enwiki } } : {}),
    });
  },
});
