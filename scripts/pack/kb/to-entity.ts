/**
 * A knowledge-base item → a pack entity (`utils/knowledge/schema.ts`): its Q-id, its English label
 * with real capitals as the name, names by language as aliases, Wikidata's description (or a short
 * one made from kind and country: "city in Syria"), popularity on the scale of sitelinks, dates,
 * coordinates, country code, facts as the card shows them, and its sources with their licences.
 * An entity with nothing but a name, a kind and an id is fine: the card shows a short, honest card.
 */
import * as v from 'valibot';
import {
  type Alias,
  Coordinates,
  type Entity,
  EntityId,
  type EntityKind,
  type Fact,
  type Source,
  WebUrl,
} from '../../../utils/knowledge/schema';
import { AliasCollector, flagsForRisk } from '../breadth/aliases';
import { countryDemonyms } from '../breadth/country-codes';
import { wordRisk } from '../breadth/words';
import { KEPT_LANGUAGES, WIKIDATA_SOURCE } from './dump';
import { currentStatement, factsOf, isCountry, packDate } from './facts';
import { isQid, type KbItem } from './item';
import { displayLabel, type LabelTable } from './labels';
import { isAcronym, surnames } from './names';
import type { SourceRegistry } from './trust';

/** What turning items into entities needs besides the item. */
export interface EntityContext {
  labels: LabelTable;
  sources: SourceRegistry;
  /** Whether an id is an entity of the same build (only those are listed as `related`). */
  isEntity?: (id: string) => boolean;
}

/** The kind and the noun ("city", "political party") the classifier found. */
export interface EntityClass {
  kind: EntityKind;
  noun: string;
}

const MAX_NAME = 120;
const MAX_DESCRIPTION = 200;
const MAX_ALIASES_PER_LANGUAGE = 200;
const MAX_RELATED = 50;
const MAX_SOURCES = 20;
/** Two-letter acronyms ("UN", "EU") only for items this popular: most two-letter words are noise. */
const SHORT_ACRONYM_POPULARITY = 100;

/** Text cut to a schema limit, on a word boundary when one is near. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trim()}…`;
}

/**
 * Popularity on the scale of Wikidata's sitelinks (`Entity.popularity`). Items without sitelinks
 * get an estimate, the larger of:
 * - from page views (English Wikipedia, per month as the wikitrivia decks give them):
 *   round(1.5 × views^0.34), fitted on 16,931 items a source gives both for (views of 10,000 → 34,
 *   100,000 → 75, 1,000,000 → 164);
 * - from the number of sources other than the dump that name the item: 3 each (one list → a local
 *   figure's 3, five lists → 15);
 * - from the item's age: Wikidata made its first items from Wikipedia articles, largest wikis
 *   first, so a low number tells of an article in many languages (below Q100,000 → 20, below a
 *   million → 10, below ten million → 5); new items are mostly of one wiki or none. Not for
 *   places, which bots made early by the thousand.
 */
export function popularityOf(item: KbItem): number {
  if (item.sitelinks !== undefined && item.sitelinks > 0) return Math.min(item.sitelinks, 10_000);
  const fromViews =
    item.pageViews && item.pageViews > 0 ? Math.round(1.5 * item.pageViews ** 0.34) : 0;
  const fromSources = 3 * item.sources.filter((id) => id !== WIKIDATA_SOURCE.id).length;
  const number = /^Q(\d+)$/.exec(item.id)?.[1];
  const age = number === undefined ? Number.POSITIVE_INFINITY : Number(number);
  // Not for places: bots made early items for villages by the thousand (Q30505 is a village in
  // Kazakhstan); a city's size is told by the breadth data's priority instead.
  const fromAge =
    item.kindHint === 'place'
      ? 0
      : age < 100_000
        ? 20
        : age < 1_000_000
          ? 10
          : age < 10_000_000
            ? 5
            : 0;
  return Math.min(Math.max(fromViews, fromSources, fromAge), 10_000);
}

/**
 * A company's legal form and a club's "F.C.", which news leaves off: "Apple Inc." is Apple,
 * "Manchester United F.C." Manchester United, "Real Madrid Club de Fútbol" Real Madrid.
 */
const LEGAL_FORM =
  /,?\s+(?:Inc\.?|Corp\.|Ltd\.?|plc|PLC|LLC|Group|Holdings|S\.A\.|AG|SE|N\.V\.|GmbH|A\.?F\.?C\.?|F\.?C\.?|C\.F\.|Football Club|Club de Fútbol)$/u;

/** How well known (≈ 10 Wikipedias) an organisation must be to be named without its legal form. */
const SHORT_FORM_POPULARITY = 10;

/** The name without its legal form or club suffix, when it has one and something is left. */
export function withoutLegalForm(name: string): string | undefined {
  const short = name.replace(LEGAL_FORM, '').trim();
  return short !== name && /\p{L}{2}/u.test(short) ? short : undefined;
}

/** Flags for a one-word English name: people's names are proper names; words and first names need context. */
function oneWordFlags(text: string, kind: EntityKind) {
  const risk = wordRisk(text);
  if (kind !== 'person') return flagsForRisk(risk);
  return risk === 'common-word' || risk === 'first-name'
    ? { caseSensitive: true, requireContext: true }
    : { caseSensitive: true };
}

function addName(
  aliases: AliasCollector,
  lang: string,
  text: string,
  kind: EntityKind,
  popularity: number,
): void {
  const clean = text.trim();
  if (isAcronym(clean)) {
    // Kept as written; the matcher keeps acronyms in capitals. Two signs only for the famous.
    const signs = clean.replace(/[^\p{L}\d]/gu, '').length;
    if (signs > 2) aliases.add(lang, clean);
    else if (popularity >= SHORT_ACRONYM_POPULARITY)
      aliases.add(lang, { text: clean, caseSensitive: true });
    return;
  }
  if (lang !== 'en') {
    aliases.addForeign(lang, clean);
    return;
  }
  if (/\s/.test(clean)) aliases.add(lang, clean);
  else aliases.add(lang, { text: clean, ...oneWordFlags(clean, kind) });
}

/** Names by language: the display name, a person's surnames, then labels and aliases (English first). */
function aliasesOf(
  item: KbItem,
  kind: EntityKind,
  name: string,
  popularity: number,
): Record<string, Alias[]> {
  const aliases = new AliasCollector();
  const nameLang = item.labels.en
    ? 'en'
    : (KEPT_LANGUAGES.find((lang) => item.labels[lang] === name) ?? 'en');
  addName(aliases, nameLang, name, kind, popularity);
  if (kind === 'person' && nameLang === 'en') {
    const citizenships = (item.claims.P27 ?? []).map((statement) => String(statement.value));
    for (const surname of surnames(name, citizenships)) {
      const risky = wordRisk(surname) !== undefined;
      aliases.add('en', {
        text: surname,
        neverAlone: true,
        ...(risky ? { caseSensitive: true } : {}),
      });
    }
  }
  const languages = ['en', ...KEPT_LANGUAGES.filter((lang) => lang !== 'en')];
  for (const lang of languages) {
    const label = item.labels[lang];
    if (label) addName(aliases, lang, label, kind, popularity);
  }
  // Not for the little-known: "Encuesta, Inc." would take every Spanish survey.
  if (kind === 'organisation' && popularity >= SHORT_FORM_POPULARITY)
    for (const label of [name, item.labels.en ?? '']) {
      const short = withoutLegalForm(label);
      if (short) addName(aliases, 'en', short, kind, popularity);
    }
  for (const lang of languages) {
    for (const alias of item.aliases[lang] ?? []) addName(aliases, lang, alias, kind, popularity);
  }
  const record = aliases.toRecord();
  for (const [lang, list] of Object.entries(record)) {
    record[lang] = list.slice(0, MAX_ALIASES_PER_LANGUAGE);
  }
  return record;
}

/** The statement that places an item in a country: a person's citizenship, else P17. */
function countryId(item: KbItem, kind: EntityKind): string | undefined {
  const statement = currentStatement(kind === 'person' ? item.claims.P27 : item.claims.P17);
  return typeof statement?.value === 'string' ? statement.value : undefined;
}

function year(date: string | undefined): string | undefined {
  return date?.replace(/^(-?\d{4}).*/, '$1');
}

/**
 * A description when Wikidata gives none in English, from what the item says: "Danish politician
 * (1939–2016)", "city in Syria", "armed organisation in Syria", "election in France (2022)".
 */
export function generatedDescription(
  item: KbItem,
  { kind, noun }: EntityClass,
  labels: LabelTable,
): string {
  const country = countryId(item, kind);
  const countryName = country ? labels.name(country) : undefined;
  const code = country ? labels.code(country) : undefined;
  const dates = datesOf(item, kind);
  if (kind === 'person') {
    const occupation = (item.claims.P106 ?? [])
      .map((statement) =>
        typeof statement.value === 'string' ? labels.name(statement.value) : undefined,
      )
      .find((label) => label !== undefined);
    const what = occupation ?? 'person';
    const demonym = code ? countryDemonyms(code)[0] : undefined;
    const who = demonym ? `${demonym} ${what}` : countryName ? `${what} from ${countryName}` : what;
    const span =
      dates?.start || dates?.end ? ` (${year(dates.start) ?? '?'}–${year(dates.end) ?? ''})` : '';
    return clip(`${who}${span}`, MAX_DESCRIPTION);
  }
  if (kind === 'place' && isCountry(item)) return 'country';
  const where = countryName ? `${noun} in ${countryName}` : noun;
  const when = kind === 'event' && dates?.start ? ` (${year(dates.start)})` : '';
  return clip(`${where}${when}`, MAX_DESCRIPTION);
}

/** Start and end: birth and death, inception and dissolution, or an event's span (P580/P582, P585). */
export function datesOf(item: KbItem, kind: EntityKind): Entity['dates'] {
  const first = (property: string) => packDate(currentStatement(item.claims[property])?.value);
  const pairs: [string | undefined, string | undefined][] =
    kind === 'person'
      ? [[first('P569'), first('P570')]]
      : [
          [first('P571'), first('P576')],
          [first('P580'), first('P582')],
          [first('P585'), undefined],
        ];
  for (const [start, end] of pairs) {
    if (start || end) return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  }
  return undefined;
}

function sourcesOf(item: KbItem, registry: SourceRegistry): Source[] {
  const out: Source[] = [];
  if (isQid(item.id)) {
    out.push({
      title: `Wikidata ${item.id}`,
      url: `https://www.wikidata.org/wiki/${item.id}`,
      licence: 'CC0-1.0',
    });
  }
  for (const id of item.sources) {
    if (id === WIKIDATA_SOURCE.id && isQid(item.id)) continue;
    const source = registry.get(id);
    out.push(
      source
        ? {
            title: clip(source.title, 200),
            ...(source.url && v.is(WebUrl, source.url) ? { url: source.url } : {}),
            licence: clip(source.licence, 80),
          }
        : { title: clip(id, 200) },
    );
  }
  return out.slice(0, MAX_SOURCES);
}

function translationsOf(item: KbItem, name: string): Entity['translations'] {
  const out: NonNullable<Entity['translations']> = {};
  for (const lang of KEPT_LANGUAGES) {
    if (lang === 'en') continue;
    const label = item.labels[lang];
    const description = item.descriptions[lang];
    const entry: { name?: string; description?: string } = {};
    if (label && label !== name) entry.name = clip(label, MAX_NAME);
    if (description) entry.description = clip(description, MAX_DESCRIPTION);
    if (entry.name || entry.description) out[lang] = entry;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const RELATED_PROPERTIES = ['P17', 'P131', 'P36', 'P1376', 'P102', 'P159', 'P27', 'P35', 'P6'];

function relatedOf(item: KbItem, isEntity: ((id: string) => boolean) | undefined): string[] {
  if (!isEntity) return [];
  const ids = new Set<string>();
  for (const property of RELATED_PROPERTIES) {
    for (const statement of item.claims[property] ?? []) {
      const id = statement.value;
      if (typeof id === 'string' && id !== item.id && isQid(id) && isEntity(id)) ids.add(id);
    }
  }
  return [...ids].slice(0, MAX_RELATED);
}

/** The pack entity of an item, or undefined when it has no name or an id the pack refuses. */
export function toEntity(
  item: KbItem,
  cls: EntityClass,
  context: EntityContext,
): Entity | undefined {
  const label = displayLabel(item);
  if (!label || !v.is(EntityId, item.id)) return undefined;
  const name = clip(label, MAX_NAME);
  const { kind } = cls;
  const popularity = popularityOf(item);
  const english = item.descriptions.en;
  const description = english
    ? clip(english, MAX_DESCRIPTION)
    : generatedDescription(item, cls, context.labels);
  const facts: Fact[] = factsOf(item, kind, context.labels);
  const dates = datesOf(item, kind);
  const country = isCountry(item)
    ? (item.claims.P297?.[0]?.value as string | undefined)
    : (() => {
        const id = countryId(item, kind);
        return id ? context.labels.code(id) : undefined;
      })();
  const translations = translationsOf(item, name);
  const related = relatedOf(item, context.isEntity);
  return {
    id: item.id,
    kind,
    name,
    aliases: aliasesOf(item, kind, name, popularity),
    description,
    ...(facts.length > 0 ? { facts } : {}),
    ...(dates ? { dates } : {}),
    ...(item.point && v.is(Coordinates, item.point)
      ? { coordinates: { lat: item.point.lat, lon: item.point.lon } }
      : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(related.length > 0 ? { related } : {}),
    popularity,
    sources: sourcesOf(item, context.sources),
    ...(translations ? { translations } : {}),
  };
}
