/**
 * Heads of state and government, past and present: `cfmessias+geografia/data/leaders_history.csv`
 * (one row per term, Wikidata ids, labels mostly as Portuguese Wikidata has them), with English
 * labels from `every-politician-scrapers+world-leaders-2021/data/wikidata.csv` and
 * `every-politician-scrapers+world/html/bio.csv`.
 *
 * Read two ways: as terms for the breadth generator (`breadth/leaders.ts`), and as KbItems —
 * each person with P31 human and P39 "head of state" (Q48352) or "head of government"
 * (Q2285706) of the country (`of`) with start and end, and each country with P35 / P6 naming the
 * person for the same dates.
 */
import { alpha2, countryQidOf } from '../breadth/country-codes';
import type { KbItem } from '../kb/item';
import { addClaim, addLabel, ItemMap, kbDate } from './build-item';
import { readText } from './data-dir';
import { cell, isoDay, parseCsv } from './parse';
import { SOURCES } from './registry';

export const LEADERS_FILE = 'cfmessias+geografia/data/leaders_history.csv';
export const WORLD_LEADERS_FILE = 'every-politician-scrapers+world-leaders-2021/data/wikidata.csv';
export const WORLD_BIO_FILE = 'every-politician-scrapers+world/html/bio.csv';

/** One term: the country (ISO 3166-1 alpha-3), S head of state or G head of government, who, when. */
export interface LeaderTerm {
  iso3: string;
  role: 'S' | 'G';
  qid: string;
  name: string;
  start: string;
  end: string;
  party: string;
}

/** Countries whose leaders' names are Portuguese in their own right (geografia's labels are pt). */
const LUSOPHONE = new Set(['BR', 'PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL', 'MO', 'GQ']);

/**
 * Countries written in another script, whose leaders' names English spells without accents:
 * "Boris Iéltsin" or "Geórgios Papandréu" there is a Portuguese transliteration.
 */
const NON_LATIN = new Set(
  'RU UA BY KZ KG TJ MN BG RS MK GR CY IL IR IQ SY LB JO SA AE QA KW BH OM YE EG LY TN DZ MA SD AF PK IN BD LK NP CN JP KR KP TW TH LA KH MM GE AM ET ER PS MR'.split(
    ' ',
  ),
);

/** Portuguese words that mark a label as Portuguese (titles, "of the") outside Lusophone lands. */
const PORTUGUESE_WORDS =
  /\b(do|da|dos|das|Príncipe|Princesa|Senhor|Senhora|Conde|Condessa|Barão|Rainha|Rei|Imperador|Imperatriz|Papa|Duque|Sultão|Xá|Grão|herdeiro|grão-duque)\b|ão\b|ões\b/u;

/** Rows that are councils, elections or juntas rather than people. */
const NOT_A_PERSON =
  /\b(Eleição|Conselho|Governo|Junta|Comissão|Comitê|Comité|Diretório|Triunvirato|Regência|Presidência|Council|Committee|Directory|Government|Triumvirate|Regency|Election)\b/iu;

/**
 * Whether geografia's label for someone is Portuguese rather than the name English uses:
 * Portuguese titles and "do/da" ("Carlos III do Reino Unido"), or accents and "tch" in the names
 * of countries written in other scripts ("Boris Iéltsin", "Leonid Kravtchuk").
 */
export function looksPortuguese(name: string, cca2: string): boolean {
  if (LUSOPHONE.has(cca2)) return /\b(Príncipe|Rainha|Rei|Imperador|Papa)\b/u.test(name);
  if (PORTUGUESE_WORDS.test(name)) return true;
  // "Luís XIII de França": a regnal name with "de" is not how English names a monarch.
  if (/\b[IVXL]+,? (de|do|da|dos|das) \p{Lu}/u.test(name)) return true;
  if (NON_LATIN.has(cca2) && (/[áéíóúâêôãõà]/u.test(name) || /tch/.test(name))) return true;
  return false;
}

/** Whether a row names a body (a council, an election) instead of a person, or has no label. */
export function isNotAPerson(name: string): boolean {
  return NOT_A_PERSON.test(name) || /^Q\d+$/.test(name.trim()) || name.trim() === '';
}

/** Every term with a person's Wikidata id and a country code. */
export function readGeografiaTerms(dir: string): LeaderTerm[] {
  return parseGeografiaTerms(readText(dir, LEADERS_FILE));
}

/** The terms of leaders_history.csv text (dates cut to the day, as `isoDay`). */
export function parseGeografiaTerms(csv: string): LeaderTerm[] {
  return parseCsv(csv)
    .filter((row) => /^Q\d+$/.test(row.person_qid ?? '') && row.iso3)
    .map((row) => ({
      iso3: cell(row.iso3),
      role: row.role === 'head_of_state' ? 'S' : 'G',
      qid: cell(row.person_qid),
      name: cell(row.person),
      start: isoDay(row.start ?? ''),
      end: isoDay(row.end ?? ''),
      party: cell(row.party),
    }));
}

/**
 * English labels (Wikidata's, via every-politician) for the people geografia names, where they
 * differ from geografia's own label: world-leaders-2021 first, then the wider `world` list.
 */
export function readEnglishLeaderNames(dir: string): Map<string, string> {
  return englishLeaderNames(
    parseCsv(readText(dir, LEADERS_FILE)),
    parseCsv(readText(dir, WORLD_LEADERS_FILE)),
    parseCsv(readText(dir, WORLD_BIO_FILE)),
  );
}

/** {@link readEnglishLeaderNames} on parsed rows, sorted by id. */
export function englishLeaderNames(
  terms: Record<string, string>[],
  worldLeaders: Record<string, string>[],
  world: Record<string, string>[],
): Map<string, string> {
  const wanted = new Set(terms.map((row) => row.person_qid));
  const ownName = new Map(terms.map((row) => [row.person_qid, row.person]));
  const english = new Map<string, string>();
  for (const row of worldLeaders) {
    const qid = row.officeholder ?? '';
    if (wanted.has(qid) && row.officeholderLabel && !/^Q\d+$/.test(row.officeholderLabel))
      english.set(qid, row.officeholderLabel);
  }
  for (const row of world) {
    const qid = row.id ?? '';
    if (wanted.has(qid) && !english.has(qid) && row.name) english.set(qid, row.name);
  }
  return new Map(
    [...english]
      .filter(([qid, name]) => ownName.get(qid) !== name)
      .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
      .map(([qid, name]) => [qid, cell(name)]),
  );
}

/** Wikidata's "head of state" and "head of government", the positions geografia's roles name. */
export const HEAD_OF_STATE = 'Q48352';
export const HEAD_OF_GOVERNMENT = 'Q2285706';

/**
 * KbItems of the leaders: people (label in English where known, geografia's label as Portuguese
 * where it looks Portuguese) with their terms as P39, and countries with P35 / P6.
 */
export function leaderItems(dir: string): KbItem[] {
  return leaderItemsOf(readGeografiaTerms(dir), readEnglishLeaderNames(dir));
}

/** {@link leaderItems} on terms already read. */
export function leaderItemsOf(terms: LeaderTerm[], english: Map<string, string>): KbItem[] {
  const items = new ItemMap(SOURCES.geografia.id);
  for (const term of terms) {
    if (isNotAPerson(term.name)) continue;
    const cca2 = alpha2(term.iso3) ?? '';
    const country = countryQidOf(cca2);
    const person = items.get(term.qid as KbItem['id']);
    const englishName = english.get(term.qid);
    if (englishName) {
      addLabel(person, 'en', englishName);
      if (!person.sources.includes(SOURCES.everyPolitician.id))
        person.sources.push(SOURCES.everyPolitician.id);
    }
    if (looksPortuguese(term.name, cca2)) addLabel(person, 'pt', term.name);
    else if (!englishName) addLabel(person, 'en', term.name);
    person.kindHint = 'person';
    addClaim(person, 'P31', { value: 'Q5' });
    const dates = { from: kbDate(term.start), to: kbDate(term.end) };
    addClaim(person, 'P39', {
      value: term.role === 'S' ? HEAD_OF_STATE : HEAD_OF_GOVERNMENT,
      of: country,
      ...dates,
    });
    if (country) {
      const place = items.get(country as KbItem['id']);
      place.kindHint = 'place';
      addClaim(place, term.role === 'S' ? 'P35' : 'P6', { value: term.qid, ...dates });
    }
  }
  return items.values();
}
