/**
 * Political parties with Wikidata ids from Party Facts (MIT; `sources/parties.ts`):
 * `organisation` entities with country, founding and dissolution years.
 *
 * Guards: names several countries' parties share ("Labour Party", "Communist Party") match only
 * with a context cue (the country named on the page); acronyms keep their case; one-word names
 * that are English words ("Together", "Forward") need their capitals and a context cue.
 */
import type { Alias, Entity, Fact } from '../../../utils/knowledge/schema';
import { dataDir } from '../sources/data-dir';
import { type PartyRow, readPartyRows } from '../sources/parties';
import { nameInSentence } from './countries';
import { alpha2, countryByAlpha2, countryQidOf } from './country-codes';
import { foldText, isEnglishWord, isLatin, wordRisk } from './words';

export type { PartyRow } from '../sources/parties';

/** Whether a short name is an acronym ("AKP", "CDU/CSU", "PiS"): matched with its capitals only. */
export function isAcronym(text: string): boolean {
  return /^[\p{Lu}\d][\p{L}\d&/.-]*$/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** The language of a native name by its script, when the pack can use it. */
function nativeLanguage(text: string, cca2: string): string | undefined {
  const languages = Object.keys(countryByAlpha2(cca2)?.languages ?? {});
  if (/\p{Script=Arabic}/u.test(text)) {
    if (languages.includes('ara')) return 'ar';
    if (languages.includes('fas') || languages.includes('per') || languages.includes('prs'))
      return 'fa';
    return undefined;
  }
  if (/\p{Script=Hebrew}/u.test(text)) return 'he';
  if (/\p{Script=Cyrillic}/u.test(text) && languages.includes('rus')) return 'ru';
  return undefined;
}

/** "Political party in France, founded 1958" or "Former political party in Italy (1943–1994)". */
export function describeParty(
  countryInSentence: string,
  founded: string,
  dissolved: string,
): string {
  if (dissolved) {
    const span = founded ? ` (${founded}–${dissolved})` : ` (dissolved ${dissolved})`;
    return `Former political party in ${countryInSentence}${span}`;
  }
  return `Political party in ${countryInSentence}${founded ? `, founded ${founded}` : ''}`;
}

/**
 * English aliases of a party with their guards. `shared` holds folded names that several
 * parties carry: those need context.
 */
export function partyAliases(row: Pick<PartyRow, 'name' | 'short'>, shared: Set<string>): Alias[] {
  const aliases: Alias[] = [];
  const add = (text: string, main: boolean) => {
    const clean = text.trim();
    if (
      !clean ||
      aliases.some((alias) => (typeof alias === 'string' ? alias : alias.text) === clean)
    )
      return;
    const folded = foldText(clean);
    const oneWord = !folded.includes(' ');
    const acronym = isAcronym(clean);
    const tooShort = oneWord && !acronym && folded.length < 4;
    // A short form that is not an acronym says too little; the party's own name is always kept
    // (the matcher matches display names anyway), guarded instead.
    if (tooShort && !main) return;
    // "The Republicans", "Greens", "Forward": a word in English copy. Such a name marks only once
    // the party is named another way (its acronym), never on its own.
    if (main && oneWord && !acronym && isEnglishWord(folded)) {
      aliases.push({ text: clean, caseSensitive: true, neverAlone: true });
      return;
    }
    const risky = oneWord && (wordRisk(clean) !== undefined || (!acronym && folded.length <= 3));
    const flags = {
      ...(acronym || risky ? { caseSensitive: true } : {}),
      ...(shared.has(folded) || risky ? { requireContext: true } : {}),
    };
    aliases.push(Object.keys(flags).length ? { text: clean, ...flags } : clean);
  };
  add(row.name, true);
  if (row.short && row.short !== row.name) add(row.short, false);
  return aliases;
}

/** Build the party entities; rows whose country world-countries does not know are left out. */
export function buildParties(rows: PartyRow[] = readPartyRows(dataDir())): Entity[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const text of [row.name, row.short]) {
      if (!text) continue;
      const folded = foldText(text);
      counts.set(folded, (counts.get(folded) ?? 0) + 1);
    }
  }
  const shared = new Set([...counts].filter(([, n]) => n > 1).map(([folded]) => folded));
  const entities: Entity[] = [];
  for (const row of rows) {
    const cca2 = alpha2(row.iso3);
    const country = cca2 ? countryByAlpha2(cca2) : undefined;
    if (!cca2 || !country || !row.name || row.name.length > 120) continue;
    const aliases: Record<string, Alias[]> = { en: partyAliases(row, shared) };
    const language =
      row.native && !isLatin(row.native) ? nativeLanguage(row.native, cca2) : undefined;
    // A one-word native name is often an everyday word too (Arabic فتح, Fatah, also means
    // "opened"): it marks only with the party's country or another related entity on the page.
    if (language && row.native.length <= 120)
      aliases[language] = [
        /\s/.test(row.native.trim()) ? row.native : { text: row.native, requireContext: true },
      ];
    const facts: Fact[] = [];
    if (row.founded) facts.push({ label: 'Founded', value: row.founded });
    if (row.dissolved) facts.push({ label: 'Dissolved', value: row.dissolved });
    const countryId = countryQidOf(cca2);
    entities.push({
      id: row.qid,
      kind: 'organisation',
      name: row.name,
      aliases,
      description: describeParty(nameInSentence(country), row.founded, row.dissolved),
      ...(facts.length ? { facts } : {}),
      ...(row.founded || row.dissolved
        ? {
            dates: {
              ...(row.founded ? { start: row.founded } : {}),
              ...(row.dissolved ? { end: row.dissolved } : {}),
            },
          }
        : {}),
      country: cca2,
      ...(language === 'ar' ? { translations: { ar: { name: row.native } } } : {}),
      related: countryId ? [countryId] : [],
      sources: [
        {
          title: 'Party Facts',
          url: `https://www.wikidata.org/wiki/${row.qid}`,
          licence: 'MIT',
        },
      ],
    });
  }
  return entities;
}
