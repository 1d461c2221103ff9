import type { Alias, Entity, EntityKind } from '../knowledge/schema';
import { inflectionsOf } from './inflect';
import { CandidateFlag } from './matcher-data';
import { foldedText, isWordAt, type Token, tokenize } from './tokenize';

/** The entity's aliases, plus its display name unless an alias already spells it (with its rules). */
export function aliasesOf(
  entity: Entity,
): { text: string; rules: Exclude<Alias, string> | null; language: string }[] {
  const out: { text: string; rules: Exclude<Alias, string> | null; language: string }[] = [];
  for (const [language, list] of Object.entries(entity.aliases)) {
    for (const alias of list) {
      out.push(
        typeof alias === 'string'
          ? { text: alias, rules: null, language }
          : { text: alias.text, rules: alias, language },
      );
    }
  }
  const nameKey = foldedText(entity.name);
  if (!out.some((alias) => foldedText(alias.text) === nameKey))
    out.unshift({ text: entity.name, rules: null, language: 'en' });
  return out;
}

/** Capitals that are letters of a cased script (Latin, Greek, Cyrillic…). */
const CAPITAL = /\p{Lu}/u;
/** A year in a name: "2018 offensive", "Paris 2024", "Euro 2024". */
const YEAR_IN_NAME = /(?:^|\D)(?:1[5-9]|20)\d\d(?:\D|$)/;

/**
 * Rules an alias carries by the way it is written, unless its entity or the alias says otherwise:
 * an alias written with capitals is a proper name (a mention needs a capital too: "gana" is not
 * Ghana, "sudan-sanctions.html" is not Sudan); a word written in capitals is an acronym, kept in
 * capitals on the page ("WHO", not "who"); a year in the alias dates it.
 */
export function implicitFlags(
  variant: string,
  tokens: Token[],
  rules: Exclude<Alias, string> | null,
  entity: Entity,
): number {
  let flags = YEAR_IN_NAME.test(variant) ? CandidateFlag.Year : 0;
  const caseRule = rules?.caseSensitive ?? entity.hints?.caseSensitive;
  if (caseRule !== undefined) return flags;
  if (CAPITAL.test(variant)) flags |= CandidateFlag.Proper;
  if (tokens.some((token) => isAcronym(variant.slice(token.start, token.end))))
    flags |= CandidateFlag.Acronym;
  return flags;
}

/** A word written in capitals, two letters or more ("WHO", "SANA"): an acronym. */
export function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

function acronymCaseOf(text: string, tokens: Token[]): string {
  return tokens
    .map((token) => (isAcronym(text.slice(token.start, token.end)) ? 'A' : '-'))
    .join('');
}

/**
 * The words of a person's full names (from every alias of two words or more), when the display
 * name has several words: a one-word alias among them is a first name or surname.
 */
export function personNameWords(entity: Entity): Set<string> {
  const words = new Set<string>();
  if (entity.kind !== 'person' || wordsOf(entity.name).length < 2) return words;
  for (const alias of aliasesOf(entity)) {
    const tokens = wordsOf(alias.text);
    if (tokens.length >= 2) for (const token of tokens) words.add(token.folded);
  }
  return words;
}

/** The rules an alias carries by its own settings or its entity's hints, as candidate flags. */
export function flagsOf(entity: Entity, alias: { rules: Exclude<Alias, string> | null }): number {
  const hints = entity.hints ?? {};
  const pick = (key: 'caseSensitive' | 'requireContext' | 'neverAlone') =>
    alias.rules?.[key] ?? hints[key] ?? false;
  return (
    (pick('caseSensitive') ? CandidateFlag.CaseSensitive : 0) |
    (pick('requireContext') ? CandidateFlag.RequireContext : 0) |
    (pick('neverAlone') ? CandidateFlag.NeverAlone : 0) |
    (alias.rules?.everyday ? CandidateFlag.Everyday : 0)
  );
}

/** Signs a name may rest on that the tokenizer does not keep (it reads them as breaks). */
const SIGNS = new Set([...'+#*@$%=~^|<>']);

/** One word and an exclamation or a question mark: "Friday!", "Movies!", "Oklahoma!". */
const EXCLAIMED_WORD = /^[\p{L}\p{N}]+[!?]+$/u;

/**
 * Does the tokenizer drop a sign this name rests on? "Google+" would read as Google, "C#" as the
 * letter C, "Notepad++" as Notepad, the channel "Friday!" as the day: such a name is better not
 * matched than matched as another. A hashtag's "#" says nothing ("#MeToo" is MeToo), nor does a
 * longer name's "!" ("For Ukraine!").
 */
export function losesSigns(text: string): boolean {
  if (EXCLAIMED_WORD.test(text.trim())) return true;
  for (let i = 0; i < text.length; i++) {
    const sign = text.charAt(i);
    if (!SIGNS.has(sign)) continue;
    if (sign === '#' && !isWordAt(text, i - 1) && isWordAt(text, i + 1)) continue;
    return true;
  }
  return false;
}

/** Arabic articles written with a hyphen ("al-Assad"): news spells names with and without them. */
const HYPHENATED_ARTICLE = /\b(?:al|el|as|ash|ad|ar|at|az|an|ath|adh|ul)[-‐‑]\s*/gi;

/**
 * The alias as written, without hyphenated articles when that still leaves two words, and, in
 * languages that inflect names, its inflected forms ("Ukrajina" → "na Ukrajině", "v Praze").
 */
export function variantsOf(text: string, language = 'en'): string[] {
  const withoutArticles = text.replace(HYPHENATED_ARTICLE, '');
  const variants = [text];
  if (withoutArticles !== text && wordsOf(withoutArticles).length >= 2)
    variants.push(withoutArticles);
  for (const form of inflectionsOf(text, language))
    if (!variants.includes(form)) variants.push(form);
  return variants;
}

/**
 * Words of an alias; a leading "the" is not part of any name as the matcher sees it, but for a
 * work's title (`keepThe`), whose "The" tells it from the word ("The Martian", "Martian soil").
 */
export function wordsOf(text: string, keepThe = false): Token[] {
  const tokens = tokenize(text);
  if (!keepThe && tokens.length > 1 && tokens[0]?.folded === 'the') tokens.shift();
  return tokens;
}

/**
 * Words a name may start with in lower case in running text ("the Hague", "de Gaulle",
 * "al-Assad"): a capital written there is no evidence either way.
 */
const LOWER_LEADS = new Set(
  'the a an al el la le les los las l der die das de du des da di del della van von bin ibn ben abu'.split(
    ' ',
  ),
);

/**
 * A proper name of several words whose first word is written with a capital keeps that capital on
 * the page: "for Ukraine" in a sentence is not the party "For Ukraine!", "new labour laws" not
 * "New Labour". Empty (no rule) for one word, which needs only some capital, and for a first
 * word that names often start with in lower case (but a work's "The").
 */
function leadCaseOf(text: string, tokens: Token[], kind: EntityKind): string {
  const first = tokens[0];
  if (tokens.length < 2 || !first) return '';
  const word = text.slice(first.start, first.end);
  const lead = word.toLowerCase();
  // A work's title keeps its capital "The", and every capital after it: "The Road" is the novel,
  // "The road from Daraa" at a sentence's start is a road ("the Mission" is a place of the story).
  if (kind === 'topic' && lead === 'the' && CAPITAL.test(word.charAt(0)))
    return caseOf(text, tokens).replaceAll('U', 'C');
  if (LOWER_LEADS.has(lead) || !CAPITAL.test(word.charAt(0))) return '';
  return `C${'-'.repeat(tokens.length - 1)}`;
}

function caseOf(text: string, tokens: Token[]): string {
  return tokens
    .map((token) => {
      const word = text.slice(token.start, token.end);
      if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) return 'U';
      const first = word.charAt(0);
      return first !== first.toLowerCase() ? 'C' : '-';
    })
    .join('');
}

/**
 * The case pattern a page's mention of this variant must keep (see `MatcherData.candCase`): word
 * by word for a case-sensitive alias, the acronyms' capitals for one with acronyms, the first
 * word's capital for a proper name of several words; empty when case proves nothing.
 */
export function casePatternOf(
  variant: string,
  tokens: Token[],
  flags: number,
  kind: EntityKind,
): string {
  if (flags & CandidateFlag.CaseSensitive) return caseOf(variant, tokens);
  if (flags & CandidateFlag.Acronym) return acronymCaseOf(variant, tokens);
  if (flags & CandidateFlag.Proper) return leadCaseOf(variant, tokens, kind);
  return '';
}
