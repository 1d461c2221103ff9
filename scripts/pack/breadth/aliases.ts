/**
 * Collecting an entity's aliases: one entry per folded text (the first language to name it wins),
 * with the guards a risky name needs.
 */
import type { Alias, AliasObject } from '../../../utils/knowledge/schema';
import { DENIED_ALIASES } from './overrides';
import { foldText, isLatin, type WordRisk, wordRisk } from './words';

export type AliasFlags = Omit<AliasObject, 'text'>;

/** Alias text of a plain or object alias. */
export function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}

/** Flags of an alias (empty for a plain string). */
export function aliasFlags(alias: Alias): AliasFlags {
  if (typeof alias === 'string') return {};
  const { text: _text, ...flags } = alias;
  return flags;
}

/** Build an alias from text and flags: a plain string when there are no flags. */
export function makeAlias(text: string, flags: AliasFlags): Alias {
  const set = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  return Object.keys(set).length === 0 ? text : { text, ...set };
}

/** "Saint Lucia" → ["St Lucia", "St. Lucia"]: the short forms news copy uses. */
export function saintVariants(text: string): string[] {
  if (!/\bSaint\b/.test(text)) return [];
  return [text.replace(/\bSaint\b/g, 'St'), text.replace(/\bSaint\b/g, 'St.')];
}

/** Drop a leading "The ": the matcher never counts it as part of a name. */
export function withoutArticle(text: string): string {
  return text.replace(/^the\s+/i, '');
}

interface Entry {
  lang: string;
  alias: Alias;
}

/** An entity's aliases being collected, deduplicated on their folded text. */
export class AliasCollector {
  private readonly entries = new Map<string, Entry>();

  /**
   * Add an alias unless one with the same folded text is already there. Denied, empty and
   * two-letter aliases (ISO codes, "AL") are skipped; flags given by the caller are kept.
   */
  add(lang: string, alias: Alias): void {
    const text = withoutArticle(aliasText(alias).trim());
    if (text.length === 0 || text.length > 120) return;
    const folded = foldText(text);
    if (folded.length < 2 || DENIED_ALIASES.has(folded)) return;
    // Two Latin letters are a code or a word ("AL", "IN"); two Chinese characters are a name.
    if (folded.length < 3 && isLatin(text) && !aliasFlags(alias).caseSensitive) return;
    if (this.entries.has(folded)) return;
    this.entries.set(folded, { lang, alias: makeAlias(text, aliasFlags(alias)) });
  }

  /**
   * Add a name in a language other than English. In Latin script, names that are English words
   * or first names ("Chili", French for Chile; "Maurice", French for Mauritius) and very short
   * names are skipped: they would fire on English pages.
   */
  addForeign(lang: string, text: string): void {
    const clean = withoutArticle(text.trim());
    if (isLatin(clean)) {
      if (foldText(clean).replace(/ /g, '').length <= 3) return;
      if (wordRisk(clean) !== undefined) return;
    }
    this.add(lang, clean);
  }

  has(text: string): boolean {
    return this.entries.has(foldText(withoutArticle(text)));
  }

  /** Change the flags of an alias already collected (by folded text); merges with its own. */
  guard(text: string, flags: AliasFlags): void {
    const folded = foldText(withoutArticle(text));
    const entry = this.entries.get(folded);
    if (!entry) return;
    entry.alias = makeAlias(aliasText(entry.alias), { ...flags, ...aliasFlags(entry.alias) });
  }

  /** Remove an alias (by folded text). */
  remove(text: string): void {
    this.entries.delete(foldText(withoutArticle(text)));
  }

  /** Folded text and entry of every alias, in insertion order. */
  list(): [string, Entry][] {
    return [...this.entries];
  }

  /** Aliases grouped by language, English first, each language's list in insertion order. */
  toRecord(): Record<string, Alias[]> {
    const record: Record<string, Alias[]> = {};
    for (const { lang, alias } of this.entries.values()) {
      const list = record[lang] ?? [];
      list.push(alias);
      record[lang] = list;
    }
    const ordered: Record<string, Alias[]> = {};
    for (const lang of Object.keys(record).sort((a, b) =>
      a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b),
    )) {
      ordered[lang] = record[lang] ?? [];
    }
    return ordered;
  }
}

/** Guard flags for a word risk: strict for words and first names, case only for rare words. */
export function flagsForRisk(risk: WordRisk | undefined): AliasFlags {
  if (risk === 'rare-word') return { caseSensitive: true };
  if (risk === 'common-word' || risk === 'first-name') {
    return { caseSensitive: true, requireContext: true };
  }
  return {};
}
