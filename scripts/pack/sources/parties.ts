/**
 * Political parties with Wikidata ids: `hdigital+partyfactsdata/import/wikipedia/wikidata.csv`
 * (ids, names) joined with `wikipedia.csv` (founding and dissolution years) on the Party Facts id.
 *
 * Read two ways: as rows for the breadth generator (`breadth/parties.ts`), and as KbItems —
 * P31 political party, P17 country, P571 / P576 years, the short name as an alias and the native
 * name in the language its script points to.
 */
import { alpha2, countryQidOf } from '../breadth/country-codes';
import type { KbItem } from '../kb/item';
import { addAlias, addClaim, addLabel, ItemMap, kbDate } from './build-item';
import { readText } from './data-dir';
import { cell, parseCsv } from './parse';
import { SOURCES } from './registry';
import { languageOfName } from './scripts';

export const PARTY_FILES = {
  ids: 'hdigital+partyfactsdata/import/wikipedia/wikidata.csv',
  years: 'hdigital+partyfactsdata/import/wikipedia/wikipedia.csv',
};

/** One party: id, country (alpha-3), names, years. */
export interface PartyRow {
  qid: string;
  iso3: string;
  name: string;
  short: string;
  native: string;
  founded: string;
  dissolved: string;
}

/** One row per Wikidata id (the first when Party Facts lists an id twice). */
export function readPartyRows(dir: string): PartyRow[] {
  return partyRows(readText(dir, PARTY_FILES.ids), readText(dir, PARTY_FILES.years));
}

/** {@link readPartyRows} on the two files' text. */
export function partyRows(idsCsv: string, yearsCsv: string): PartyRow[] {
  const years = new Map(
    parseCsv(yearsCsv).map((row) => [
      row.partyfacts_id,
      { founded: row.year_founded ?? '', dissolved: row.year_dissolved ?? '' },
    ]),
  );
  const seen = new Set<string>();
  const rows: PartyRow[] = [];
  for (const row of parseCsv(idsCsv)) {
    const qid = row.wikidata_id ?? '';
    if (!/^Q\d+$/.test(qid) || seen.has(qid)) continue;
    seen.add(qid);
    const year = years.get(row.partyfacts_id);
    rows.push({
      qid,
      iso3: cell(row.country),
      name: cell(row.name),
      short: cell(row.name_short),
      native: cell(row.name_native),
      founded: cell(year?.founded.replace(/\.0$/, '')),
      dissolved: cell(year?.dissolved.replace(/\.0$/, '')),
    });
  }
  return rows;
}

const POLITICAL_PARTY = 'Q7278';

/** KbItems of the parties. */
export function partyItems(dir: string): KbItem[] {
  return partyItemsOf(readPartyRows(dir));
}

/** {@link partyItems} on rows already read. */
export function partyItemsOf(rows: PartyRow[]): KbItem[] {
  const items = new ItemMap(SOURCES.partyFacts.id);
  for (const row of rows) {
    const item = items.get(row.qid as KbItem['id']);
    const cca2 = alpha2(row.iso3) ?? '';
    addLabel(item, 'en', row.name);
    if (row.short && row.short !== row.name) addAlias(item, 'en', row.short);
    if (row.native && row.native !== row.name)
      addLabel(item, languageOfName(row.native, cca2), row.native);
    item.kindHint = 'organisation';
    addClaim(item, 'P31', { value: POLITICAL_PARTY });
    addClaim(item, 'P17', { value: countryQidOf(cca2) ?? '' });
    addClaim(item, 'P571', { value: kbDate(row.founded) });
    addClaim(item, 'P576', { value: kbDate(row.dissolved) });
  }
  return items.values();
}
