/**
 * The US Congress as it sits in the snapshot, and every president and vice-president:
 * `unitedstates+congress-legislators/{legislators-current,executive}.yaml` (CC0).
 *
 * Read two ways: as records for the breadth generator (`breadth/congress.ts`), and as KbItems —
 * people with P31 human, P569 birth, P27 United States, P102 party (by name where the source has
 * no id for it), and each term as P39 of the office's Wikidata item with start and end.
 */
import { parse } from 'yaml';
import type { KbItem } from '../kb/item';
import { addAlias, addClaim, addLabel, ItemMap, kbDate } from './build-item';
import { readText } from './data-dir';
import { usDisplayName } from './parse';
import { SOURCES } from './registry';

export const CONGRESS_FILES = [
  'unitedstates+congress-legislators/legislators-current.yaml',
  'unitedstates+congress-legislators/executive.yaml',
];

/** `[qid | "", name, last name, birthday, terms]`. */
export type CongressRecord = [string, string, string, string, CongressTerm[]];
/** `[type, start, end, state, district, party]`; type is sen, rep, prez or viceprez. */
export type CongressTerm = [string, string, string, string, string | number, string];

interface Person {
  id: { wikidata?: string };
  name: { first: string; last: string; nickname?: string; official_full?: string; suffix?: string };
  bio?: { birthday?: string };
  terms: {
    type: string;
    start: string;
    end: string;
    state?: string;
    district?: number;
    party?: string;
  }[];
}

/** The people of one congress-legislators YAML file as records. */
export function parseCongressYaml(text: string): CongressRecord[] {
  return (parse(text) as Person[]).map((person) => [
    person.id.wikidata ?? '',
    usDisplayName(person.name),
    person.name.last,
    person.bio?.birthday ?? '',
    person.terms.map((term) => [
      term.type,
      term.start,
      term.end,
      term.state ?? '',
      term.district ?? '',
      term.party ?? '',
    ]),
  ]);
}

/** Sitting legislators, then the executive: one record per person. */
export function readCongressRecords(dir: string): CongressRecord[] {
  return CONGRESS_FILES.flatMap((file) => parseCongressYaml(readText(dir, file)));
}

/** Wikidata items of the offices a term is in. */
export const CONGRESS_OFFICES: Record<string, string> = {
  prez: 'Q11696',
  viceprez: 'Q11699',
  sen: 'Q4416090',
  rep: 'Q13218630',
};

/** The two parties almost every member belongs to; others stay names. */
const PARTIES: Record<string, string> = { Democrat: 'Q29552', Republican: 'Q29468' };

const UNITED_STATES = 'Q30';

/** KbItems of the people with a Wikidata id (records without one are left to other sources). */
export function congressItems(dir: string): KbItem[] {
  return congressItemsOf(readCongressRecords(dir));
}

/** {@link congressItems} on records already read; terms not ended by `today` stay open. */
export function congressItemsOf(
  records: CongressRecord[],
  today = new Date().toISOString().slice(0, 10),
): KbItem[] {
  const items = new ItemMap(SOURCES.congress.id);
  for (const [qid, name, , birthday, terms] of records) {
    if (!/^Q\d+$/.test(qid)) continue;
    const item = items.get(qid as KbItem['id']);
    const plain = name.replace(/,? (Jr\.|Sr\.)$/, '');
    addLabel(item, 'en', plain);
    addAlias(item, 'en', name);
    item.kindHint = 'person';
    addClaim(item, 'P31', { value: 'Q5' });
    addClaim(item, 'P27', { value: UNITED_STATES });
    addClaim(item, 'P569', { value: kbDate(birthday) });
    for (const [type, start, end] of terms) {
      const office = CONGRESS_OFFICES[type];
      // The source gives a sitting member's planned end; the term is open until then.
      const to = end && end <= today ? kbDate(end) : undefined;
      if (office) addClaim(item, 'P39', { value: office, from: kbDate(start), to });
    }
    const party = terms.at(-1)?.[5];
    if (party && party !== 'no party') addClaim(item, 'P102', { value: PARTIES[party] ?? party });
  }
  return items.values();
}
