import type { EntityKind } from '../knowledge/schema';
import { choosePage, type Candidate as PageCandidate } from './choose-page';
import type { NameToAsk } from './discovery-page';
import { CONNECTORS } from './everyday-words';
import type { TitleOutcome } from './wikipedia';

/**
 * Whether a name the packs did not mark gets a mark from what Wikipedia said about it: only an
 * article (no disambiguation page, no miss, no section of another page) with a Wikidata id and a
 * description, about a named thing rather than a concept, a list or a family name, chosen with
 * the page's words among the pages the name may mean (`choosePage`), and none rather than a
 * guess. Pure.
 */

/** A page Wikipedia gave for a name. */
export interface FoundPage {
  title: string;
  description: string;
  qid: string;
  lang: string;
  kind: EntityKind;
}

/** Descriptions of pages that name no one thing a card could explain. */
const NOT_A_THING =
  /\b(disambiguation|wikimedia|list of|lists of|topics referred|family name|surname|given name|first name|forename|patronymic|word|letter|name|genus|species|calendar year|year|decade|century|nom de famille|prénom|apellido|nombre propio|sobrenome|prenome|familienname|vorname|cognome|achternaam|homonymie|desambiguación|desambiguação|begriffsklärung)\b/i;

/** Words of a description that tell the kind of thing it is, per kind, in the languages read. */
const KIND_WORDS: readonly [EntityKind, RegExp][] = [
  [
    'person',
    /\b(person|human|born|politician|actor|actress|singer|rapper|musician|composer|player|footballer|cricketer|athlete|boxer|coach|manager|journalist|writer|author|novelist|poet|businessman|businesswoman|entrepreneur|executive|lawyer|judge|economist|scientist|physicist|chemist|biochemist|biologist|physician|surgeon|engineer|activist|diplomat|officer|general|soldier|president|minister|prime minister|senator|governor|mayor|king|queen|prince|princess|emperor|pope|cleric|imam|rabbi|priest|bishop|artist|painter|photographer|director|producer|filmmaker|comedian|presenter|broadcaster|model|designer|architect|historian|philosopher|professor|academic|researcher|astronaut|investor|banker|chef|dancer|militant|terrorist|homme politique|femme politique|politicien|politicienne|journaliste|écrivain|écrivaine|acteur|actrice|chanteur|chanteuse|joueur|footballeur|avocat|avocate|homme d'affaires|político|política|periodista|escritor|escritora|futbolista|cantante|abogado|empresario|empresaria|jogador|jornalista|cantor|cantora|advogado|empresário|politiker|politikerin|journalistin|schriftsteller|schriftstellerin|schauspieler|schauspielerin|sänger|sängerin|fußballspieler|unternehmer|unternehmerin|politico|giornalista|scrittore|attore|attrice|calciatore|politicus|journalist)\b|\(\s*(born|né|née|nacid[oa]|nascid[oa]|geboren|nato|nata)\b|\b\d{3,4}\s*[–-]\s*(\d{3,4})?\s*$/i,
  ],
  [
    'place',
    /\b(place|location|settlement|city|town|village|capital|country|state|province|region|district|county|municipality|commune|island|river|lake|mountain|neighbourhood|neighborhood|suburb|borough|governorate|prefecture|territory|republic|kingdom|emirate|sea|ocean|valley|desert|peninsula|airport|port|stadium|bridge|street|square|ville|pays|région|département|fleuve|rivière|île|ciudad|país|provincia|municipio|región|río|isla|cidade|país|estado|município|rio|ilha|stadt|land|bundesland|gemeinde|landkreis|fluss|insel|città|paese|regione|comune|fiume|isola|stad|gemeente|provincie|rivier|eiland)\b/i,
  ],
  [
    'event',
    /\b(event|war|battle|election|elections|referendum|attack|bombing|shooting|massacre|protest|protests|uprising|revolution|coup|summit|crisis|conflict|invasion|siege|earthquake|hurricane|pandemic|festival|championship|tournament|cup|olympics|games|conference|scandal|trial|guerre|bataille|élection|attentat|crise|guerra|batalla|elección|elecciones|atentado|eleição|krieg|schlacht|wahl|anschlag|guerra|elezioni|oorlog|verkiezingen)\b/i,
  ],
  [
    'organisation',
    /\b(company|corporation|conglomerate|manufacturer|firm|business|bank|airline|retailer|brand|party|organisation|organization|agency|authority|ministry|department|council|parliament|assembly|congress|senate|court|university|college|school|institute|foundation|charity|association|federation|union|league|club|team|newspaper|magazine|broadcaster|channel|network|news agency|publisher|think tank|group|militia|army|force|police|service|commission|committee|entreprise|société|parti|organisation|ministère|université|journal|quotidien|chaîne|club|équipe|empresa|partido|organización|ministerio|universidad|periódico|diario|equipo|organização|ministério|universidade|jornal|unternehmen|konzern|partei|organisation|ministerium|universität|zeitung|verein|azienda|partito|organizzazione|ministero|università|giornale|squadra|bedrijf|partij|organisatie|ministerie|universiteit|krant)\b/i,
  ],
];

/** The kind a page's description says, or `topic`. */
export function kindOfDescription(description: string): EntityKind {
  for (const [kind, words] of KIND_WORDS) if (words.test(description)) return kind;
  // Other occupations: "geneticist", "pianist", "statistician".
  if (/\b\p{L}+(?:ist|ician|ologue|ólogo|ologe)\b/iu.test(description)) return 'person';
  return 'topic';
}

/**
 * A title written as a concept's, not a name's: in scripts with capitals, a word after the first
 * in lower case that is no connector ("Prime minister", "Chief executive officer").
 */
export function isConceptTitle(title: string): boolean {
  if (!/\p{Lu}/u.test(title)) return false;
  const words = title.replace(/\s*\([^)]*\)\s*$/, '').split(/\s+/);
  return words
    .slice(1)
    .some(
      (word) =>
        /^\p{Ll}/u.test(word) &&
        !CONNECTORS.has(word.toLowerCase()) &&
        !/^\p{Ll}+-\p{Lu}/u.test(word),
    );
}

/** The page a look-up found for `name`, if it may be marked at all. */
export function acceptablePage(
  name: string,
  outcome: TitleOutcome | undefined,
  lang: string,
): FoundPage | null {
  if (outcome?.status !== 'found' || !outcome.wikidataId || !outcome.description) return null;
  if (NOT_A_THING.test(outcome.description)) return null;
  if (isConceptTitle(outcome.title)) return null;
  const kind = kindOfDescription(outcome.description);
  // One word is too easily a common noun, a first name or a brand: it must say what it names.
  if (!/\s/.test(name.trim()) && kind === 'topic') return null;
  return {
    title: outcome.title,
    description: outcome.description,
    qid: outcome.wikidataId,
    lang,
    kind,
  };
}

/**
 * Which of the pages a name may mean the page means: the name's own page, and the pages of longer
 * names found on the page that end with it ("Karikó" after "Katalin Karikó"), chosen by the
 * page's words; none on a tie.
 */
export function chooseDiscovered(
  name: string,
  own: FoundPage | null,
  longer: readonly FoundPage[],
  pageWords: ReadonlySet<string>,
  /** How often the page writes the name. */
  count = 1,
): FoundPage | null {
  const candidates: (FoundPage & PageCandidate)[] = [];
  for (const page of [...(own ? [own] : []), ...longer])
    if (!candidates.some((other) => other.qid === page.qid)) candidates.push(page);
  // A word alone ("Harry", "Lime", "Villarreal") is a guess unless the page's words agree with
  // its page, or the page keeps writing it; a person named in full on the page needs neither.
  const guess = !/\s/.test(name.trim()) && longer.length === 0 && count < 2;
  return choosePage(name, candidates, pageWords, { requireContext: guess }).chosen;
}

/**
 * Each name's page, chosen with the page's words from what the look-ups found (`outcomes`); names
 * whose page is not clear are left out. A lone word may mean a person the page names in full.
 */
export function choosePages(
  names: readonly NameToAsk[],
  outcomes: ReadonlyMap<string, TitleOutcome | undefined>,
  lang: string,
  pageWords: ReadonlySet<string>,
): Map<string, FoundPage> {
  const own = new Map<string, FoundPage | null>();
  for (const { name } of names) own.set(name, acceptablePage(name, outcomes.get(name), lang));
  const people = [...own].filter(
    (entry): entry is [string, FoundPage] => entry[1]?.kind === 'person' && /\s/.test(entry[0]),
  );
  const chosen = new Map<string, FoundPage>();
  for (const { name, words, count } of names) {
    const longer =
      words === 1
        ? people.filter(([full]) => full.endsWith(` ${name}`)).map(([, page]) => page)
        : [];
    const page = chooseDiscovered(name, own.get(name) ?? null, longer, pageWords, count);
    if (page) chosen.set(name, page);
  }
  return chosen;
}
