import { readdirSync } from 'node:fs';
import { type FakeSource, fixture, type Json, json, type Reply, withOrigin } from '../fake-source';

/**
 * Wikipedia's fake: the REST summary (`page/summary/{title}`) and the action API's title look-up
 * (`action=query&formatversion=2`, with `normalized`, `redirects`, `pageprops` and `description`),
 * per language, from a wiki of summaries and redirects: by default the fixtures in
 * `fixtures/wikipedia/<lang>/`, or one a test or the evaluation builds from a title list.
 */

/** A redirect, possibly into a section of the target page. */
export interface Redirect {
  to: string;
  fragment?: string;
}

/** One language's wiki: pages by title (summary JSON, `type: 'disambiguation'` for those), redirects. */
export interface Wiki {
  summaries: Record<string, Json>;
  redirects: Record<string, Redirect>;
}

/** The fixtures' wikis, one per folder under `fixtures/wikipedia/`. */
export function fixtureWikis(): Record<string, Wiki> {
  const folder = new URL('../fixtures/wikipedia/', import.meta.url);
  const wikis: Record<string, Wiki> = {};
  for (const lang of readdirSync(folder)) {
    if (!/^[a-z]{2,3}$/.test(lang)) continue;
    wikis[lang] = {
      summaries: fixture<Record<string, Json>>(`wikipedia/${lang}/summaries.json`),
      redirects: fixture<Record<string, Redirect>>(`wikipedia/${lang}/redirects.json`),
    };
  }
  return wikis;
}

/** MediaWiki's title normalisation, as far as the fixtures need it: underscores, first letter. */
export function normaliseTitle(title: string): string {
  const spaced = title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The fake Wikipedia answering from `wikis` (the fixtures unless given). */
export function wikipediaFake(
  wikis: Record<string, Wiki> = fixtureWikis(),
): FakeSource<'wikipedia-rest' | 'wikipedia-api'> {
  function restSummary(lang: string, rawTitle: string, origin: string): Reply {
    const title = normaliseTitle(rawTitle);
    const redirect = wikis[lang]?.redirects[title];
    if (redirect) {
      // As the REST API does: a redirect title answers 302 to the target's summary.
      return {
        status: 302,
        body: '',
        type: 'text/plain',
        headers: { location: encodeURIComponent(redirect.to.replace(/ /g, '_')) },
      };
    }
    const page = wikis[lang]?.summaries[title];
    if (!page)
      return json(
        {
          type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found',
          title: 'Not found.',
          method: 'get',
          detail: 'Page or revision not found.',
          uri: `/${lang}.wikipedia.org/v1/page/summary/${encodeURIComponent(rawTitle)}`,
        },
        404,
      );
    return json(withOrigin(page, origin));
  }

  function actionQuery(lang: string, query: Record<string, string>): Reply {
    if (query.action !== 'query' || query.format !== 'json' || query.formatversion !== '2')
      return json({
        error: { code: 'badvalue', info: 'The fake answers formatversion=2 JSON queries only.' },
      });
    const asked = (query.titles ?? '').split('|');
    const warnings: Json = {};
    // As MediaWiki does: more than 50 titles is answered for the first 50, with a warning.
    if (asked.length > 50)
      warnings.query = {
        warnings: 'Too many values supplied for parameter "titles". The limit is 50.',
      };
    const normalized: Json[] = [];
    const redirects: Json[] = [];
    const pages: Json[] = [];
    const seen = new Set<string>();
    for (const raw of asked.slice(0, 50)) {
      if (!raw.trim()) {
        pages.push({
          title: raw,
          invalidreason: 'The requested page title is empty.',
          invalid: true,
        });
        continue;
      }
      const normal = normaliseTitle(raw);
      if (normal !== raw) normalized.push({ fromencoded: false, from: raw, to: normal });
      const redirect = wikis[lang]?.redirects[normal];
      const title = redirect?.to ?? normal;
      if (redirect)
        redirects.push({
          from: normal,
          to: redirect.to,
          ...(redirect.fragment ? { tofragment: redirect.fragment } : {}),
        });
      if (seen.has(title)) continue;
      seen.add(title);
      const page = wikis[lang]?.summaries[title];
      if (!page) {
        pages.push({ ns: 0, title, missing: true });
        continue;
      }
      const disambiguation = page.type === 'disambiguation';
      const item = typeof page.wikibase_item === 'string' ? page.wikibase_item : undefined;
      pages.push({
        pageid: page.pageid,
        ns: 0,
        title,
        ...(disambiguation || item
          ? {
              pageprops: {
                ...(disambiguation ? { disambiguation: '' } : {}),
                ...(item ? { wikibase_item: item } : {}),
              },
            }
          : {}),
        ...(typeof page.description === 'string'
          ? { description: page.description, descriptionsource: 'central' }
          : {}),
      });
    }
    return json({
      batchcomplete: true,
      ...(Object.keys(warnings).length ? { warnings } : {}),
      query: {
        ...(normalized.length ? { normalized } : {}),
        ...(redirects.length ? { redirects } : {}),
        pages,
      },
    });
  }

  return {
    services: ['wikipedia-rest', 'wikipedia-api'],
    endpoints: (origin) => ({
      wikipediaRest: `${origin}/wikipedia/{lang}/api/rest_v1`,
      wikipediaApi: `${origin}/wikipedia/{lang}/w/api.php`,
    }),
    route(path) {
      let match = /^\/wikipedia\/([a-z]{2,3})\/api\/rest_v1\/page\/summary\/(.+)$/.exec(path);
      if (match) return { service: 'wikipedia-rest', lang: match[1] ?? 'en', rest: match[2] ?? '' };
      match = /^\/wikipedia\/([a-z]{2,3})\/w\/api\.php$/.exec(path);
      if (match) return { service: 'wikipedia-api', lang: match[1] ?? 'en', rest: '' };
      return null;
    },
    answer: (route, query, origin) =>
      route.service === 'wikipedia-rest'
        ? restSummary(route.lang ?? 'en', decodeURIComponent(route.rest), origin)
        : actionQuery(route.lang ?? 'en', query),
  };
}
