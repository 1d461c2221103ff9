/**
 * Members of the US Congress (those sitting at the snapshot) and every president and
 * vice-president, from congress-legislators (CC0; read by `sources/congress.ts`): `person`
 * entities with dated offices, a description built from them and the party.
 */
import type { Alias, Entity } from '../../../utils/knowledge/schema';
import { type CongressRecord, type CongressTerm, readCongressRecords } from '../sources/congress';
import { dataDir } from '../sources/data-dir';
import { countryQidOf } from './country-codes';
import { describeTerms, mergeTerms, newestFirst, officeFacts, type Term } from './offices';
import { ADMIN_NAMES } from './overrides';
import { wordRisk } from './words';

export type { CongressRecord, CongressTerm } from '../sources/congress';

/** Territories and the capital, which ADMIN_NAMES (the 50 states) lacks. */
const US_AREAS: Record<string, string> = {
  DC: 'the District of Columbia',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'the US Virgin Islands',
  AS: 'American Samoa',
  MP: 'the Northern Mariana Islands',
};

/** A state's name from its postal code. */
export function usStateName(code: string): string {
  return ADMIN_NAMES.US?.[code] ?? US_AREAS[code] ?? code;
}

/** The office a congress-legislators term is in. */
export function congressOffice(type: string, state: string): string {
  switch (type) {
    case 'prez':
      return 'President of the United States';
    case 'viceprez':
      return 'Vice President of the United States';
    case 'sen':
      return `US Senator from ${usStateName(state)}`;
    default:
      return `US Representative from ${usStateName(state)}`;
  }
}

/** Presidency first, then vice-presidency, the Senate and the House; newest first within each. */
function rank(office: string): number {
  if (office.startsWith('President')) return 0;
  if (office.startsWith('Vice')) return 1;
  if (office.startsWith('US Senator')) return 2;
  return 3;
}

const byRank = (a: Term, b: Term) => rank(a.office) - rank(b.office) || newestFirst(a, b);

/** Terms that have not ended by `today` are open: congress-legislators gives their planned end. */
export function congressTerms(terms: readonly CongressTerm[], today: string): Term[] {
  return terms.map(([type, start, end, state]) => ({
    office: congressOffice(type, state),
    from: start,
    ...(end && end <= today ? { to: end } : {}),
  }));
}

/** A sitting member's surname, once the full name is on the page ("Klobuchar"); none for words. */
export function surnameAlias(last: string, full: string): Alias | undefined {
  if (last.length < 4 || !full.endsWith(last) || last.includes(' ')) return undefined;
  if (wordRisk(last) !== undefined) return undefined;
  return { text: last, caseSensitive: true, neverAlone: true };
}

const SOURCE_TITLE = 'congress-legislators';

/**
 * Build the US entities. `qidsByName` lends Wikidata ids (from geografia's US rows) to early
 * presidents the source has none for; people still without an id are left out.
 */
export function buildCongress(
  qidsByName: Map<string, string>,
  records: CongressRecord[] = readCongressRecords(dataDir()),
  today = new Date().toISOString().slice(0, 10),
): Entity[] {
  const byId = new Map<string, Entity>();
  const us = countryQidOf('US');
  for (const [ownQid, name, last, birthday, rawTerms] of records) {
    const qid = ownQid || qidsByName.get(name);
    if (!qid) continue;
    const terms = mergeTerms(congressTerms(rawTerms, today));
    const party = rawTerms.at(-1)?.[5];
    // "Joe Biden Jr.": news drops the suffix; the full form stays an alias.
    const plain = name.replace(/,? (Jr\.|Sr\.)$/, '');
    const aliases: Alias[] = plain === name ? [name] : [plain, name];
    const surname = surnameAlias(last, plain);
    if (surname) aliases.push(surname);
    const earlier = byId.get(qid);
    const allTerms = earlier ? mergeTerms([...termsOf(earlier), ...terms]) : terms;
    byId.set(qid, {
      id: qid,
      kind: 'person',
      name: plain,
      aliases: { en: aliases },
      description: describeTerms(allTerms, true, byRank),
      facts: [
        ...officeFacts(allTerms).slice(0, 30),
        ...(party && party !== 'no party' ? [{ label: 'Party', value: party }] : []),
      ],
      ...(birthday ? { dates: { start: birthday } } : {}),
      country: 'US',
      related: us ? [us] : [],
      sources: [
        {
          title: SOURCE_TITLE,
          url: `https://www.wikidata.org/wiki/${qid}`,
          licence: 'CC0-1.0',
        },
      ],
    });
  }
  return [...byId.values()];
}

function termsOf(entity: Entity): Term[] {
  return (entity.facts ?? [])
    .filter((fact) => fact.label === 'Office')
    .map((fact) => ({ office: fact.value, from: fact.from, to: fact.to }));
}
