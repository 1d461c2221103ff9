import { type FakeSource, fixture, type Json, json, type Reply } from '../fake-source';

/**
 * Wikidata's fake: `wbgetentities` filtered by `props`, `languages` and `sitefilter`, with
 * `missing` ids and the `no-such-entity` and `toomanyvalues` errors, from
 * `fixtures/wikidata/entities.json`.
 */

const known = fixture<{ entities: Record<string, Json> }>('wikidata/entities.json').entities;

function wbgetentities(query: Record<string, string>): Reply {
  if (query.action !== 'wbgetentities')
    return json({ error: { code: 'badvalue', info: 'The fake answers wbgetentities only.' } });
  const ids = (query.ids ?? '').split('|').filter(Boolean);
  if (ids.length > 50)
    return json({
      error: {
        code: 'toomanyvalues',
        info: 'Too many values supplied for parameter "ids". The limit is 50.',
        parameter: 'ids',
        limit: 50,
      },
    });
  const bad = ids.find((id) => !/^[QPL][1-9]\d*$/.test(id));
  if (bad)
    return json({
      error: {
        code: 'no-such-entity',
        info: `Could not find an entity with the ID "${bad}".`,
        id: bad,
      },
    });
  const props = new Set(
    (query.props ?? 'info|sitelinks|aliases|labels|descriptions|claims|datatype').split('|'),
  );
  const languages = query.languages ? new Set(query.languages.split('|')) : null;
  const sites = query.sitefilter ? new Set(query.sitefilter.split('|')) : null;
  const pick = (terms: unknown) =>
    Object.fromEntries(
      Object.entries((terms ?? {}) as Json).filter(([lang]) => !languages || languages.has(lang)),
    );
  const entities: Json = {};
  for (const id of ids) {
    const entity = known[id];
    if (!entity) {
      entities[id] = { id, missing: '' };
      continue;
    }
    entities[id] = {
      type: entity.type,
      id,
      ...(props.has('info')
        ? {
            pageid: entity.pageid,
            ns: 0,
            title: id,
            lastrevid: entity.lastrevid,
            modified: entity.modified,
          }
        : {}),
      ...(props.has('labels') ? { labels: pick(entity.labels) } : {}),
      ...(props.has('descriptions') ? { descriptions: pick(entity.descriptions) } : {}),
      ...(props.has('aliases') ? { aliases: pick(entity.aliases) } : {}),
      ...(props.has('claims') ? { claims: entity.claims } : {}),
      ...(props.has('sitelinks')
        ? {
            sitelinks: Object.fromEntries(
              Object.entries((entity.sitelinks ?? {}) as Json).filter(
                ([site]) => !sites || sites.has(site),
              ),
            ),
          }
        : {}),
    };
  }
  return json({ entities, success: 1 });
}

export const wikidataFake: FakeSource<'wikidata'> = {
  services: ['wikidata'],
  endpoints: (origin) => ({ wikidataApi: `${origin}/wikidata/w/api.php` }),
  route: (path) => (path === '/wikidata/w/api.php' ? { service: 'wikidata', rest: '' } : null),
  answer: (_route, query) => wbgetentities(query),
};
