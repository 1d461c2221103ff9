/**
 * The Wikidata dump reader: Wikidata's entity JSON (the `latest-all.json` layout, a JSON array
 * with one entity per line, each line ending in `,`; or plain JSON lines; gzipped or not; `-` for
 * standard input) → a stream of {@link KbItem}s, one entity at a time, so memory stays bounded by
 * the longest line whatever the size of the dump.
 *
 * Each item keeps what Backstory reads: labels, descriptions and aliases in
 * {@link KEPT_LANGUAGES}; statements of {@link KEPT_PROPERTIES} with their start, end and
 * point-in-time qualifiers lifted (deprecated rank dropped); P625 as `point`; the number of
 * sitelinks and the Wikipedia titles in the kept languages.
 *
 * Before it parses a line the reader can skip it by its raw bytes (see {@link DumpFilter}): an id
 * nobody asked for with fewer sitelinks than the threshold. On the real dump that skips most
 * lines (scholarly articles, taxa and other items without Wikipedia articles) without decoding
 * them.
 */
import type { Readable } from 'node:stream';
import { dumpLines } from './dump-lines';
import { type DumpSnak, snakPoint, snakValue } from './dump-values';
import { type KbItem, type KbSource, type KbStatement, newItem } from './item';

/**
 * Languages whose labels, descriptions, aliases and Wikipedia titles are kept: the six the
 * reader's pages are most often in, then those of the curated side.
 */
export const KEPT_LANGUAGES = [
  'en',
  'ar',
  'fr',
  'es',
  'pt',
  'de',
  'it',
  'nl',
  'ru',
  'zh',
  'ja',
  'tr',
  'fa',
  'he',
  'pl',
  'cs',
  'uk',
] as const;

/** Properties kept (see `KbItem.claims`); P625 becomes `point`. */
export const KEPT_PROPERTIES = [
  'P31',
  'P279',
  'P17',
  'P131',
  'P36',
  'P1376',
  'P297',
  'P1082',
  'P569',
  'P570',
  'P571',
  'P576',
  'P580',
  'P582',
  'P585',
  'P39',
  'P35',
  'P6',
  'P102',
  'P27',
  'P106',
  'P159',
  'P112',
  'P488',
  'P169',
  'P118',
  'P641',
  'P856',
] as const;

/** The dump as a source of items (`KbItem.sources`): Wikidata itself, the most trusted. */
export const WIKIDATA_SOURCE: KbSource = {
  id: 'wikidata',
  title: 'Wikidata',
  url: 'https://www.wikidata.org/',
  licence: 'CC0-1.0',
  trust: 3,
};

/** Qualifiers read as "of" (`KbStatement.of`): P642 of, P1001 applies to jurisdiction. */
const OF_QUALIFIERS = ['P642', 'P1001'] as const;

/** At most this many statements per property: no card shows more, and a few items hold hundreds. */
const MAX_STATEMENTS = 40;
/** At most this many aliases per language. */
const MAX_ALIASES = 30;

interface DumpStatement {
  mainsnak?: DumpSnak;
  rank?: string;
  qualifiers?: Record<string, DumpSnak[]>;
}

/** One entity of the dump, as much of it as the reader looks at. */
export interface DumpEntity {
  type?: string;
  id?: string;
  labels?: Record<string, { value?: string }>;
  descriptions?: Record<string, { value?: string }>;
  aliases?: Record<string, { value?: string }[]>;
  claims?: Record<string, DumpStatement[]>;
  sitelinks?: Record<string, { title?: string }>;
}

const KEPT = new Set<string>(KEPT_LANGUAGES);

/**
 * The text for each kept language: the language's own, else a regional variant's (`zh-hans` for
 * `zh`, `pt-br` for `pt`), and for English the multilingual `mul` label Wikidata now gives names
 * that are written alike everywhere.
 */
function byLanguage(terms: Record<string, { value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!terms) return out;
  for (const [code, term] of Object.entries(terms)) {
    const text = term?.value?.trim();
    if (!text) continue;
    if (KEPT.has(code)) out[code] = text;
  }
  for (const [code, term] of Object.entries(terms)) {
    const text = term?.value?.trim();
    if (!text) continue;
    const base = code === 'mul' ? 'en' : code.split('-')[0];
    if (base && base !== code && KEPT.has(base) && out[base] === undefined) out[base] = text;
  }
  return out;
}

function aliasesByLanguage(
  aliases: DumpEntity['aliases'],
  labels: Record<string, string>,
  mulLabel: string | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (lang: string, text: string | undefined) => {
    const clean = text?.trim();
    if (!clean || clean === labels[lang]) return;
    const list = out[lang] ?? [];
    out[lang] = list;
    if (list.length < MAX_ALIASES && !list.includes(clean)) list.push(clean);
  };
  for (const [code, list] of Object.entries(aliases ?? {})) {
    const lang = code === 'mul' ? 'en' : code;
    if (!KEPT.has(lang)) continue;
    for (const alias of list ?? []) add(lang, alias?.value);
  }
  // A name Wikidata gives for all languages is also an English name.
  add('en', mulLabel);
  return out;
}

function statement(raw: DumpStatement): KbStatement | undefined {
  const value = snakValue(raw.mainsnak);
  if (value === undefined) return undefined;
  const out: KbStatement = { value };
  const qualifiers = raw.qualifiers;
  if (qualifiers) {
    const from = snakValue(qualifiers.P580?.[0]);
    const to = snakValue(qualifiers.P582?.[0]);
    const at = snakValue(qualifiers.P585?.[0]);
    if (typeof from === 'string') out.from = from;
    if (typeof to === 'string') out.to = to;
    if (typeof at === 'string') out.at = at;
    for (const property of OF_QUALIFIERS) {
      const of = snakValue(qualifiers[property]?.[0]);
      if (typeof of === 'string') {
        out.of = of;
        break;
      }
    }
  }
  if (raw.rank === 'preferred') out.rank = 'preferred';
  return out;
}

/**
 * The population figure to keep of many: the preferred one, else the latest dated. Wikidata keeps
 * a census series (17 figures for Bielefeld); the card shows one.
 */
function onePopulation(statements: KbStatement[]): KbStatement[] {
  const preferred = statements.find((s) => s.rank === 'preferred');
  if (preferred) return [preferred];
  const latest = [...statements].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))[0];
  return latest ? [latest] : [];
}

function claimsOf(raw: DumpEntity['claims']): {
  claims: Record<string, KbStatement[]>;
  point?: KbItem['point'];
} {
  const claims: Record<string, KbStatement[]> = {};
  if (!raw) return { claims };
  for (const property of KEPT_PROPERTIES) {
    const list = raw[property];
    if (!list) continue;
    const kept: KbStatement[] = [];
    // Preferred statements first: readers take the first as the best.
    for (const rank of ['preferred', 'normal']) {
      for (const item of list) {
        if ((item.rank ?? 'normal') !== rank || kept.length >= MAX_STATEMENTS) continue;
        const value = statement(item);
        if (value) kept.push(value);
      }
    }
    if (kept.length > 0) claims[property] = property === 'P1082' ? onePopulation(kept) : kept;
  }
  let point: KbItem['point'];
  for (const rank of ['preferred', 'normal']) {
    for (const item of raw.P625 ?? []) {
      if (point || (item.rank ?? 'normal') !== rank) continue;
      point = snakPoint(item.mainsnak);
    }
  }
  return point ? { claims, point } : { claims };
}

/**
 * One dump entity → a KbItem, or undefined when it is not an item (properties, lexemes) or has no
 * id. Languages, properties and ranks are trimmed as described in the file's header.
 */
export function parseDumpEntity(
  entity: DumpEntity,
  source = WIKIDATA_SOURCE.id,
): KbItem | undefined {
  if (entity.type !== undefined && entity.type !== 'item') return undefined;
  const id = entity.id;
  if (typeof id !== 'string' || !/^Q[1-9]\d*$/.test(id)) return undefined;
  const item = newItem(id as KbItem['id'], source);
  item.labels = byLanguage(entity.labels);
  const mul = entity.labels?.mul?.value?.trim();
  item.aliases = aliasesByLanguage(entity.aliases, item.labels, mul);
  item.descriptions = byLanguage(entity.descriptions);
  const { claims, point } = claimsOf(entity.claims);
  item.claims = claims;
  if (point) item.point = point;
  const sitelinks = entity.sitelinks ?? {};
  item.sitelinks = Object.keys(sitelinks).length;
  const wikipedia: Record<string, string> = {};
  for (const lang of KEPT_LANGUAGES) {
    const title = sitelinks[`${lang}wiki`]?.title;
    if (title) wikipedia[lang] = title;
  }
  if (Object.keys(wikipedia).length > 0) item.wikipedia = wikipedia;
  return item;
}

/**
 * Which lines to parse, decided on the raw bytes: a line is parsed when `wanted` holds its id, or
 * when it has at least `minSitelinks` sitelinks (`Infinity`: wanted ids only). Without a filter,
 * or with `minSitelinks` 0, every line is parsed.
 */
export interface DumpFilter {
  minSitelinks: number;
  wanted?: (id: string) => boolean;
}

/** What the reader saw, for the report and the throughput figures. */
export interface DumpCounters {
  lines: number;
  bytes: number;
  /** Lines skipped before parsing: too few sitelinks and not wanted. */
  skipped: number;
  parsed: number;
  items: number;
  /** Lines that were not JSON (a truncated download). */
  broken: number;
}

export function newDumpCounters(): DumpCounters {
  return { lines: 0, bytes: 0, skipped: 0, parsed: 0, items: 0, broken: 0 };
}

const ID_KEY = Buffer.from('"id":"Q');
const SITE_KEY = Buffer.from('"site":"');

/** The entity id of a raw line: the first `"id":"Q…"`, which the dump writes before any claim. */
export function rawId(line: Buffer): string | undefined {
  const at = line.indexOf(ID_KEY);
  if (at === -1) return undefined;
  let end = at + ID_KEY.length;
  while (end < line.length && (line[end] as number) >= 0x30 && (line[end] as number) <= 0x39) end++;
  return end > at + ID_KEY.length
    ? `Q${line.toString('latin1', at + ID_KEY.length, end)}`
    : undefined;
}

/** Whether a raw line has at least `min` sitelinks (each is written with a `"site":"…"` key). */
export function hasSitelinks(line: Buffer, min: number): boolean {
  let found = 0;
  for (let at = line.indexOf(SITE_KEY); at !== -1 && found < min; ) {
    found++;
    at = line.indexOf(SITE_KEY, at + SITE_KEY.length);
  }
  return found >= min;
}

/** The JSON text of a dump line: without the array's brackets and the trailing comma. */
export function entityText(line: Buffer): string | undefined {
  let end = line.length;
  while (end > 0 && (line[end - 1] === 0x20 || line[end - 1] === 0x09)) end--;
  if (end > 0 && line[end - 1] === 0x2c) end--;
  let start = 0;
  while (start < end && (line[start] === 0x20 || line[start] === 0x09)) start++;
  if (end - start < 2 || line[start] !== 0x7b) return undefined; // "[", "]", blank lines
  return line.toString('utf8', start, end);
}

/**
 * Dump entities as parsed JSON, one at a time: the lines the filter lets through. The counters
 * are updated as the stream goes.
 */
export async function* readDumpEntities(
  input: string | Readable,
  filter?: DumpFilter,
  counters: DumpCounters = newDumpCounters(),
): AsyncGenerator<DumpEntity> {
  for await (const line of dumpLines(input)) {
    counters.lines++;
    counters.bytes += line.length + 1;
    if (filter && filter.minSitelinks > 0) {
      const id = rawId(line);
      const wanted = id !== undefined && filter.wanted?.(id) === true;
      const enough =
        filter.minSitelinks !== Number.POSITIVE_INFINITY && hasSitelinks(line, filter.minSitelinks);
      if (!wanted && !enough) {
        counters.skipped++;
        continue;
      }
    }
    const text = entityText(line);
    if (text === undefined) continue;
    let entity: DumpEntity;
    try {
      entity = JSON.parse(text) as DumpEntity;
    } catch {
      counters.broken++;
      continue;
    }
    counters.parsed++;
    yield entity;
  }
}

/** Items of a dump, one at a time (see {@link readDumpEntities} for the filter). */
export async function* readDump(
  input: string | Readable,
  filter?: DumpFilter,
  counters: DumpCounters = newDumpCounters(),
): AsyncGenerator<KbItem> {
  for await (const entity of readDumpEntities(input, filter, counters)) {
    const item = parseDumpEntity(entity);
    if (!item) continue;
    counters.items++;
    yield item;
  }
}
