import type { RawMatch } from './matcher';
import { CandidateFlag, KIND_CODES, type MatcherData, PlaceRole } from './matcher-data';
import { tailOfLinkedName } from './surface';
import { tokenize } from './tokenize';

/**
 * How well known (popularity code; 180 ≈ 60 Wikipedias) an entity must be for a short acronym to
 * name it with nothing else on the page: "EU" and "UN" do, "PM" and "FG" (small parties) do not.
 */
const ACRONYM_POPULARITY = 180;
/** Acronyms of at most this many letters are weak evidence on their own. */
const SHORT_ACRONYM = 3;
/** One short word all in capitals ("TOI", "AA"): read as an acronym. */
const SHORT_WORD_IN_CAPITALS = new RegExp(`^\\p{Lu}{2,${SHORT_ACRONYM}}$`, 'u');
/** How well known (≈ 30 Wikipedias) an entity named by an everyday word must be to be marked by it alone. */
export const EVERYDAY_POPULARITY = 150;
/** Well known enough (≈ 100 Wikipedias: "China", "Trump") to be named even at a sentence's start. */
const WELL_KNOWN = 200;
/** Below this popularity code (≈ 9 Wikipedias) a minor place needs its context on the page. */
export const OBSCURE_POPULARITY = 100;
/** Places below this priority (the pack's smaller cities) need their country on a foreign page. */
const MINOR_PLACE_PRIORITY = 2;
const PERSON = KIND_CODES.indexOf('person');

/**
 * What a candidate's own name and entity allow, whatever else the page says: its capitals, its
 * dates against the article's, how much a short or everyday name says alone, and how minor a
 * place it is. Reads the pack's arrays only; the page's state lives in `PageEvidence`.
 */
export class CandidateRules {
  constructor(
    private readonly data: MatcherData,
    /** The article's day (`dayNumber` of its date), 0 when unknown. */
    private readonly articleDay: number,
  ) {}

  /** Could the article have named this candidate's entity, given when it was written? */
  dateAllows(candidate: number): boolean {
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

  /**
   * Does this candidate's name say too little on its own: a short acronym (three capitals or
   * fewer) of a little-known entity ("PM" is a time of day far more often than Peru's Purple
   * Party), or an everyday word of some language at the start of a sentence (where a capital
   * proves nothing, unless the entity is very well known) or naming a little-known entity
   * ("Todos", "Centro")? An entity of unknown popularity (a curated one) is taken at its pack's
   * word, but for the sentence start.
   */
  weakAlone(text: string, raw: RawMatch, candidate: number, atSentenceStart: boolean): boolean {
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
  isCurrent(entity: number): boolean {
    const day = this.articleDay;
    if (day === 0) return false;
    const start = this.data.entityStart[entity] ?? 0;
    const end = this.data.entityEnd[entity] ?? 0;
    return start !== 0 && start <= day && (end === 0 || day <= end);
  }

  /** A smaller city: not a capital, and not among the pack's bigger cities. */
  isMinorPlace(entity: number): boolean {
    const role = this.data.entityRole[entity] as number;
    return (
      (role & PlaceRole.Settlement) !== 0 &&
      (role & PlaceRole.Capital) === 0 &&
      (this.data.entityPriority[entity] as number) < MINOR_PLACE_PRIORITY
    );
  }

  /**
   * A minor place hardly anyone writes about (a village with a handful of Wikipedias): named
   * without its country or region on the page, the name is more likely someone's surname or a
   * word than the place ("Victoria Ashdown" is no town in Arkansas).
   */
  isObscurePlace(entity: number): boolean {
    const popularity = this.data.entityPopularity[entity] as number;
    return popularity !== 0 && popularity < OBSCURE_POPULARITY && this.isMinorPlace(entity);
  }

  /**
   * Does the match keep the capitals its alias asks for? Case-sensitive aliases word by word;
   * acronyms in capitals ("Nato" and "Unesco" too: four letters or more may be written as a
   * word); a proper name with at least one capital, but not a short word written all in
   * capitals: "TOI" and "AA" are acronyms, not the village Toi or the river Aa.
   */
  caseMatches(text: string, raw: RawMatch, candidate: number): boolean {
    const flags = this.data.candFlags[candidate] as number;
    const pattern = this.data.candCase.at(candidate) ?? '';
    const written = text.slice(raw.start, raw.end);
    if (
      flags & CandidateFlag.Proper &&
      written === written.toLowerCase() &&
      written !== written.toUpperCase()
    )
      return false;
    if (
      raw.end - raw.start <= SHORT_ACRONYM &&
      !(flags & CandidateFlag.Acronym) &&
      !/[UA]/.test(pattern) &&
      SHORT_WORD_IN_CAPITALS.test(written)
    )
      return false;
    if (!pattern) return true;
    const words = tokenize(written);
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

/** Is the character at `i` a letter of a script with capitals (where a sentence start means something)? */
export function cased(text: string, i: number): boolean {
  const char = text.charAt(i);
  return char.toLowerCase() !== char.toUpperCase();
}
