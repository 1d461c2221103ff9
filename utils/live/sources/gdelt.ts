import { dayOf } from '../coverage';
import { fetchGdeltCoverage } from '../gdelt';
import { forward, ok } from '../result';
import { defineLiveSource } from '../source';

/**
 * GDELT DOC 2.0: earlier coverage of the card's name in a window ending at the article's day,
 * with how far back GDELT can be trusted for that date (see `gdelt.ts`).
 */
export const gdelt = defineLiveSource({
  id: 'gdelt',
  part: 'coverage',
  endpoints: ['gdelt'],
  needsKey: false,
  licence: 'GDELT terms (links and titles only)',
  cacheKey: ({ entity, date }) => `gdelt:${entity.name}:${dayOf(date)}`,
  async fetch(ctx, { entity, date }) {
    const result = await fetchGdeltCoverage(ctx.http, [entity.name], date, {
      endpoints: ctx.endpoints,
      now: ctx.now,
      spacingMs: ctx.build.gdeltSpacingMs,
    });
    if (!result.ok) return forward(result);
    const { items, reach } = result.value;
    return ok({ coverage: items, ...(reach === 'best-effort' ? { bestEffort: true } : {}) });
  },
});
