/**
 * International organisations with Wikidata ids from Supraverden
 * (CC BY-SA 4.0; read by `sources/organisations.ts`): `organisation` entities with their names in several
 * languages, abbreviations, type, founding year and headquarters.
 *
 * Share-alike: only names and facts are taken (no prose); each entity names Supraverden and its
 * licence as a source, and the pack lists it, so the adapted data stays under CC BY-SA 4.0.
 */
import type { Alias, Entity, Fact } from '../../../utils/knowledge/schema';
import { dataDir } from '../sources/data-dir';
import { type OrganisationRecord, readOrganisationRecords } from '../sources/organisations';
import { AliasCollector } from './aliases';
import { isAcronym } from './parties';
import { foldText, wordRisk } from './words';

export type { OrganisationRecord } from '../sources/organisations';

/** "International organisation, founded 1945" / "EU decentralised agency (EU institutions and bodies)". */
export function describeOrganisation(
  record: Pick<OrganisationRecord, 'type' | 'family' | 'founded'>,
): string {
  const type =
    record.type === 'EU itself'
      ? 'Political and economic union'
      : record.type || 'International organisation';
  const family =
    record.family && record.family !== 'none' && !type.includes(record.family)
      ? ` (${record.family})`
      : '';
  return `${type}${family}${record.founded ? `, founded ${record.founded}` : ''}`.slice(0, 200);
}

/** An abbreviation as an alias: its own capitals only; short or word-like ones need context too. */
export function abbreviationAlias(text: string): Alias | undefined {
  const clean = text.trim();
  if (clean.length < 2 || clean.length > 20) return undefined;
  const wordLike = wordRisk(clean) !== undefined;
  return {
    text: clean,
    caseSensitive: true,
    ...(wordLike || !isAcronym(clean) ? { requireContext: true } : {}),
  };
}

const SOURCE = { title: 'Supraverden', licence: 'CC BY-SA 4.0' };

/** Build the organisation entities. */
export function buildOrganisations(
  records: OrganisationRecord[] = readOrganisationRecords(dataDir()),
): Entity[] {
  return records.flatMap((record) => {
    // The schema caps names at 120 characters; a longer official name yields to its abbreviation.
    const name = record.name.length <= 120 ? record.name : record.abbr?.[0];
    if (!name) return [];
    const aliases = new AliasCollector();
    for (const name of [record.name, ...(record.other ?? [])]) {
      // "Council of ministers": an everyday phrase in lower case; its capitals only.
      const lowerCaseWords = name.split(' ').filter((word) => /^\p{Ll}/u.test(word)).length;
      aliases.add(
        'en',
        lowerCaseWords > 1 && name !== record.name ? { text: name, caseSensitive: true } : name,
      );
    }
    for (const abbr of record.abbr ?? []) {
      const alias = abbreviationAlias(abbr);
      if (alias) aliases.add('en', alias);
    }
    for (const [lang, name] of Object.entries(record.names ?? {})) {
      if (foldText(name) !== foldText(record.name)) aliases.addForeign(lang, name);
    }
    const facts: Fact[] = [];
    if (record.founded) facts.push({ label: 'Founded', value: record.founded });
    if (record.hq) facts.push({ label: 'Headquarters', value: record.hq.slice(0, 300) });
    const arabic = record.names?.ar;
    const entity: Entity = {
      id: record.qid,
      kind: 'organisation',
      name,
      aliases: aliases.toRecord(),
      description: describeOrganisation(record),
      ...(facts.length ? { facts } : {}),
      ...(record.founded ? { dates: { start: record.founded } } : {}),
      ...(arabic ? { translations: { ar: { name: arabic } } } : {}),
      sources: [{ ...SOURCE, url: `https://www.wikidata.org/wiki/${record.qid}` }],
    };
    return [entity];
  });
}
