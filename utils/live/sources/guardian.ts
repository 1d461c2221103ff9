import { dayOf } from '../coverage';
import { fetchGuardianCoverage } from '../guardian';
import { forward, ok } from '../result';
import { defineLiveSource } from '../source';

/** The Guardian Open Platform: earlier coverage of the card's name, with the reader's own key. */
export const guardian = defineLiveSource({
  id: 'guardian',
  part: 'coverage',
  endpoints: ['guardian'],
  needsKey: true,
  licence: 'Guardian Open Platform terms (links and titles only)',
  cacheKey: ({ entity, date }) => `guardian:${entity.name}:${dayOf(date)}`,
  async fetch(ctx, { entity, date }) {
    const result = await fetchGuardianCoverage(ctx.http, [entity.name], date, {
      endpoints: ctx.endpoints,
      apiKey: ctx.key,
    });
    return result.ok ? ok({ coverage: result.value }) : forward(result);
  },
});
