/**
 * First-level regions (US states, provinces, governorates) with Wikidata ids from the
 * countries-states-cities database (ODbL 1.0; `sources/regions-cities.ts`): `place` entities with their
 * native name (Arabic for Arab states, also shown as the Arabic name on cards), type, ISO 3166-2
 * code and coordinates.
 *
 * Guards: every region name keeps its capitals; names made only of English words ("Central",
 * "Eastern Province", "Lakes") or shared with another region also need a context cue; one-word
 * everyday words are left out.
 */
import type { Alias, Entity, Fact } from '../../../utils/knowledge/schema';
import { dataDir } from '../sources/data-dir';
import { type RegionRow, readRegionRows } from '../sources/regions-cities';
import { nameInSentence } from './countries';
import { countryByAlpha2, countryDemonyms, countryQidOf } from './country-codes';
import { CITIES_LEFT_TO_CURATED } from './overrides';
import { foldText, wordRisk } from './words';

/**
 * "Al Anbar" → "Anbar": English news often drops the Arabic article. Undefined when there is
 * none, or when what is left is short or an English word.
 */
export function withoutArabicArticle(name: string): string | undefined {
  const rest = /^(?:Al|Ad|Ar|As|At|Az|An|Ash|El)[ -](\S.*)$/.exec(name)?.[1];
  if (!rest || rest.replace(/[^\p{L}]/gu, '').length < 5 || wordRisk(rest) !== undefined)
    return undefined;
  return rest;
}

export type { RegionRow } from '../sources/regions-cities';

/** Whether every word of a name is an everyday English word or a small word ("North Eastern"). */
export function allEverydayWords(name: string): boolean {
  const words = foldText(name).split(' ').filter(Boolean);
  return (
    words.length > 0 &&
    words.every(
      (word) =>
        SMALL_WORDS.has(word) || wordRisk(word) === 'common-word' || wordRisk(word) === 'rare-word',
    )
  );
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'le', 'al', 'el']);

/** "Governorate of Iraq", "State of the United States". */
export function describeRegion(type: string, countryInSentence: string): string {
  const kind = type ? type.charAt(0).toUpperCase() + type.slice(1) : 'Region';
  return `${kind} of ${countryInSentence}`;
}

/** Build region entities; regions of countries left to curated files are skipped. */
export function buildRegions(rows: RegionRow[] = readRegionRows(dataDir())): Entity[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(foldText(row.name), (counts.get(foldText(row.name)) ?? 0) + 1);
  const entities: Entity[] = [];
  for (const row of rows) {
    const country = countryByAlpha2(row.cc);
    if (!country || CITIES_LEFT_TO_CURATED.has(row.cc) || !row.name || row.name.length > 120)
      continue;
    const folded = foldText(row.name);
    const oneWord = !folded.includes(' ');
    if (oneWord && wordRisk(row.name) === 'common-word') continue;
    // Named like its own country ("Luxembourg" district): that entity covers it.
    if (folded === foldText(country.name.common)) continue;
    const needsContext =
      (counts.get(folded) ?? 0) > 1 ||
      allEverydayWords(row.name) ||
      wordRisk(row.name) !== undefined;
    const main: Alias = {
      text: row.name,
      caseSensitive: true,
      ...(needsContext ? { requireContext: true } : {}),
    };
    const aliases: Record<string, Alias[]> = { en: [main] };
    const short = withoutArabicArticle(row.name);
    if (short) aliases.en?.push({ ...main, text: short });
    const arabic =
      /\p{Script=Arabic}/u.test(row.native) && Object.keys(country.languages ?? {}).includes('ara');
    if (arabic)
      aliases.ar = [
        needsContext || !row.native.includes(' ')
          ? { text: row.native, requireContext: true }
          : row.native,
      ];
    const facts: Fact[] = [];
    if (row.iso) facts.push({ label: 'ISO 3166-2', value: row.iso });
    const population = Number(row.population);
    if (population > 0)
      facts.push({ label: 'Population', value: population.toLocaleString('en-US') });
    const lat = Number(row.lat);
    const lon = Number(row.lon);
    const countryId = countryQidOf(row.cc);
    entities.push({
      id: row.qid,
      kind: 'place',
      name: row.name,
      aliases,
      description: describeRegion(row.type, nameInSentence(country)),
      ...(facts.length ? { facts } : {}),
      ...(Number.isFinite(lat) && Number.isFinite(lon) && (lat !== 0 || lon !== 0)
        ? { coordinates: { lat, lon } }
        : {}),
      country: row.cc,
      ...(arabic ? { translations: { ar: { name: row.native } } } : {}),
      hints: { context: countryDemonyms(row.cc), priority: 0 },
      related: countryId ? [countryId] : [],
      sources: [
        {
          title: 'countries-states-cities',
          url: `https://www.wikidata.org/wiki/${row.qid}`,
          licence: 'ODbL-1.0',
        },
      ],
    });
  }
  return entities;
}
