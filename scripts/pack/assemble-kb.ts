/**
 * Putting the Wikidata-derived knowledge base together with the hand-tuned part of the pack
 * (the breadth generators' countries, cities, leaders, parties… and the curated files):
 *
 * - which of the knowledge base's entities ship in the built-in pack ({@link selectBuiltIn}): all
 *   that any source but the wikilinker name list vouches for, and of the list's own the items
 *   Wikidata created from Wikipedia articles early on (ids below ten million), where the people
 *   and companies news names are; the rest go to the larger subscription;
 * - {@link mergeSlugNamesakes}: sources without ids name one thing twice ("Harvard University"
 *   from the university list and from WordNet): one entity;
 * - {@link withKnowledgeBase}: the tuned entities win their fields (names, descriptions, facts,
 *   guards), the knowledge base adds aliases, popularity and everything the tuned part lacks;
 *   knowledge-base people and organisations named exactly like a curated one are that one.
 *
 * Names shared by knowledge-base entities are not guarded here: they carry their popularity, and
 * the resolver takes the best known only by a clear margin (`utils/match/resolve.ts`).
 */
import { mergeEntity } from '../../utils/knowledge/merge';
import type { Entity } from '../../utils/knowledge/schema';
import { aliasText } from './breadth/aliases';
import { countryDemonyms } from './breadth/country-codes';
import { dropCuratedNamesakes } from './breadth/dedupe';
import { CURATED_SAME_AS } from './breadth/overrides';
import { foldText, wordRisk } from './breadth/words';
import { isNotAName } from './guards/not-names';

/** Items of the wikilinker list alone ship in the built-in pack below this Wikidata number. */
export const EARLY_ITEM = 10_000_000;
/** The built-in pack's share of the knowledge base: the best known, up to this many. */
export const BUILT_IN_KNOWLEDGE = 250_000;
/** Names in these languages are always kept; the Arabic edition and the six. */
const NAME_LANGUAGES = new Set(['en', 'ar', 'fr', 'es', 'pt', 'de']);
/** Other languages' names are kept for entities at least this well known (≈ 20 Wikipedias). */
const WIDELY_KNOWN = 20;

/** The wikilinker name list's source title, as its adapter writes it. */
const WIKILINKER = /^wikilinker/;

/** Does an entity come from the wikilinker name list and nothing else (Wikidata's own link aside)? */
export function onlyFromNameList(entity: Entity): boolean {
  const titles = entity.sources
    .map((source) => source.title)
    .filter((title) => !title.startsWith('Wikidata '));
  return titles.length > 0 && titles.every((title) => WIKILINKER.test(title));
}

/**
 * The knowledge base's entities that ship in the built-in pack: of those any source but the name
 * list vouches for, and the name list's early items, the best known up to `limit` (ties: the
 * older item first). The rest are the larger subscription's.
 */
export function selectBuiltIn(entities: readonly Entity[], limit = BUILT_IN_KNOWLEDGE): Entity[] {
  const number = (entity: Entity) =>
    /^Q\d+$/.test(entity.id) ? Number(entity.id.slice(1)) : Number.MAX_SAFE_INTEGER;
  return entities
    .filter((entity) => !onlyFromNameList(entity) || number(entity) < EARLY_ITEM)
    .sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0) || number(a) - number(b))
    .slice(0, limit);
}

/**
 * Names in the six languages the pack is read in (en, ar, fr, es, pt, de) for every entity; in
 * other languages only for the widely known: a village's name in eleven scripts costs the
 * matcher more than it gives a reader. Changes the entities given.
 */
export function trimNames(entities: Entity[]): Entity[] {
  for (const entity of entities) {
    if ((entity.popularity ?? 0) >= WIDELY_KNOWN) continue;
    for (const language of Object.keys(entity.aliases))
      if (!NAME_LANGUAGES.has(language)) delete entity.aliases[language];
    if (entity.translations)
      for (const language of Object.keys(entity.translations))
        if (!NAME_LANGUAGES.has(language)) delete entity.translations[language];
  }
  return entities;
}

/** Words that name a kind of natural feature or structure at the end of an English place name. */
const FEATURE =
  /\s(River|Lake|Sea|Gulf|Bay|Strait|Valley|Desert|Mountains?|Island|Islands|Canal|Dam|Basin)$/;

/**
 * Is `alias` a feature named after the place rather than the place ("Jordan River" given to the
 * country by a source)? The place's own name ending in the same word ("Red Sea") is not.
 */
function anotherFeature(name: string, alias: string): boolean {
  const feature = FEATURE.exec(alias)?.[1];
  return feature !== undefined && !name.endsWith(feature);
}

/** Works (albums, films, games) must be this well known (≈ 30 Wikipedias) to ship. */
const KNOWN_WORK = 30;

/**
 * Latin letters and not one capital ("restore:", "the 1975", "e.on"): a brand's or a work's
 * styling of a word, which a page writes in lower case only as that word.
 */
function lowerCaseLatin(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && text === text.toLowerCase();
}

/**
 * Knowledge-base entities as a reader should meet them: no concepts ("crime film": a topic with
 * no capital in its name), no obscure works (their titles are everyday phrases and people's
 * names: the album "Taylor Swift"), and no names that name nothing a card could explain
 * ({@link isNotAName}) or, in Latin script, no capital at all ("website"). An entity left without
 * a name is dropped.
 */
export function cleanKnowledge(entities: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  for (const entity of entities) {
    if (entity.kind === 'topic' && (entity.popularity ?? 0) < KNOWN_WORK) continue;
    // A self-titled work ("Taylor Swift", album by Taylor Swift) is not what its name names.
    if (entity.kind === 'topic' && entity.description?.endsWith(` ${entity.name}`)) continue;
    if (lowerCaseLatin(entity.name)) continue;
    // A work's title without its article is a word of the language ("The Martian", "The
    // Mission"): "Martian soil" and "at the Mission" are no film.
    const bare = entity.kind === 'topic' && /^The /.test(entity.name) ? entity.name.slice(4) : null;
    const keep = (text: string) =>
      text !== bare &&
      // A work named by one everyday word ("Help!", "Watchlist") is that word on a page's menu.
      !(entity.kind === 'topic' && wordRisk(text.replace(/[!?.…]+$/u, '')) === 'common-word') &&
      !isNotAName(text) &&
      !lowerCaseLatin(text) &&
      !(entity.kind === 'place' && anotherFeature(entity.name, text));
    if (!keep(entity.name)) continue;
    const aliases: Entity['aliases'] = {};
    for (const [language, list] of Object.entries(entity.aliases)) {
      const kept = list.filter((alias) => keep(aliasText(alias)));
      if (kept.length > 0) aliases[language] = kept;
    }
    out.push({ ...entity, aliases });
  }
  return out;
}

/**
 * One entity per name among `bs:` entities (sources without ids): the first keeps its id and
 * kind, unless a later one's source knows the kind better (anything over WordNet's guess).
 */
export function mergeSlugNamesakes(entities: readonly Entity[]): Entity[] {
  const byName = new Map<string, number>();
  const out: Entity[] = [];
  for (const entity of entities) {
    if (!entity.id.startsWith('bs:')) {
      out.push(entity);
      continue;
    }
    const key = foldText(entity.name);
    const at = byName.get(key);
    if (at === undefined) {
      byName.set(key, out.length);
      out.push(entity);
      continue;
    }
    const earlier = out[at] as Entity;
    const kindFrom = fromWordNet(earlier) && !fromWordNet(entity) ? entity : earlier;
    const merged = mergeEntity(earlier, entity);
    out[at] = {
      ...merged,
      id: earlier.id,
      kind: kindFrom.kind,
      description: kindFrom.description,
      sources: [...earlier.sources, ...entity.sources].slice(0, 20),
      popularity: Math.max(earlier.popularity ?? 0, entity.popularity ?? 0),
    };
  }
  return out;
}

function fromWordNet(entity: Entity): boolean {
  return entity.id.startsWith('bs:wn-');
}

/**
 * A tuned entity's popularity on the knowledge base's scale, estimated from the
 * priority the pack's authors gave it: countries (6 and up) about 300, capitals (4) 150, larger
 * cities 40–80, a curated entry without a priority 60. Namesakes from the knowledge base are then
 * weighed on one scale with the tuned ones.
 */
export function estimatedPopularity(entity: Entity, curated: boolean): number {
  const priority = entity.hints?.priority;
  if (priority === undefined) return curated ? 60 : 10;
  if (priority >= 6) return 300;
  return ([10, 20, 40, 80, 150, 220] as const)[Math.max(0, priority)] ?? 3;
}

/**
 * A merged entity's aliases less those `owner` gives to another entity (the entity's own tuned
 * aliases stay whatever the map says).
 */
function withoutOthersNames(
  entity: Entity,
  aliases: Entity['aliases'],
  owner: ReadonlyMap<string, string>,
): Entity['aliases'] {
  const own = new Set(
    Object.values(entity.aliases)
      .flat()
      .map((alias) => foldText(aliasText(alias))),
  );
  const out: Entity['aliases'] = {};
  for (const [language, list] of Object.entries(aliases)) {
    const kept = list.filter((alias) => {
      const folded = foldText(aliasText(alias));
      const found = owner.get(folded);
      return own.has(folded) || found === undefined || found === entity.id;
    });
    if (kept.length > 0) out[language] = kept;
  }
  return out;
}

/** Drop an entity's relations to entities that `known` does not hold (in place). */
export function dropDanglingRelated(entity: Entity, known: (id: string) => boolean): void {
  if (!entity.related) return;
  const related = entity.related.filter(known);
  if (related.length > 0) entity.related = related;
  else delete entity.related;
}

/**
 * The generated cities the id table could not name ("Köln" is Wikidata's "Cologne", the table
 * matched English names only) take the knowledge base's id for the same place, so that one city
 * is one entity: two records split its marks, its card and the evaluation's judgement. The place
 * is the base's only one of that name (or alias) in the city's country, or, when the base gives
 * no country, its only one of that name at all. Anything less certain stays apart.
 */
export function linkGeneratedCities(
  tuned: readonly Entity[],
  knowledge: readonly Entity[],
): Entity[] {
  const taken = new Set(tuned.map((entity) => entity.id));
  const byName = new Map<string, Entity[]>();
  const byAlias = new Map<string, Entity[]>();
  const add = (map: Map<string, Entity[]>, key: string, entity: Entity) => {
    const list = map.get(key) ?? [];
    if (!list.includes(entity)) list.push(entity);
    map.set(key, list);
  };
  for (const entity of knowledge) {
    if (entity.kind !== 'place') continue;
    add(byName, foldText(entity.name), entity);
    for (const alias of Object.values(entity.aliases).flat())
      add(byAlias, foldText(aliasText(alias)), entity);
  }
  const pick = (city: Entity, found: readonly Entity[]): Entity | undefined => {
    // A place already taken (Kursk Oblast, a region of the tuned part) is not the city.
    const same = found.filter((place) => place.country === city.country && !taken.has(place.id));
    if (same.length > 0) return same.length === 1 ? same[0] : undefined;
    // The one place of that name, unless the sources describe it as a city elsewhere ("Kochi",
    // "City in Kerala, India", is not the Japanese city).
    const only = found.length === 1 ? found[0] : undefined;
    if (only && only.country === undefined && !describesCityElsewhere(only.description, city))
      return only;
    // Places without a country ("Sydney", "Kursk": the sources give a description only): the one
    // city whose description names the city's country, and its region when the city has one.
    const described = found.filter(
      (place) =>
        place.country === undefined &&
        !taken.has(place.id) &&
        describesCityIn(place.description, city),
    );
    return described.length === 1 ? described[0] : undefined;
  };
  return tuned.map((city) => {
    if (!city.id.startsWith('bs:city-') || !city.country) return city;
    const key = foldText(city.name);
    const byItsName = byName.get(key) ?? [];
    const place = byItsName.length > 0 ? pick(city, byItsName) : pick(city, byAlias.get(key) ?? []);
    if (!place || taken.has(place.id)) return city;
    taken.add(place.id);
    return { ...city, id: place.id };
  });
}

/** A generated city's description: "City in Ohio, the United States", "City in Russia" (region, country). */
const CITY_IN = /^City in (?:(.+), )?(?:the )?(.+)$/;
/** A description of a city, town or capital. */
const CITY_WORD = /\b(?:city|capital|town|metropolis)\b/i;

/**
 * Whether a place's description ("Capital city of New South Wales, Australia") says it is a
 * city in the generated city's country, and in its region when the city names one.
 */
function describesCityIn(description: string, city: Entity): boolean {
  const [, region, country] = CITY_IN.exec(city.description) ?? [];
  if (!country || !CITY_WORD.test(description)) return false;
  const names = (text: string) =>
    new RegExp(
      `(?:^|[^\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}])`,
      'u',
    ).test(description);
  const inCountry =
    names(country) || (city.country ? countryDemonyms(city.country).some(names) : false);
  return inCountry && (!region || names(region));
}

/**
 * Whether a place's description says it is a city somewhere named ("City in Kerala, India"), but
 * not in the generated city's country. A bare "city" says nothing either way.
 */
function describesCityElsewhere(description: string, city: Entity): boolean {
  return (
    CITY_IN.test(city.description) &&
    CITY_WORD.test(description) &&
    /\s\p{Lu}/u.test(description) &&
    !describesCityIn(description, city)
  );
}

/**
 * The tuned entities (breadth and curated, already assembled) with the knowledge base's: the
 * tuned record wins each field it has; aliases are united; the popularity is the highest of
 * the knowledge base's, the tuned record's and the estimate from its priority. Sorted by id.
 */
export function withKnowledgeBase(
  tuned: readonly Entity[],
  knowledge: readonly Entity[],
  curated: readonly Entity[],
): Entity[] {
  const byId = new Map<string, Entity>();
  const curatedIds = new Set(curated.map((entity) => entity.id));
  const linked = linkGeneratedCities(tuned, knowledge);
  // Whose a name is: every name of a curated entity, and the name of a country or capital of the
  // tuned part. The knowledge base does not give it to another tuned entity ("Idlib" is the
  // city's, the governorate is "Idlib province"; "Brasília" is no alias of Brazil).
  const owner = new Map<string, string>();
  for (const entity of linked)
    if (entity.kind === 'place' && (entity.hints?.priority ?? 0) >= 4)
      owner.set(foldText(entity.name), entity.id);
  for (const entity of curated)
    for (const alias of Object.values(entity.aliases).flat())
      owner.set(foldText(aliasText(alias)), entity.id);
  for (const entity of dropCuratedNamesakes([...knowledge], [...curated], CURATED_SAME_AS))
    byId.set(entity.id, entity);
  for (const entity of linked) {
    const known = byId.get(entity.id);
    byId.set(
      entity.id,
      known
        ? {
            ...known,
            ...entity,
            // The tuned aliases first, with their guards; the knowledge base's others after.
            aliases: withoutOthersNames(entity, mergeEntity(entity, known).aliases, owner),
            // The tuned record's sources first: they say where its facts come from.
            sources: [...entity.sources, ...known.sources].slice(0, 20),
          }
        : entity,
    );
    // The highest of the knowledge base's figure, the tuned record's own and the estimate from
    // its priority: the sources give many famous items no count at all (Paris had only its
    // identifier's age, 20, and lost to a small town with page views).
    const merged = byId.get(entity.id) as Entity;
    merged.popularity = Math.max(
      known?.popularity ?? 0,
      entity.popularity ?? 0,
      estimatedPopularity(merged, curatedIds.has(entity.id)),
    );
  }
  // A relation to an entity left for the larger subscription is dropped (the curated files' own
  // relations are checked, not dropped: a dead one there is a mistake to fix).
  for (const entity of byId.values()) {
    if (!curatedIds.has(entity.id)) dropDanglingRelated(entity, (id) => byId.has(id));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
