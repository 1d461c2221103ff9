import { CandidateRules, cased, EVERYDAY_POPULARITY } from './candidate-rules';
import { isDateline, sentenceStart } from './capitals';
import type { RawMatch } from './matcher';
import { CandidateFlag, dayNumber, KIND_CODES, type MatcherData, PlaceRole } from './matcher-data';
import { type LocalContext, type MatchedSegment, PageEvidence } from './page-evidence';
import {
  type Choice,
  leftmostLongest,
  Ranking,
  type ResolvedMention,
  type SpanEvidence,
  sameAs,
  sameSpan,
} from './ranking';
import { afterThe, governmentAfter, namesArea, Surface, titleBefore } from './surface';

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

const SEGMENT_CONTEXT_WEIGHT = 100;
const PAGE_CONTEXT_WEIGHT = 10;
/**
 * An entity the page has already named clearly is the likely referent of a name it shares with
 * others ("Johnson" after "Boris Johnson"); more than page context, less than the block's own.
 */
const PRESENT_WEIGHT = 60;
/** A dateline names a city ("WASHINGTON (AP) —" is the city, not the state). */
const DATELINE_WEIGHT = 500;
/** How well known (≈ 15 Wikipedias) a person must be for "Mr."/"President" + surname to name them. */
const TITLE_POPULARITY = 120;
/** An event going on when the article was written beats its namesakes from other years, whatever their context. */
const CURRENT_EVENT_WEIGHT = 1000;
/** Waiting short names kept per page; a long live page should not hold on to text forever. */
const MAX_PENDING = 2000;
const EVENT = KIND_CODES.indexOf('event');
const PERSON = KIND_CODES.indexOf('person');
const ORGANISATION = KIND_CODES.indexOf('organisation');

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
 *   an organisation called by a place's name ("Stuttgart" for VfB Stuttgart) leaves the name to
 *   the place while it waits;
 * - a dateline ("WASHINGTON (AP) —") names a city;
 * - among namesakes: context in the block, then on the page, then the pack's priority, then the
 *   best known (the most common referent of a name);
 * - leftmost-longest: a longer name beats the shorter names inside it, even when the longer one
 *   is not marked itself.
 */
export class Resolver<K> {
  private readonly rules: CandidateRules;
  private readonly page: PageEvidence;
  private pending: ReleasedMention<K>[] = [];

  constructor(
    private readonly data: MatcherData,
    options: ResolverOptions = {},
  ) {
    this.rules = new CandidateRules(data, dayNumber(options.articleDate, false));
    this.page = new PageEvidence(data, this.rules);
  }

  /** Has the page clearly named this entity (by an alias that needs no help)? */
  isPresent(entity: number): boolean {
    this.page.flush();
    return this.page.has(entity);
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
    return this.page.observe(segment);
  }

  /** Choose the mentions of an observed segment, in text order; short names may wait (see {@link release}). */
  decide(segment: MatchedSegment<K>, local: LocalContext): ResolvedMention[] {
    this.page.flush();
    const { text, raws } = segment;
    const surfaces = local.surfaces ?? this.page.surfacesOf(segment);
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
            (this.page.orgTail[raw.group] === 1 &&
              ((this.data.entityRole[choice.entity] as number) & PlaceRole.Settlement) !== 0)),
      });
    });
    const kept: ResolvedMention[] = [];
    for (const span of leftmostLongest(spans)) {
      if (span.entity < 0) continue;
      const match = { start: span.start, end: span.end, entity: span.entity };
      if (!span.needsPresence) {
        kept.push(match);
        this.page.markPresent(span.entity);
      } else if (this.page.has(span.entity)) kept.push(match);
      else if (this.pending.length < MAX_PENDING) this.pending.push({ key: segment.key, match });
    }
    return kept;
  }

  /** Waiting short names whose entity has since been named in full: they can be painted now. */
  release(): ReleasedMention<K>[] {
    this.page.flush();
    const released: ReleasedMention<K>[] = [];
    const still: ReleasedMention<K>[] = [];
    for (const item of this.pending)
      (this.page.has(item.match.entity) ? released : still).push(item);
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
    const ranking = new Ranking((entity) => this.page.canon(entity));
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
      if (!this.rules.caseMatches(text, raw, c) || !this.rules.dateAllows(c)) continue;
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
      let { near, onPage } = lone ? { near: 0, onPage: 0 } : this.page.contextOf(entity, local);
      if (flags & CandidateFlag.RequireContext && near + onPage === 0) continue;
      if (this.page.isForeignMinorPlace(entity) || this.rules.isObscurePlace(entity)) {
        if (lone) ({ near, onPage } = this.page.contextOf(entity, local));
        if (near + onPage === 0) doubtful = true;
      }
      const popularity = entityPopularity[entity] as number;
      const present = this.page.has(entity);
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
        this.rules.weakAlone(text, raw, c, evidence.sentenceStart)
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
        (entityKinds[entity] === EVENT && this.rules.isCurrent(entity) ? CURRENT_EVENT_WEIGHT : 0) +
        (evidence.dateline && role & PlaceRole.Settlement ? DATELINE_WEIGHT : 0) +
        (present ? PRESENT_WEIGHT : 0) +
        (entityPriority[entity] as number);
      ranking.add({
        choice: { start: raw.start, end: raw.end, entity, needsPresence: waits || doubtful },
        basis,
        popularity,
        place: !waits && !doubtful && (role & (PlaceRole.Settlement | PlaceRole.Country)) !== 0,
        standsAside:
          (flags & CandidateFlag.NeverAlone) !== 0 &&
          !present &&
          entityKinds[entity] === ORGANISATION,
      });
    }
  }
}
