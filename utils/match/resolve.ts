import type { RawMatch } from './matcher';
import { CandidateFlag, dayNumber, KIND_CODES, type MatcherData, PlaceRole } from './matcher-data';
import {
  afterThe,
  governmentAfter,
  isCaseless,
  isDateline,
  namesArea,
  Surface,
  sentenceStart,
  surfaceOf,
  tailOfLinkedName,
  titleBefore,
} from './surface';
import { tokenize } from './tokenize';

/** A mention the resolver accepted: `text[start, end)` of a segment names entity `entity`. */
export interface ResolvedMention {
  start: number;
  end: number;
  entity: number;
}

/** A segment of page text (one block's inline text) with what the matcher found in it. */
export interface MatchedSegment<K> {
  /** Whatever the caller needs to find the segment again (its DOM text map). */
  key: K;
  text: string;
  raws: RawMatch[];
}

/** A mention accepted late: it waited (`neverAlone`) until its entity was named another way. */
export interface ReleasedMention<K> {
  key: K;
  match: ResolvedMention;
}

/** What the resolver may know about the page beyond its text. */
export interface ResolverOptions {
  /**
   * When the article was published, `YYYY-MM-DD` (or `YYYY-MM`): an entity that did not exist yet
   * is not chosen (a 2023 war in a 2014 article), and among namesakes the one current then wins.
   */
  articleDate?: string;
}

type Choice = ResolvedMention & { needsPresence: boolean };

/** What one segment holds, from {@link Resolver.observe}: the alias groups met and the entities clearly named. */
export interface LocalContext {
  groups: Set<number>;
  present: Set<number>;
  /** How each raw match sits in the text ({@link Surface}), by index in the segment's `raws`. */
  surfaces?: Uint8Array;
}

const SEGMENT_CONTEXT_WEIGHT = 100;
const PAGE_CONTEXT_WEIGHT = 10;
/**
 * Popularity (0–255) counts for at most 8 points: among namesakes the page says nothing about,
 * the best known is the usual referent, but a pack's priority and any context outweigh it.
 */
const POPULARITY_DIVISOR = 32;
/**
 * An entity the page has already named clearly is the likely referent of a name it shares with
 * others ("Johnson" after "Boris Johnson"); more than page context, less than the block's own.
 */
const PRESENT_WEIGHT = 60;
/** A dateline names a city ("WASHINGTON (AP) —" is the city, not the state). */
const DATELINE_WEIGHT = 500;
/**
 * How well known (popularity code; 180 ≈ 60 Wikipedias) an entity must be for a short acronym to
 * name it with nothing else on the page: "EU" and "UN" do, "PM" and "FG" (small parties) do not.
 */
const ACRONYM_POPULARITY = 180;
/** How well known (≈ 15 Wikipedias) a person must be for "Mr."/"President" + surname to name them. */
const TITLE_POPULARITY = 120;
/** Acronyms of at most this many letters are weak evidence on their own. */
const SHORT_ACRONYM = 3;
/** How well known (≈ 30 Wikipedias) an entity named by an everyday word must be to be marked by it alone. */
const EVERYDAY_POPULARITY = 150;
/** Well known enough (≈ 100 Wikipedias: "China", "Trump") to be named even at a sentence's start. */
const WELL_KNOWN = 200;
/** Below this popularity code (≈ 9 Wikipedias) a minor place needs its context on the page. */
export const OBSCURE_POPULARITY = 100;
/**
 * How much better known (in popularity code: 20 ≈ 1.6 times the Wikipedias) the most popular of
 * namesakes the page says nothing about must be to be taken as the usual referent.
 */
const POPULARITY_MARGIN = 20;
/** An event going on when the article was written beats its namesakes from other years, whatever their context. */
const CURRENT_EVENT_WEIGHT = 1000;
/** Waiting short names kept per page; a long live page should not hold on to text forever. */
const MAX_PENDING = 2000;
const EVENT = KIND_CODES.indexOf('event');
const PERSON = KIND_CODES.indexOf('person');
const ORGANISATION = KIND_CODES.indexOf('organisation');
/** Places below this priority (the pack's smaller cities) need their country on a foreign page. */
const MINOR_PLACE_PRIORITY = 2;

/**
 * Chooses, for each alias match, the entity it names — or none. Keeps page-wide state (context
 * words seen, entities clearly present) so that later text, arriving on a live page, is resolved
 * with everything seen before.
 *
 * Rules, in the order they apply (in doubt, no mark is better than a wrong one):
 * - nothing inside an address, an e-mail, a path or code;
 * - a name inside a longer capitalised name is not that name there ("The New York Times",
 *   "Ivanka Trump", "Bank of England"); guards act on the occurrence, not the whole page — but
 *   where the page names a club or company ending in a place ("Real Madrid"), that place's bare
 *   name waits for a clear mention of the place;
 * - case: a case-sensitive alias keeps its capitals, an acronym stays in capitals ("WHO", not
 *   "who"), a proper name has at least one capital ("gana" is not Ghana); in title-case or
 *   all-capitals text capitals prove nothing, so marks there wait for a clear mention;
 * - date: with the article's date, an entity that began later is not chosen unless the alias
 *   names its year, and an event going on then beats its namesakes;
 * - a `requireContext` alias needs one of its entity's context words or a related entity in the
 *   same block or on the page; among namesakes the one with more context wins, then priority;
 * - places: a city named as an area ("New York state") is not the city; a smaller city abroad
 *   whose country the page never names, on a page about other countries, waits for a clear
 *   mention (the Palermo of Buenos Aires is not Sicily's), as does "the Dnipro" (a river);
 * - `neverAlone` aliases, and a person's lone first name or surname, wait until the entity is
 *   named another way — a surname after a title ("Mr. Trump") or before "administration" names
 *   the best-known person of that name; a short acronym of a little-known entity waits too;
 * - a dateline ("WASHINGTON (AP) —") names a city;
 * - among namesakes: context in the block, then on the page, then the pack's priority, then the
 *   best known (the most common referent of a name);
 * - leftmost-longest: a longer name beats the shorter names inside it, even when the longer one
 *   is not marked itself.
 */
export class Resolver<K> {
  /** Alias groups (names and context words) met anywhere on the page. */
  private readonly pageGroups: Uint8Array;
  private readonly present: Uint8Array;
  /**
   * One-word alias groups the page uses as the last word of a known organisation's name ("Madrid"
   * in "Real Madrid", "Dortmund" in "Borussia Dortmund"): elsewhere on that page the bare word
   * more likely means the club than the city, so a place it names waits for a clear mention.
   */
  private readonly orgTail: Uint8Array;
  /** Countries named on the page, directly or through one of their places. */
  private readonly pageCountries: Uint8Array;
  private countriesOnPage = 0;
  /** Clear mentions observed but not yet counted as present (see {@link flushPresence}). */
  private presence: { entity: number; group: number }[] = [];
  private pending: ReleasedMention<K>[] = [];
  private readonly articleDay: number;

  constructor(
    private readonly data: MatcherData,
    options: ResolverOptions = {},
  ) {
    this.pageGroups = new Uint8Array(data.groupStart.length - 1);
    this.present = new Uint8Array(data.entityIds.length);
    this.pageCountries = new Uint8Array(data.entityIds.length);
    this.orgTail = new Uint8Array(data.groupStart.length - 1);
    this.articleDay = dayNumber(options.articleDate, false);
  }

  /** Has the page clearly named this entity (by an alias that needs no help)? */
  isPresent(entity: number): boolean {
    this.flushPresence();
    return this.present[this.canon(entity)] === 1;
  }

  /** The entity's index for page-wide state: one per id when several packs are matched together. */
  private canon(entity: number): number {
    return this.data.entityCanon ? (this.data.entityCanon[entity] as number) : entity;
  }

  /**
   * Resolve a batch of segments: the accepted mentions of each, in text order, and the waiting
   * mentions of earlier batches that this batch released. Same as {@link observe} on every
   * segment, then {@link decide} on every segment, then {@link release}.
   */
  resolve(segments: MatchedSegment<K>[]): {
    mentions: ResolvedMention[][];
    released: ReleasedMention<K>[];
  } {
    const local = segments.map((segment) => this.observe(segment));
    const mentions = segments.map((segment, s) => this.decide(segment, local[s] as LocalContext));
    return { mentions, released: this.release() };
  }

  /**
   * First look at a segment: count its context words and the entities it names clearly, page-wide.
   * Observe everything available before deciding, so early paragraphs benefit from later context.
   */
  observe(segment: MatchedSegment<K>): LocalContext {
    return this.collectContext(segment);
  }

  /** Choose the mentions of an observed segment, in text order; short names may wait (see {@link release}). */
  decide(segment: MatchedSegment<K>, local: LocalContext): ResolvedMention[] {
    this.flushPresence();
    const { text, raws } = segment;
    const surfaces = local.surfaces ?? this.surfacesOf(segment);
    // Every match takes part in leftmost-longest, chosen or not: the words of a longer name are
    // not marked on their own ("Gaza war" of 2014 is not Gaza City plus a war).
    const spans: (Choice & { raw: number })[] = [];
    raws.forEach((raw, r) => {
      // Several packs may match one span: the first of them chooses among all their candidates.
      if (r > 0 && sameSpan(raws, r - 1) && sameAs(raws[r - 1], raw)) return;
      const groups = [raw.group];
      for (let n = r + 1; n < raws.length && sameAs(raws[n], raw); n++)
        groups.push((raws[n] as RawMatch).group);
      const surface = surfaces[r] as Surface;
      // Guards act on this occurrence only: "Seattle" in "The Seattle Times" is not the city,
      // but the page's other "Seattle"s are.
      const blocked = surface >= Surface.NameTail;
      const choice = blocked ? null : this.choose(text, raw, local, groups);
      spans.push({
        raw: r,
        start: raw.start,
        end: raw.end,
        entity: choice ? choice.entity : -1,
        needsPresence:
          !!choice &&
          (choice.needsPresence ||
            surface === Surface.Doubtful ||
            (this.orgTail[raw.group] === 1 &&
              ((this.data.entityRole[choice.entity] as number) & PlaceRole.Settlement) !== 0)),
      });
    });
    const kept: ResolvedMention[] = [];
    for (const span of leftmostLongest(spans)) {
      if (span.entity < 0) continue;
      const match = { start: span.start, end: span.end, entity: span.entity };
      if (!span.needsPresence) {
        kept.push(match);
        this.markPresent(span.entity);
      } else if (this.present[this.canon(span.entity)] === 1) kept.push(match);
      else if (this.pending.length < MAX_PENDING) this.pending.push({ key: segment.key, match });
    }
    return kept;
  }

  /** Waiting short names whose entity has since been named in full: they can be painted now. */
  release(): ReleasedMention<K>[] {
    this.flushPresence();
    const released: ReleasedMention<K>[] = [];
    const still: ReleasedMention<K>[] = [];
    for (const item of this.pending)
      (this.present[this.canon(item.match.entity)] === 1 ? released : still).push(item);
    this.pending = still;
    return released;
  }

  /** Keys of the segments whose mentions still wait for their entity to be named in full. */
  waitingKeys(): Set<K> {
    return new Set(this.pending.map((item) => item.key));
  }

  /** Forget waiting mentions whose segments are gone (removed from the page). */
  dropPending(isGone: (key: K) => boolean): void {
    this.pending = this.pending.filter((item) => !isGone(item.key));
  }

  private surfacesOf(segment: MatchedSegment<K>): Uint8Array {
    // Whether the segment is a title-case headline is read only when a neighbour's capitals matter.
    let caseless: boolean | undefined;
    const isHeadline = () => {
      caseless ??= isCaseless(segment.text);
      return caseless;
    };
    return Uint8Array.from(segment.raws, (raw) =>
      surfaceOf(segment.text, raw.start, raw.end, isHeadline),
    );
  }

  /**
   * Note the groups a segment meets, how each match sits in its text, and the entities it names
   * clearly (one candidate, no hint but case, nothing doubtful around it), page-wide and for the
   * segment. Constant work per match, however many entities a word is a cue for: the cues are
   * read only when a choice needs them.
   */
  private collectContext(segment: MatchedSegment<K>): LocalContext {
    const { groupSingle, candEntity } = this.data;
    const surfaces = this.surfacesOf(segment);
    const local: LocalContext = { groups: new Set(), present: new Set(), surfaces };
    segment.raws.forEach((raw, r) => {
      local.groups.add(raw.group);
      this.pageGroups[raw.group] = 1;
      const surface = surfaces[r] as Surface;
      if (surface === Surface.NameTail && this.endsOrganisation(segment.raws, r))
        this.orgTail[raw.group] = 1;
      const single = sameSpan(segment.raws, r) ? -1 : (groupSingle[raw.group] as number);
      if (
        surface === Surface.Clear &&
        single >= 0 &&
        !this.weakAlone(segment.text, raw, single, sentenceStart(segment.text, raw.start)) &&
        this.caseMatches(segment.text, raw, single) &&
        this.dateAllows(single) &&
        !this.placeDoubt(segment.text, raw, candEntity[single] as number)
      ) {
        const entity = candEntity[single] as number;
        local.present.add(this.canon(entity));
        this.presence.push({ entity, group: raw.group });
      }
    });
    return local;
  }

  /** Does a longer match ending with match `r` name an organisation ("Real Madrid")? */
  private endsOrganisation(raws: readonly RawMatch[], r: number): boolean {
    const raw = raws[r] as RawMatch;
    const { groupStart, groupMentionEnd, candEntity, entityKinds } = this.data;
    for (const other of raws) {
      if (other.end !== raw.end || other.start >= raw.start) continue;
      for (
        let c = groupStart[other.group] as number;
        c < (groupMentionEnd[other.group] as number);
        c++
      )
        if (entityKinds[candEntity[c] as number] === ORGANISATION) return true;
    }
    return false;
  }

  /**
   * Count the clear mentions observed so far as present, except a place whose bare name the page
   * also uses for a club or company ("Madrid" beside "Real Madrid"): that is known only once the
   * whole batch has been observed. Smaller cities count last, and only when their country is on
   * the page by other means (an obscure one, when its context is): a city must not vouch for
   * itself.
   */
  private flushPresence(): void {
    if (this.presence.length === 0) return;
    const minor: number[] = [];
    for (const { entity, group } of this.presence) {
      if (
        this.orgTail[group] === 1 &&
        ((this.data.entityRole[entity] as number) & PlaceRole.Settlement) !== 0
      )
        continue;
      if (this.isMinorPlace(entity)) minor.push(entity);
      else this.markPresent(entity);
    }
    const none: LocalContext = { groups: new Set(), present: new Set() };
    for (const entity of minor) {
      const needsContext = this.isForeignMinorPlace(entity) || this.isObscurePlace(entity);
      if (!needsContext || this.contextOf(entity, none).onPage > 0) this.markPresent(entity);
    }
    this.presence = [];
  }

  /** Does the text make a city doubtful: named as an area, or as "the Dnipro" (a river)? */
  private placeDoubt(text: string, raw: RawMatch, entity: number): boolean {
    if (!((this.data.entityRole[entity] as number) & PlaceRole.Settlement)) return false;
    return namesArea(text, raw.start, raw.end) || afterThe(text, raw.start, raw.end);
  }

  private markPresent(entity: number): void {
    const self = this.canon(entity);
    if (this.present[self] === 1) return;
    this.present[self] = 1;
    const found = this.data.entityCountry[entity] ?? -1;
    const country = found >= 0 ? this.canon(found) : -1;
    if (country >= 0 && this.pageCountries[country] === 0) {
      this.pageCountries[country] = 1;
      this.countriesOnPage++;
    }
  }

  /** How much the segment, and the page, point to an entity: its context words and related entities met. */
  private contextOf(entity: number, local: LocalContext): { near: number; onPage: number } {
    const { contextStart, contextGroups, relatedStart, related } = this.data;
    let near = 0;
    let onPage = 0;
    for (let i = contextStart[entity] as number; i < (contextStart[entity + 1] as number); i++) {
      const group = contextGroups[i] as number;
      if (local.groups.has(group)) near++;
      if (this.pageGroups[group] === 1) onPage++;
    }
    for (let i = relatedStart[entity] as number; i < (relatedStart[entity + 1] as number); i++) {
      const other = this.canon(related[i] as number);
      if (local.present.has(other)) near++;
      if (this.present[other] === 1) onPage++;
    }
    return { near, onPage };
  }

  /** Could the article have named this candidate's entity, given when it was written? */
  private dateAllows(candidate: number): boolean {
    const day = this.articleDay;
    if (day === 0) return true;
    const entity = this.data.candEntity[candidate] as number;
    const start = this.data.entityStart[entity] ?? 0;
    if (start === 0 || day >= start) return true;
    // "The 2026 World Cup" can be named years before; a war or a person cannot.
    return (
      ((this.data.candFlags[candidate] as number) & CandidateFlag.Year) !== 0 &&
      this.data.entityKinds[entity] !== PERSON
    );
  }

  private choose(
    text: string,
    raw: RawMatch,
    local: LocalContext,
    groups: readonly number[],
  ): Choice | null {
    const evidence: SpanEvidence = {
      title: titleBefore(text, raw.start) || governmentAfter(text, raw.end),
      dateline: isDateline(text, raw.start, raw.end),
      sentenceStart: sentenceStart(text, raw.start),
    };
    const candidates = groups.reduce(
      (sum, group) =>
        sum +
        (this.data.groupMentionEnd[group] as number) -
        (this.data.groupStart[group] as number),
      0,
    );
    const ranking = new Ranking((entity) => this.canon(entity));
    for (const group of groups) this.rank(text, raw, local, group, candidates, evidence, ranking);
    return ranking.choice();
  }

  /** Score the candidates of one group; `candidates` counts every group's of the span. */
  private rank(
    text: string,
    raw: RawMatch,
    local: LocalContext,
    group: number,
    candidates: number,
    evidence: SpanEvidence,
    ranking: Ranking,
  ): void {
    const {
      groupStart,
      groupMentionEnd,
      candEntity,
      candFlags,
      entityPriority,
      entityKinds,
      entityPopularity,
    } = this.data;
    const from = groupStart[group] as number;
    const to = groupMentionEnd[group] as number;
    for (let c = from; c < to; c++) {
      const flags = candFlags[c] as number;
      if (!this.caseMatches(text, raw, c) || !this.dateAllows(c)) continue;
      const entity = candEntity[c] as number;
      let doubtful = false;
      const role = this.data.entityRole[entity] as number;
      // A dateline is a city's (or a country's) name: nothing else.
      if (evidence.dateline && !(role & (PlaceRole.Settlement | PlaceRole.Country))) continue;
      if (role & PlaceRole.Settlement && !evidence.dateline) {
        if (namesArea(text, raw.start, raw.end)) continue;
        if (afterThe(text, raw.start, raw.end)) doubtful = true;
      }
      // A lone candidate with no hint needs no context to be chosen.
      const lone = candidates === 1 && !(flags & CandidateFlag.RequireContext);
      let { near, onPage } = lone ? { near: 0, onPage: 0 } : this.contextOf(entity, local);
      if (flags & CandidateFlag.RequireContext && near + onPage === 0) continue;
      if (this.isForeignMinorPlace(entity) || this.isObscurePlace(entity)) {
        if (lone) ({ near, onPage } = this.contextOf(entity, local));
        if (near + onPage === 0) doubtful = true;
      }
      const popularity = entityPopularity[entity] as number;
      const present = this.present[this.canon(entity)] === 1;
      // A lone surname waits for the full name, unless a title stands before it ("Mr. Trump",
      // "President Obama") or it names a government ("the Obama administration"): then it is the
      // best-known person of that name.
      let waits = (flags & CandidateFlag.NeverAlone) !== 0;
      if (
        waits &&
        evidence.title &&
        entityKinds[entity] === PERSON &&
        (present || popularity >= TITLE_POPULARITY || (popularity === 0 && candidates === 1))
      )
        waits = false;
      // A name that says little on its own (a short acronym of a little-known entity, an
      // everyday word) is marked once the page names it in full or gives its context.
      // An everyday word needs its context in the same passage: a country elsewhere on the page
      // does not make "لا" (no) a village in Israel.
      if (
        near === 0 &&
        (onPage === 0 || (flags & CandidateFlag.Everyday) !== 0) &&
        this.weakAlone(text, raw, c, evidence.sentenceStart)
      )
        waits = true;
      // In a script without capitals an everyday word of a little-known entity ("لا", no; "مركز",
      // centre) has nothing to tell it from the word: only its full name elsewhere on the page.
      if (
        flags & CandidateFlag.Everyday &&
        !cased(text, raw.start) &&
        popularity !== 0 &&
        popularity < EVERYDAY_POPULARITY
      )
        waits = true;
      const basis =
        SEGMENT_CONTEXT_WEIGHT * Math.min(near, 9) +
        PAGE_CONTEXT_WEIGHT * Math.min(onPage, 9) +
        (entityKinds[entity] === EVENT && this.isCurrent(entity) ? CURRENT_EVENT_WEIGHT : 0) +
        (evidence.dateline && role & PlaceRole.Settlement ? DATELINE_WEIGHT : 0) +
        (present ? PRESENT_WEIGHT : 0) +
        (entityPriority[entity] as number);
      ranking.add({
        choice: { start: raw.start, end: raw.end, entity, needsPresence: waits || doubtful },
        basis,
        popularity,
      });
    }
  }

  /**
   * Does this candidate's name say too little on its own: a short acronym (three capitals or
   * fewer) of a little-known entity ("PM" is a time of day far more often than Peru's Purple
   * Party), or an everyday word of some language at the start of a sentence (where a capital
   * proves nothing, unless the entity is very well known) or naming a little-known entity
   * ("Todos", "Centro")? An entity of unknown popularity (a curated one) is taken at its pack's
   * word, but for the sentence start.
   */
  private weakAlone(
    text: string,
    raw: RawMatch,
    candidate: number,
    atSentenceStart: boolean,
  ): boolean {
    const flags = this.data.candFlags[candidate] as number;
    if (flags & CandidateFlag.Everyday) {
      if (tailOfLinkedName(text, raw.start)) return true;
      const popularity = this.popularityOf(candidate);
      if (atSentenceStart && popularity < WELL_KNOWN && cased(text, raw.start)) return true;
      if (popularity !== 0 && popularity < EVERYDAY_POPULARITY) return true;
    }
    return (flags & CandidateFlag.Acronym) !== 0 && this.weakAcronym(text, raw, candidate);
  }

  private popularityOf(candidate: number): number {
    return this.data.entityPopularity[this.data.candEntity[candidate] as number] ?? 0;
  }

  /**
   * Is this match a short acronym (three capitals or fewer) of a little-known entity? Such a name
   * says little on its own: "PM" is a time of day far more often than Peru's Purple Party. An
   * entity of unknown popularity (a curated one) is taken at its pack's word.
   */
  private weakAcronym(text: string, raw: RawMatch, candidate: number): boolean {
    const popularity = this.popularityOf(candidate);
    if (popularity === 0 || popularity >= ACRONYM_POPULARITY) return false;
    let letters = 0;
    for (let i = raw.start; i < raw.end; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x2e || code === 0x20) continue;
      if (++letters > SHORT_ACRONYM) return false;
    }
    return true;
  }

  /** Was the entity going on when the article was written? */
  private isCurrent(entity: number): boolean {
    const day = this.articleDay;
    if (day === 0) return false;
    const start = this.data.entityStart[entity] ?? 0;
    const end = this.data.entityEnd[entity] ?? 0;
    return start !== 0 && start <= day && (end === 0 || day <= end);
  }

  /** A smaller city: not a capital, and not among the pack's bigger cities. */
  private isMinorPlace(entity: number): boolean {
    const role = this.data.entityRole[entity] as number;
    return (
      (role & PlaceRole.Settlement) !== 0 &&
      (role & PlaceRole.Capital) === 0 &&
      (this.data.entityPriority[entity] as number) < MINOR_PLACE_PRIORITY
    );
  }

  /**
   * A smaller city in a country the page never names, on a page that names other countries:
   * more likely a namesake (a district, a club, a company) than the city.
   */
  private isForeignMinorPlace(entity: number): boolean {
    if (!this.isMinorPlace(entity)) return false;
    const country = this.data.entityCountry[entity] ?? -1;
    return (
      country >= 0 && this.countriesOnPage > 0 && this.pageCountries[this.canon(country)] === 0
    );
  }

  /**
   * A minor place hardly anyone writes about (a village with a handful of Wikipedias): named
   * without its country or region on the page, the name is more likely someone's surname or a
   * word than the place ("Victoria Ashdown" is no town in Arkansas).
   */
  private isObscurePlace(entity: number): boolean {
    const popularity = this.data.entityPopularity[entity] as number;
    return popularity !== 0 && popularity < OBSCURE_POPULARITY && this.isMinorPlace(entity);
  }

  /**
   * Does the match keep the capitals its alias asks for? Case-sensitive aliases word by word;
   * acronyms in capitals ("Nato" and "Unesco" too: four letters or more may be written as a
   * word); a proper name with at least one capital.
   */
  private caseMatches(text: string, raw: RawMatch, candidate: number): boolean {
    const flags = this.data.candFlags[candidate] as number;
    if (flags & CandidateFlag.Proper) {
      const written = text.slice(raw.start, raw.end);
      if (written === written.toLowerCase() && written !== written.toUpperCase()) return false;
    }
    const pattern = this.data.candCase.at(candidate) ?? '';
    if (!pattern) return true;
    const words = tokenize(text.slice(raw.start, raw.end));
    if (words.length !== pattern.length) return true;
    return words.every((word, i) => {
      const written = text.slice(raw.start + word.start, raw.start + word.end);
      const rule = pattern[i];
      if (rule === 'U') return written === written.toUpperCase();
      if (rule === 'C') return written.charAt(0) !== written.charAt(0).toLowerCase();
      if (rule === 'A')
        return (
          written === written.toUpperCase() ||
          (written.length >= 4 &&
            written.charAt(0) !== written.charAt(0).toLowerCase() &&
            written.slice(1) === written.slice(1).toLowerCase())
        );
      return true;
    });
  }
}

/** What the words around a match say, read once per span. */
interface SpanEvidence {
  /** A title before it or a government word after it: a surname names a person. */
  title: boolean;
  /** It is a dateline's place. */
  dateline: boolean;
  /** It starts a sentence, where a capital proves nothing. */
  sentenceStart: boolean;
}

/** A scored candidate: `basis` is everything but popularity. */
interface Scored {
  choice: Choice;
  basis: number;
  popularity: number;
}

/**
 * The best candidate of a span, and the best of the other entities: when nothing but popularity
 * tells them apart and neither is much better known, the name is in doubt and waits (a clear
 * mention of one of them elsewhere on the page settles it).
 */
class Ranking {
  private best: Scored | null = null;
  private second: Scored | null = null;

  constructor(private readonly canon: (entity: number) => number) {}

  add(candidate: Scored): void {
    const best = this.best;
    if (!best || score(candidate) > score(best)) {
      if (best && this.canon(best.choice.entity) !== this.canon(candidate.choice.entity))
        this.second = best;
      this.best = candidate;
    } else if (
      this.canon(best.choice.entity) !== this.canon(candidate.choice.entity) &&
      (!this.second || score(candidate) > score(this.second))
    )
      this.second = candidate;
  }

  choice(): Choice | null {
    const { best, second } = this;
    if (!best) return null;
    if (
      second &&
      best.basis === second.basis &&
      best.popularity - second.popularity < POPULARITY_MARGIN
    )
      return { ...best.choice, needsPresence: true };
    return best.choice;
  }
}

function score(candidate: Scored): number {
  return candidate.basis + candidate.popularity / POPULARITY_DIVISOR;
}

/** Is the character at `i` a letter of a script with capitals (where a sentence start means something)? */
function cased(text: string, i: number): boolean {
  const char = text.charAt(i);
  return char.toLowerCase() !== char.toUpperCase();
}

/** Do two matches cover the same text? */
function sameAs(a: RawMatch | undefined, b: RawMatch): boolean {
  return !!a && a.start === b.start && a.end === b.end;
}

/** Does another match (of another pack) cover exactly the text of match `r`? */
function sameSpan(raws: readonly RawMatch[], r: number): boolean {
  const raw = raws[r] as RawMatch;
  return sameAs(raws[r - 1], raw) || sameAs(raws[r + 1], raw);
}

/** Keep the leftmost match, the longest among those starting together; drop what overlaps it. */
export function leftmostLongest<T extends ResolvedMention>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let reach = -1;
  for (const match of sorted) {
    if (match.start >= reach) {
      kept.push(match);
      reach = match.end;
    }
  }
  return kept;
}
