/**
 * Extract current members of Congress and every president and vice-president with their terms
 * from unitedstates/congress-legislators (CC0): `legislators-current.yaml`, `executive.yaml`.
 *
 *   npx tsx scripts/pack/extract/congress.ts   → packs/data/congress/people.json
 *
 * One record per person: `[qid | "", name, last name, birthday, terms]`, each term
 * `[type, start, end, state, district, party]` (type: sen, rep, prez, viceprez).
 */
import { parse } from 'yaml';
import { headCommit, mirror, show, writeExtract } from './mirror';
import { usDisplayName } from './parse';

const SOURCE = mirror('unitedstates/congress-legislators');

interface Person {
  id: { wikidata?: string; bioguide?: string };
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

function records(file: string): unknown[][] {
  return (parse(show(SOURCE, file)) as Person[]).map((person) => [
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

const people = [...records('legislators-current.yaml'), ...records('executive.yaml')];
const { commit, date } = headCommit(SOURCE);
writeExtract(
  'congress',
  { 'people.json': `[\n${people.map((person) => JSON.stringify(person)).join(',\n')}\n]\n` },
  {
    title: 'Members of the US Congress, presidents and vice-presidents',
    url: 'https://github.com/unitedstates/congress-legislators',
    revision: `${commit} (${date})`,
    licence: 'CC0 1.0 (public domain dedication)',
    notes: [
      'people.json: legislators-current.yaml then executive.yaml; per person [Wikidata id or "", display name, last name, birthday, terms]; each term [type, start, end, state, district, party]. Contact details, other ids and committee data are left out.',
    ],
  },
);
