import { type FakeSource, fixture, type Json, json, phrases, type Reply } from '../fake-source';

/**
 * The Guardian's fake: content search (`/search?q=…&api-key=…`) within `from-date`–`to-date`,
 * `order-by` and `page-size`; 401 unless the key is {@link FAKE_GUARDIAN_KEY}. From
 * `fixtures/guardian/search.json` (results by phrase).
 */

/** The Guardian key the fake accepts; any other is refused with 401. */
export const FAKE_GUARDIAN_KEY = 'test-key';

const resultsByPhrase = fixture<Record<string, Json[]>>('guardian/search.json');

function guardian(path: string, query: Record<string, string>): Reply {
  if (query['api-key'] !== FAKE_GUARDIAN_KEY) return json({ message: 'Unauthorized' }, 401);
  if (path !== '/search')
    return json({ response: { status: 'error', message: 'The fake answers /search only.' } }, 404);
  const from = query['from-date'] ?? '0000-00-00';
  const to = query['to-date'] ?? '9999-99-99';
  const size = Math.min(50, Number(query['page-size'] ?? 10) || 10);
  const order = query['order-by'] === 'oldest' ? 1 : -1;
  const seen = new Set<string>();
  const matching = phrases(query.q ?? '')
    .flatMap((phrase) => resultsByPhrase[phrase] ?? [])
    .filter((result) => {
      const day = String(result.webPublicationDate).slice(0, 10);
      if (day < from || day > to || seen.has(String(result.id))) return false;
      seen.add(String(result.id));
      return true;
    })
    .sort(
      (a, b) => order * String(a.webPublicationDate).localeCompare(String(b.webPublicationDate)),
    );
  return json({
    response: {
      status: 'ok',
      userTier: 'developer',
      total: matching.length,
      startIndex: 1,
      pageSize: size,
      currentPage: 1,
      pages: Math.max(1, Math.ceil(matching.length / size)),
      orderBy: order === 1 ? 'oldest' : 'newest',
      results: matching.slice(0, size),
    },
  });
}

export const guardianFake: FakeSource<'guardian'> = {
  services: ['guardian'],
  endpoints: (origin) => ({ guardian: `${origin}/guardian` }),
  route: (path) =>
    path.startsWith('/guardian/')
      ? { service: 'guardian', rest: path.slice('/guardian'.length) }
      : null,
  answer: (route, query) => guardian(route.rest, query),
};
