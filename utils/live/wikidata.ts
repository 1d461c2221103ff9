import { type Claims, WBK } from 'wikibase-sdk';
import type { Fact } from '../knowledge/schema';
import { fetchBatches } from './batched';
import type { LiveEndpoints } from './endpoints';
import { asObject, type LiveHttp } from './http';
import { forward, type LiveResult, ok } from './result';
import { plainText } from './text';
import { entityDates, factsFromClaims, type ItemLabels, referencedItems } from './wikidata-facts';

/**
 * Wikidata, read with `wbgetentities`: the entities a card is about (labels, descriptions, claims,
 * the English and Arabic sitelinks), then the labels of the items their statements point to, both
 * batched 50 ids to a request. wikibase-sdk builds the addresses and simplifies the claims.
 */

/** The languages asked for: the card's languages. */
export const WIKIDATA_LANGUAGES = ['en', 'ar'] as const;
/** `wbgetentities` takes at most 50 ids a request. */
export const IDS_PER_REQUEST = 50;

const QID = /^Q[1-9]\d*$/;

/** Text in the card's languages. */
export interface Texts {
  en?: string;
  ar?: string;
}

/** One entity as the cards need it. */
export interface WikidataEntity {
  id: string;
  labels: Texts;
  descriptions: Texts;
  /** P31 (instance of) item ids: what kind of thing it is. */
  instanceOf: string[];
  /** Article titles on the English and Arabic Wikipedias. */
  sitelinks: { enwiki?: string; arwiki?: string };
  /** Raw claims, for {@link factsFromClaims}. */
  claims: Claims;
}

/** An entity's facts, ready for a card. */
export interface WikidataCard {
  entity: WikidataEntity;
  facts: Fact[];
  dates: { start?: string; end?: string };
}

/** A wikibase-sdk instance for the configured endpoint (the real one or a local fake). */
function sdk(endpoints: LiveEndpoints) {
  const api = new URL(endpoints.wikidataApi);
  return WBK({
    instance: api.origin,
    wgScriptPath: api.pathname.replace(/\/api\.php$/, '').replace(/^\//, ''),
  });
}

/** Keeps CORS answerable from a page-less worker too (wikibase-sdk adds it only where `document` exists). */
function withOrigin(url: string): string {
  return /[?&]origin=/.test(url) ? url : `${url}&origin=*`;
}

/**
 * `wbgetentities` addresses for `ids`, at most {@link IDS_PER_REQUEST} each, duplicates and
 * non-item ids left out. `labelsOnly` asks for labels alone (the second call, for values).
 */
export function entitiesUrls(
  endpoints: LiveEndpoints,
  ids: readonly string[],
  options: { labelsOnly?: boolean; languages?: readonly string[] } = {},
): string[] {
  const unique = [...new Set(ids.filter((id) => QID.test(id)))];
  if (unique.length === 0) return [];
  const languages = [...(options.languages ?? WIKIDATA_LANGUAGES)];
  const urls = sdk(endpoints).getManyEntities({
    ids: unique as `Q${number}`[],
    languages,
    props: options.labelsOnly ? ['labels'] : ['labels', 'descriptions', 'claims', 'sitelinks'],
  });
  // Only the two Wikipedias a card links to, not every sitelink (a country has 300).
  return urls.map((url) =>
    withOrigin(options.labelsOnly ? url : `${url}&sitefilter=enwiki%7Carwiki`),
  );
}

/** `{ en: { language, value } }` → `{ en: 'text' }`, plain text only. */
function texts(terms: unknown, max: number): Texts {
  const out: Texts = {};
  const record = asObject(terms);
  for (const lang of WIKIDATA_LANGUAGES) {
    const text = plainText(asObject(record?.[lang])?.value, max);
    if (text) out[lang] = text;
  }
  return out;
}

/**
 * Reads a `wbgetentities` answer. Missing ids are left out; an entity asked under a redirected id
 * is found under both ids. Null when the JSON is not an entities answer (or is an API error).
 */
export function parseEntities(json: unknown): Map<string, WikidataEntity> | null {
  const body = asObject(json);
  const entities = asObject(body?.entities);
  if (!entities) return null;
  const out = new Map<string, WikidataEntity>();
  for (const [key, value] of Object.entries(entities)) {
    const raw = asObject(value);
    if (!raw || 'missing' in raw || typeof raw.id !== 'string' || !QID.test(raw.id)) continue;
    const claims = (asObject(raw.claims) ?? {}) as Claims;
    const instanceOf: string[] = [];
    const p31 = (claims as Record<string, unknown>).P31;
    if (Array.isArray(p31))
      for (const statement of p31) {
        const id = asObject(
          asObject(asObject(asObject(statement)?.mainsnak)?.datavalue)?.value,
        )?.id;
        if (typeof id === 'string' && QID.test(id) && asObject(statement)?.rank !== 'deprecated')
          instanceOf.push(id);
      }
    const sitelinks = asObject(raw.sitelinks);
    const title = (site: string) => plainText(asObject(sitelinks?.[site])?.title, 300);
    const enwiki = title('enwiki');
    const arwiki = title('arwiki');
    const entity: WikidataEntity = {
      id: raw.id,
      labels: texts(raw.labels, 300),
      descriptions: texts(raw.descriptions, 200),
      instanceOf,
      sitelinks: { ...(enwiki ? { enwiki } : {}), ...(arwiki ? { arwiki } : {}) },
      claims,
    };
    out.set(raw.id, entity);
    if (key !== raw.id && QID.test(key)) out.set(key, entity);
  }
  return out;
}

export interface WikidataRequest {
  endpoints: LiveEndpoints;
  signal?: AbortSignal;
}

/** Fetches many entities, 50 a request; fails only when no batch was answered. */
export function fetchEntities(
  http: LiveHttp,
  ids: readonly string[],
  request: WikidataRequest & { labelsOnly?: boolean },
): Promise<LiveResult<Map<string, WikidataEntity>>> {
  return fetchBatches(
    http,
    entitiesUrls(request.endpoints, ids, { labelsOnly: request.labelsOnly }),
    {
      url: (url) => url,
      parse: (json) => parseEntities(json),
      expected: 'a wbgetentities answer',
      signal: request.signal,
    },
  );
}

/**
 * The cards' worth of Wikidata for `ids`: each entity with its dated facts. Two batched calls:
 * the entities, then the labels of the items their facts name (offices, parties, capitals). When
 * the labels call fails the facts that need labels are left out rather than shown as Q-ids.
 */
export async function fetchWikidataCards(
  http: LiveHttp,
  ids: readonly string[],
  request: WikidataRequest,
): Promise<LiveResult<Map<string, WikidataCard>>> {
  const entities = await fetchEntities(http, ids, request);
  if (!entities.ok) return forward(entities);
  const labels = new Map<string, Texts>();
  for (const entity of entities.value.values()) labels.set(entity.id, entity.labels);
  const wanted = new Set<string>();
  for (const entity of entities.value.values())
    for (const id of referencedItems(entity.claims)) if (!labels.has(id)) wanted.add(id);
  if (wanted.size > 0) {
    const named = await fetchEntities(http, [...wanted], { ...request, labelsOnly: true });
    if (named.ok) for (const [id, entity] of named.value) labels.set(id, entity.labels);
  }
  return ok(cardsFrom(entities.value, labels));
}

/** Pure: entities and item labels → cards, keyed by every id asked. */
export function cardsFrom(
  entities: ReadonlyMap<string, WikidataEntity>,
  labels: ItemLabels,
): Map<string, WikidataCard> {
  const cards = new Map<string, WikidataCard>();
  for (const [id, entity] of entities)
    cards.set(id, {
      entity,
      facts: factsFromClaims(entity.claims, labels),
      dates: entityDates(entity.claims),
    });
  return cards;
}
