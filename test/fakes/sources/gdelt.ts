import {
  type FakeSource,
  fixture,
  html,
  type Json,
  json,
  phrases,
  type Reply,
} from '../fake-source';

/**
 * GDELT DOC 2.0's fake: `mode=ArtList&format=json` within the date window, newest first, `{}`
 * when nothing matches, an HTML page (status 200) for a phrase under three letters, and 429 as
 * an HTML page, from `fixtures/gdelt/artlist.json` (articles by phrase).
 */

const articlesByPhrase = fixture<Record<string, Json[]>>('gdelt/artlist.json');

/** GDELT's `YYYYMMDDhhmmss` and `YYYYMMDDThhmmssZ` as comparable digits. */
const digits = (value: string) => value.replace(/\D/g, '').padEnd(14, '0');

function artList(query: Record<string, string>): Reply {
  if ((query.mode ?? '').toLowerCase() !== 'artlist' || query.format !== 'json')
    return html('The fake answers mode=ArtList&amp;format=json only.');
  const wanted = phrases(query.query ?? '');
  if (wanted.length === 0 || wanted.some((phrase) => phrase.length < 3))
    return html('The specified phrase is too short.');
  const start = digits(query.startdatetime ?? '0');
  const end = query.enddatetime ? digits(query.enddatetime) : '99999999999999';
  const max = Math.min(250, Number(query.maxrecords ?? 75) || 75);
  const seen = new Set<string>();
  const articles = wanted
    .flatMap((phrase) => articlesByPhrase[phrase] ?? [])
    .filter((article) => {
      const at = digits(String(article.seendate));
      if (at < start || at > end || seen.has(String(article.url))) return false;
      seen.add(String(article.url));
      return true;
    })
    .sort((a, b) => String(b.seendate).localeCompare(String(a.seendate)))
    .slice(0, max);
  // As GDELT does: no matches is an empty object, not an empty list.
  return json(articles.length ? { articles } : {});
}

export const gdeltFake: FakeSource<'gdelt'> = {
  services: ['gdelt'],
  endpoints: (origin) => ({ gdelt: `${origin}/gdelt/api/v2/doc/doc` }),
  route: (path) => (path === '/gdelt/api/v2/doc/doc' ? { service: 'gdelt', rest: '' } : null),
  answer: (_route, query) => artList(query),
  tooMany: (seconds) => ({
    ...html('Please limit requests to one every 5 seconds.', 429),
    headers: { 'retry-after': String(seconds) },
  }),
};
