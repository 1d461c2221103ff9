/**
 * Heads of state and government of every country, past and present, from geografia
 * (Wikidata facts; read by `sources/leaders.ts`): one `person` entity per Wikidata id with dated `Office`
 * facts and a description built from them, and the offices as dated facts of each country, so a
 * card can say who led it when an article was written.
 *
 * The US is left to congress-legislators (presidents and vice-presidents with exact terms);
 * geografia's US rows only lend their Wikidata ids to early presidents.
 */
import type { Alias, Entity, Fact } from '../../../utils/knowledge/schema';
import { dataDir } from '../sources/data-dir';
import {
  isNotAPerson,
  type LeaderTerm,
  looksPortuguese,
  readEnglishLeaderNames,
  readGeografiaTerms,
} from '../sources/leaders';
import { nameInSentence } from './countries';
import { alpha2, countryByAlpha2, countryQidOf } from './country-codes';
import {
  describeTerms,
  mergeTerms,
  newestFirst,
  officeFacts,
  officeName,
  partialDate,
  type Term,
} from './offices';
import { OFFICE_TITLES } from './overrides';
import { wordRisk } from './words';

export { isNotAPerson, type LeaderTerm, looksPortuguese } from '../sources/leaders';

export const GEOGRAFIA_SOURCE_TITLE = 'Wikidata, via geografia';

/** Terms of geografia's leaders_history.csv, read from the data directory. */
export function readLeaderTerms(): LeaderTerm[] {
  return readGeografiaTerms(dataDir());
}

/** English labels for people whose geografia label differs, from every-politician. */
export function readEnglishNames(): Map<string, string> {
  return readEnglishLeaderNames(dataDir());
}

/**
 * Fill missing ends from the successor: within one country and role, a term without an end
 * closes when the next term (someone else's, starting later) begins. The last term stays open.
 */
export function inferEnds(terms: readonly LeaderTerm[]): LeaderTerm[] {
  const groups = new Map<string, LeaderTerm[]>();
  for (const term of terms) {
    const key = `${term.iso3}:${term.role}`;
    groups.set(key, [...(groups.get(key) ?? []), { ...term }]);
  }
  const out: LeaderTerm[] = [];
  for (const list of groups.values()) {
    const dated = list.filter((term) => term.start).sort((a, b) => a.start.localeCompare(b.start));
    dated.forEach((term, i) => {
      if (term.end) return;
      const next = dated
        .slice(i + 1)
        .find((other) => other.qid !== term.qid && other.start > term.start);
      if (next) term.end = next.start;
    });
    out.push(...list);
  }
  return out;
}

/** A leader being assembled from their terms. */
interface Leader {
  qid: string;
  name: string;
  otherNames: Set<string>;
  terms: (Term & { cca2: string; role: 'S' | 'G' })[];
  parties: { party: string; from: string }[];
}

/** Extra short forms of royal names: "Harald V of Norway" → "Harald V"; "Albert II, Prince of Monaco" → "Albert II". */
export function regnalShortName(name: string): string | undefined {
  const match = /^(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)? [IVXL]+)(?:,| of )/u.exec(name);
  return match?.[1];
}

/** Aliases for a person's names: multi-word names as they are, one-word names guarded. */
export function personAliases(names: Iterable<string>): Alias[] {
  const aliases: Alias[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key) || name.length > 120) continue;
    seen.add(key);
    if (name.trim().includes(' ')) aliases.push(name);
    else {
      const risk = wordRisk(name);
      aliases.push(
        risk === 'common-word' || risk === 'first-name'
          ? { text: name, caseSensitive: true, requireContext: true }
          : { text: name, caseSensitive: true },
      );
    }
  }
  return aliases;
}

/** Sources of a generated leader: the Wikidata item, which the data repeats (CC0). */
function leaderSource(qid: string) {
  return {
    title: GEOGRAFIA_SOURCE_TITLE,
    url: `https://www.wikidata.org/wiki/${qid}`,
    licence: 'CC0-1.0',
  };
}

/**
 * Build leaders and the offices of each country. Returns person entities (sorted by id) and, per
 * alpha-2 code, dated facts naming who held the country's top offices (newest first).
 */
export function buildLeaders(
  rows: readonly LeaderTerm[] = readLeaderTerms(),
  english: Map<string, string> = readEnglishNames(),
): { people: Entity[]; countryFacts: Map<string, Fact[]>; usQids: Map<string, string> } {
  const leaders = new Map<string, Leader>();
  const countryFacts = new Map<string, (Fact & { sortKey: string })[]>();
  const usQids = new Map<string, string>();
  for (const term of inferEnds(rows)) {
    const cca2 = alpha2(term.iso3);
    const country = cca2 ? countryByAlpha2(cca2) : undefined;
    if (!cca2 || !country || isNotAPerson(term.name)) continue;
    if (cca2 === 'US') {
      usQids.set(term.name, term.qid);
      continue;
    }
    const englishName = english.get(term.qid);
    const portuguese = looksPortuguese(term.name, cca2);
    if (portuguese && !englishName) continue;
    const from = partialDate(term.start);
    const to = partialDate(term.end);
    const office = officeName(term.role, nameInSentence(country), OFFICE_TITLES[cca2], from);
    const leader = leaders.get(term.qid) ?? {
      qid: term.qid,
      name: englishName ?? term.name,
      otherNames: new Set<string>(),
      terms: [],
      parties: [],
    };
    if (!portuguese) leader.otherNames.add(term.name);
    leader.terms.push({ office, from, to, cca2, role: term.role });
    if (term.party) leader.parties.push({ party: term.party, from: term.start });
    leaders.set(term.qid, leader);

    // The country's own record of who held office: only the recent past, which news quotes.
    if (!to || to >= '1990') {
      const titles = OFFICE_TITLES[cca2];
      const title = term.role === 'S' ? titles?.state : titles?.government;
      const label =
        title && from && Number(from.slice(0, 4)) >= title.since
          ? title.title
          : term.role === 'S'
            ? 'Head of state'
            : 'Head of government';
      const list = countryFacts.get(cca2) ?? [];
      list.push({
        label,
        value: leader.name,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        sortKey: `${from ?? ''}:${term.role}`,
      });
      countryFacts.set(cca2, list);
    }
  }

  const people = [...leaders.values()].map((leader) => leaderEntity(leader));
  const facts = new Map<string, Fact[]>();
  for (const [cca2, list] of countryFacts) {
    const unique = new Map(list.map((fact) => [`${fact.label}|${fact.value}|${fact.from}`, fact]));
    facts.set(
      cca2,
      [...unique.values()]
        .sort((a, b) => b.sortKey.localeCompare(a.sortKey))
        .slice(0, MAX_COUNTRY_OFFICE_FACTS)
        .map(({ sortKey: _sortKey, ...fact }) => fact),
    );
  }
  return { people: people.sort((a, b) => a.id.localeCompare(b.id)), countryFacts: facts, usQids };
}

/** Office facts per country, newest first: the schema allows 40 facts, countries have ~8 of their own. */
export const MAX_COUNTRY_OFFICE_FACTS = 24;

/** Party labels in geografia are sometimes Portuguese ("Partido Baath" for the Ba'ath Party). */
const PORTUGUESE_PARTY = /\b(Partido|Movimento|Frente|União|Aliança|Congresso|Nacional)\b/u;

/** A party label fit to show, or undefined when it is Portuguese outside Iberian-language lands. */
export function partyLabel(party: string, cca2: string): string | undefined {
  const languages = Object.keys(countryByAlpha2(cca2)?.languages ?? {});
  const iberian = languages.includes('spa') || languages.includes('por');
  if (!iberian && (PORTUGUESE_PARTY.test(party) || looksPortuguese(party, cca2))) return undefined;
  return party;
}

/** Sovereign states before territories, bigger before smaller: which office leads a description. */
function officeWeight(cca2: string): number {
  const country = countryByAlpha2(cca2);
  return (country?.independent ? 1e9 : 0) + (country?.area ?? 0);
}

function leaderEntity(leader: Leader): Entity {
  // Dated terms tell more than undated rows for the same office.
  const dated = leader.terms.filter((term) => term.from);
  const chosen = (dated.length > 0 ? dated : leader.terms).sort(
    (a, b) => officeWeight(b.cca2) - officeWeight(a.cca2),
  );
  const terms = mergeTerms(chosen.map(({ office, from, to }) => ({ office, from, to })));
  // The description names offices in sovereign states when there are any (a French president
  // is also co-prince of Andorra and head of France's overseas collectivities).
  const sovereign = new Set(
    chosen.filter((term) => countryByAlpha2(term.cca2)?.independent).map((term) => term.office),
  );
  const weight = new Map(chosen.map((term) => [term.office, officeWeight(term.cca2)]));
  const byWeight = (a: Term, b: Term) =>
    (weight.get(b.office) ?? 0) - (weight.get(a.office) ?? 0) || newestFirst(a, b);
  const described = terms
    .filter((term) => sovereign.size === 0 || sovereign.has(term.office))
    .sort(byWeight);
  const lead = chosen.find((term) => term.office === described[0]?.office) ?? chosen[0];
  const countries = [...new Set(chosen.map((term) => term.cca2))];
  const latestParty = [...leader.parties].sort((a, b) => b.from.localeCompare(a.from))[0];
  const party = latestParty && lead ? partyLabel(latestParty.party, lead.cca2) : undefined;
  const names = [leader.name, ...leader.otherNames];
  const short = regnalShortName(leader.name);
  if (short) names.push(short);
  const facts = [
    ...officeFacts(terms).slice(0, 30),
    ...(party ? [{ label: 'Party', value: party }] : []),
  ];
  return {
    id: leader.qid,
    kind: 'person',
    name: leader.name,
    aliases: { en: personAliases(names) },
    description: describeTerms(described, true, byWeight),
    facts,
    ...(lead ? { country: lead.cca2 } : {}),
    related: countries.map((cca2) => countryQidOf(cca2)).filter((id): id is string => !!id),
    sources: [leaderSource(leader.qid)],
  };
}
