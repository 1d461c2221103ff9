import type { CandidateRules } from './candidate-rules';
import { isCaseless, sentenceStart } from './capitals';
import type { RawMatch } from './matcher';
import { KIND_CODES, type MatcherData, PlaceRole } from './matcher-data';
import { sameSpan } from './ranking';
import { afterThe, namesArea, Surface, surfaceOf } from './surface';

const ORGANISATION = KIND_CODES.indexOf('organisation');

/** A segment of page text (one block's inline text) with what the matcher found in it. */
export interface MatchedSegment<K> {
  /** Whatever the caller needs to find the segment again (its DOM text map). */
  key: K;
  text: string;
  raws: RawMatch[];
}

/** What one segment holds, from `Resolver.observe`: the alias groups met and the entities clearly named. */
export interface LocalContext {
  groups: Set<number>;
  present: Set<number>;
  /** How each raw match sits in the text (`Surface`), by index in the segment's `raws`. */
  surfaces?: Uint8Array;
}

/**
 * What a page has said so far, for the resolver: the alias groups (names and context words) it
 * met, the entities it named clearly, the countries those are in, and the words it uses to end an
 * organisation's name. Every segment is observed here before the resolver decides its mentions;
 * grows as text arrives on a live page; one per page.
 */
export class PageEvidence {
  /** Alias groups (names and context words) met anywhere on the page. */
  readonly groups: Uint8Array;
  /**
   * One-word alias groups the page uses as the last word of a known organisation's name ("Madrid"
   * in "Real Madrid", "Dortmund" in "Borussia Dortmund"): elsewhere on that page the bare word
   * more likely means the club than the city, so a place it names waits for a clear mention.
   */
  readonly orgTail: Uint8Array;
  private readonly present: Uint8Array;
  /** Countries named on the page, directly or through one of their places. */
  private readonly countries: Uint8Array;
  private countriesNamed = 0;
  /** Clear mentions observed but not yet counted as present (see {@link flush}). */
  private presence: { entity: number; group: number }[] = [];

  constructor(
    private readonly data: MatcherData,
    private readonly rules: CandidateRules,
  ) {
    this.groups = new Uint8Array(data.groupStart.length - 1);
    this.orgTail = new Uint8Array(data.groupStart.length - 1);
    this.present = new Uint8Array(data.entityIds.length);
    this.countries = new Uint8Array(data.entityIds.length);
  }

  /** The entity's index for page-wide state: one per id when several packs are matched together. */
  canon(entity: number): number {
    return this.data.entityCanon ? (this.data.entityCanon[entity] as number) : entity;
  }

  /** Has the page named this entity clearly? */
  has(entity: number): boolean {
    return this.present[this.canon(entity)] === 1;
  }

  /** The page named this entity clearly: it, and its country, are on the page. */
  markPresent(entity: number): void {
    const self = this.canon(entity);
    if (this.present[self] === 1) return;
    this.present[self] = 1;
    const found = this.data.entityCountry[entity] ?? -1;
    const country = found >= 0 ? this.canon(found) : -1;
    if (country >= 0 && this.countries[country] === 0) {
      this.countries[country] = 1;
      this.countriesNamed++;
    }
  }

  /** How much the segment, and the page, point to an entity: its context words and related entities met. */
  contextOf(entity: number, local: LocalContext): { near: number; onPage: number } {
    const { contextStart, contextGroups, relatedStart, related } = this.data;
    let near = 0;
    let onPage = 0;
    for (let i = contextStart[entity] as number; i < (contextStart[entity + 1] as number); i++) {
      const group = contextGroups[i] as number;
      if (local.groups.has(group)) near++;
      if (this.groups[group] === 1) onPage++;
    }
    // A town's related country the page names through one of its places counts too (Daraa,
    // beside Jordan, on a page that names Amman), but not the town's own country: a page naming
    // Damascus does not vouch for every Syrian village.
    const town = ((this.data.entityRole[entity] as number) & PlaceRole.Settlement) !== 0;
    const own = this.data.entityCountry[entity] ?? -1;
    const ownCountry = own >= 0 ? this.canon(own) : -1;
    for (let i = relatedStart[entity] as number; i < (relatedStart[entity + 1] as number); i++) {
      const other = this.canon(related[i] as number);
      if (local.present.has(other)) near++;
      if (
        this.present[other] === 1 ||
        (town && other !== ownCountry && this.countries[other] === 1)
      )
        onPage++;
    }
    return { near, onPage };
  }

  /**
   * A smaller city in a country the page never names, on a page that names other countries:
   * more likely a namesake (a district, a club, a company) than the city.
   */
  isForeignMinorPlace(entity: number): boolean {
    if (!this.rules.isMinorPlace(entity)) return false;
    const country = this.data.entityCountry[entity] ?? -1;
    return country >= 0 && this.countriesNamed > 0 && this.countries[this.canon(country)] === 0;
  }

  /** How each match of a segment sits in its text ({@link Surface}). */
  surfacesOf(segment: MatchedSegment<unknown>): Uint8Array {
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
  observe(segment: MatchedSegment<unknown>): LocalContext {
    const { groupSingle, candEntity } = this.data;
    const surfaces = this.surfacesOf(segment);
    const local: LocalContext = { groups: new Set(), present: new Set(), surfaces };
    segment.raws.forEach((raw, r) => {
      local.groups.add(raw.group);
      this.groups[raw.group] = 1;
      const surface = surfaces[r] as Surface;
      if (surface === Surface.NameTail && this.endsOrganisation(segment.raws, r))
        this.orgTail[raw.group] = 1;
      const single = sameSpan(segment.raws, r) ? -1 : (groupSingle[raw.group] as number);
      if (
        surface === Surface.Clear &&
        single >= 0 &&
        !this.rules.weakAlone(segment.text, raw, single, sentenceStart(segment.text, raw.start)) &&
        this.rules.caseMatches(segment.text, raw, single) &&
        this.rules.dateAllows(single) &&
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
  flush(): void {
    if (this.presence.length === 0) return;
    const minor: number[] = [];
    for (const { entity, group } of this.presence) {
      if (
        this.orgTail[group] === 1 &&
        ((this.data.entityRole[entity] as number) & PlaceRole.Settlement) !== 0
      )
        continue;
      if (this.rules.isMinorPlace(entity)) minor.push(entity);
      else this.markPresent(entity);
    }
    const none: LocalContext = { groups: new Set(), present: new Set() };
    for (const entity of minor) {
      const needsContext = this.isForeignMinorPlace(entity) || this.rules.isObscurePlace(entity);
      if (!needsContext || this.contextOf(entity, none).onPage > 0) this.markPresent(entity);
    }
    this.presence = [];
  }

  /** Does the text make a city doubtful: named as an area, or as "the Dnipro" (a river)? */
  private placeDoubt(text: string, raw: RawMatch, entity: number): boolean {
    if (!((this.data.entityRole[entity] as number) & PlaceRole.Settlement)) return false;
    return namesArea(text, raw.start, raw.end) || afterThe(text, raw.start, raw.end);
  }
}
