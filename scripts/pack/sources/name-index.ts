/**
 * Names of the items read so far, folded, for sources that have names but no ids (Phoenix's
 * actors): which items a name belongs to, and how other sources spell it with real capitals.
 */
import { isQid, type KbItem } from '../kb/item';
import { plainWords } from './build-item';

/** Fold a name for comparison: lower case, no accents, words only, no leading "the". */
export function foldName(name: string): string {
  return plainWords(name).replace(/^the /, '');
}

/** What one folded name stands for. */
export interface NameEntry {
  /** The first spelling seen that is not all capitals (or the first at all). */
  spelling: string;
  /** Items that carry the name, with their kind hint and the trust of the source that named them. */
  items: Map<KbItem['id'], { kind: KbItem['kindHint']; trust: number }>;
}

/** Folded name → spelling and items, over English and language-neutral (`mul`) names. */
export class NameIndex {
  readonly names = new Map<string, NameEntry>();

  /** Index the labels and aliases of these items, from a source trusted this far (1–3). */
  add(items: Iterable<KbItem>, trust: number): this {
    for (const item of items)
      for (const lang of ['en', 'mul'])
        for (const name of [item.labels[lang], ...(item.aliases[lang] ?? [])])
          if (name) this.addName(name, item.id, item.kindHint, trust);
    return this;
  }

  private addName(name: string, id: KbItem['id'], kind: KbItem['kindHint'], trust: number): void {
    const folded = foldName(name);
    if (!folded) return;
    let entry = this.names.get(folded);
    if (!entry) {
      entry = { spelling: name, items: new Map() };
      this.names.set(folded, entry);
    } else if (isAllCapitals(entry.spelling) && !isAllCapitals(name)) entry.spelling = name;
    const earlier = entry.items.get(id);
    entry.items.set(id, {
      kind: earlier?.kind ?? kind,
      trust: Math.max(trust, earlier?.trust ?? 0),
    });
  }

  /** How other sources spell a name, if any spells it with more than capitals. */
  spelling(name: string): string | undefined {
    const spelling = this.names.get(foldName(name))?.spelling;
    return spelling && !isAllCapitals(spelling) ? spelling : undefined;
  }

  /**
   * The item of a fitting kind this name belongs to: the only one, or the only one from the most
   * trusted source that names any (Wikidata ids first); undefined when none or several.
   */
  only(name: string, kind: KbItem['kindHint']): KbItem['id'] | undefined {
    const items = this.names.get(foldName(name))?.items;
    if (!items) return undefined;
    const fitting = [...items].filter(([, other]) => !kind || !other.kind || other.kind === kind);
    const trust = Math.max(...fitting.map(([, other]) => other.trust));
    const best = fitting.filter(([, other]) => other.trust === trust);
    // A Wikidata id over a slug a source made up for the same name (WordNet's "Kurt Waldheim").
    const withIds = best.filter(([id]) => isQid(id));
    const pick = withIds.length > 0 ? withIds : best;
    return pick.length === 1 ? pick[0]?.[0] : undefined;
  }

  /** The kinds of the items other than `id` that carry this name. */
  kindsElsewhere(name: string, id: string): Set<KbItem['kindHint']> {
    const items = this.names.get(foldName(name))?.items ?? new Map();
    return new Set([...items].filter(([other]) => other !== id).map(([, other]) => other.kind));
  }
}

/** Whether a name has letters and none of them is lower case ("NATO", "HAMID KARZAI"). */
export function isAllCapitals(name: string): boolean {
  return /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}
