/**
 * One item per id from many sources, then a check of the ids by name.
 *
 * Merging by id: labels of the more trusted source win (`trust.ts`), the other labels become
 * aliases; aliases, statements and sources are united; sitelinks and page views take the larger.
 *
 * Cross-checking ids by name: when sources of different trust give one name (folded) to different
 * Q-ids of the same kind, the less trusted claim of that name is dropped. Wikilinker (trust 1) is
 * known to hold wrong ids ("Donald Trump" → Q27947481 while the leaders data and Wikidata say
 * Q22686); after the check, its item keeps only the names no better source gives to another id,
 * and an item left without a name is dropped.
 *
 * Joining slugs: an item of a source without ids (`bs:…`) is joined onto a Q-id item when exactly
 * one item of a compatible kind carries one of its labels; otherwise it stays as it is.
 *
 * Memory: the items themselves, plus the names that sources below the top trust gave (one entry
 * per id and name: for wikilinker's 343,000 names, about 40 MB).
 */
import type { EntityKind } from '../../../utils/knowledge/schema';
import { foldText } from '../breadth/words';
import type { KbItem, KbStatement } from './item';
import { itemTrust, labelRank, type SourceRegistry } from './trust';

/** The highest trust (Wikidata's dump, curated entries): names from such sources are never dropped. */
const TOP_TRUST = 3;

/** How many decisions of each kind the report lists by name. */
const MAX_EXAMPLES = 20;

/** Every name of an item: labels and aliases, all languages. */
export function namesOf(item: KbItem): string[] {
  return [...Object.values(item.labels), ...Object.values(item.aliases).flat()];
}

function addAlias(item: KbItem, lang: string, text: string): void {
  if (item.labels[lang] === text) return;
  const list = item.aliases[lang] ?? [];
  item.aliases[lang] = list;
  if (!list.includes(text)) list.push(text);
}

function statementKey(statement: KbStatement): string {
  const { value, from = '', to = '', at = '', of = '' } = statement;
  return `${value}|${from}|${to}|${at}|${of}`;
}

function uniteClaims(target: KbItem, incoming: KbItem): void {
  for (const [property, statements] of Object.entries(incoming.claims)) {
    const list = target.claims[property] ?? [];
    target.claims[property] = list;
    const byKey = new Map(list.map((statement) => [statementKey(statement), statement]));
    for (const statement of statements) {
      const same = byKey.get(statementKey(statement));
      if (!same) {
        list.push(statement);
        byKey.set(statementKey(statement), statement);
      } else if (statement.rank === 'preferred') same.rank = 'preferred';
    }
  }
}

function larger(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/**
 * Merge `incoming` into `target` (same entity). With `incomingWins`, the incoming labels,
 * descriptions, point and Wikipedia titles replace the target's; the labels they replace become
 * aliases. The target is changed in place.
 */
export function mergeInto(target: KbItem, incoming: KbItem, incomingWins: boolean): void {
  for (const [lang, label] of Object.entries(incoming.labels)) {
    const current = target.labels[lang];
    if (current === undefined) target.labels[lang] = label;
    else if (current !== label) {
      if (incomingWins) {
        target.labels[lang] = label;
        addAlias(target, lang, current);
      } else addAlias(target, lang, label);
    }
  }
  for (const [lang, list] of Object.entries(incoming.aliases)) {
    for (const alias of list) addAlias(target, lang, alias);
  }
  for (const [lang, list] of Object.entries(target.aliases)) {
    const label = target.labels[lang];
    if (label !== undefined && list.includes(label)) {
      target.aliases[lang] = list.filter((alias) => alias !== label);
    }
  }
  for (const [lang, text] of Object.entries(incoming.descriptions)) {
    if (incomingWins || target.descriptions[lang] === undefined) target.descriptions[lang] = text;
  }
  uniteClaims(target, incoming);
  if (incoming.point && (incomingWins || !target.point)) target.point = incoming.point;
  const sitelinks = larger(target.sitelinks, incoming.sitelinks);
  if (sitelinks !== undefined) target.sitelinks = sitelinks;
  const pageViews = larger(target.pageViews, incoming.pageViews);
  if (pageViews !== undefined) target.pageViews = pageViews;
  if (incoming.wikipedia) {
    target.wikipedia = incomingWins
      ? { ...target.wikipedia, ...incoming.wikipedia }
      : { ...incoming.wikipedia, ...target.wikipedia };
  }
  if (incoming.kindHint && (incomingWins || !target.kindHint)) target.kindHint = incoming.kindHint;
  for (const source of incoming.sources) {
    if (!target.sources.includes(source)) target.sources.push(source);
  }
}

/** A copy of an item that shares nothing the merge changes. */
export function copyItem(item: KbItem): KbItem {
  const claims: KbItem['claims'] = {};
  for (const [property, list] of Object.entries(item.claims)) {
    claims[property] = list.map((statement) => ({ ...statement }));
  }
  const aliases: KbItem['aliases'] = {};
  for (const [lang, list] of Object.entries(item.aliases)) aliases[lang] = [...list];
  return {
    ...item,
    labels: { ...item.labels },
    aliases,
    descriptions: { ...item.descriptions },
    claims,
    sources: [...item.sources],
  };
}

/** Items by id, merged as they arrive; remembers which names only less trusted sources gave. */
export class ItemMerger {
  readonly items = new Map<string, KbItem>();
  /** id → folded name → the best trust of a source giving that name to that id, when below the top. */
  private readonly lowTrust = new Map<string, Map<string, number>>();
  readonly counts = { received: 0, merged: 0 };

  constructor(readonly registry: SourceRegistry) {}

  /**
   * Add one source's item: a new id is stored, a known one merged into. The merger changes the
   * items it holds, so it stores a copy unless told the item is its own (`owned`: the dump
   * reader's fresh items).
   */
  add(item: KbItem, owned = false): void {
    this.counts.received++;
    const existing = this.items.get(item.id);
    this.noteNames(item, existing);
    if (!existing) {
      this.items.set(item.id, owned ? item : copyItem(item));
      return;
    }
    this.counts.merged++;
    mergeInto(existing, item, labelRank(item, this.registry) > labelRank(existing, this.registry));
  }

  /** The trust behind a name of an item: a low-trust source's, or the top when a trusted one gave it. */
  nameTrust(id: string, folded: string): number {
    return this.lowTrust.get(id)?.get(folded) ?? TOP_TRUST;
  }

  /** Folded names that some less trusted source gave, by id. */
  lowTrustNames(): IterableIterator<[string, Map<string, number>]> {
    return this.lowTrust.entries();
  }

  /** Forget a name of an item (after the cross-check removed it). */
  forgetName(id: string, folded: string): void {
    this.lowTrust.get(id)?.delete(folded);
  }

  private noteNames(item: KbItem, existing: KbItem | undefined): void {
    const trust = itemTrust(item, this.registry);
    let low = this.lowTrust.get(item.id);
    // Most items come from trusted sources with nothing to confirm: fold no names for them.
    if (trust >= TOP_TRUST && !low) return;
    const names = new Set(namesOf(item).map(foldText));
    if (trust >= TOP_TRUST) {
      // A trusted source confirms these names for this id.
      for (const name of names) low?.delete(name);
      if (low?.size === 0) this.lowTrust.delete(item.id);
      return;
    }
    const known = existing ? new Set(namesOf(existing).map(foldText)) : undefined;
    for (const name of names) {
      const prior = low?.get(name);
      // Already there and not noted as low: a trusted source gave it first.
      if (prior === undefined && known?.has(name)) continue;
      low ??= new Map();
      low.set(name, Math.max(prior ?? 0, trust));
    }
    if (low && low.size > 0) this.lowTrust.set(item.id, low);
  }
}

/** What the cross-check did. */
export interface CrossCheckReport {
  /** Names given to more than one id of one kind by sources of different trust. */
  contestedNames: number;
  /** Names removed from the less trusted id. */
  claimsDropped: number;
  /** Items left without a name, dropped. */
  itemsDropped: number;
  examples: string[];
}

interface NameClaim {
  id: string;
  trust: number;
  kind: EntityKind | undefined;
}

/** Remove every label and alias of an item whose folded form is `folded`. */
function removeName(item: KbItem, folded: string): void {
  for (const [lang, label] of Object.entries(item.labels)) {
    if (foldText(label) === folded) delete item.labels[lang];
  }
  for (const [lang, list] of Object.entries(item.aliases)) {
    const kept = list.filter((alias) => foldText(alias) !== folded);
    if (kept.length > 0) item.aliases[lang] = kept;
    else delete item.aliases[lang];
  }
}

/** An item whose labels are gone but which keeps aliases takes one as its label (English first). */
function promoteAlias(item: KbItem): void {
  const lang = item.aliases.en?.length ? 'en' : Object.keys(item.aliases)[0];
  const list = lang ? item.aliases[lang] : undefined;
  if (!lang || !list?.[0]) return;
  item.labels[lang] = list[0];
  item.aliases[lang] = list.slice(1);
  if (item.aliases[lang]?.length === 0) delete item.aliases[lang];
}

function describeSources(item: KbItem): string {
  return item.sources.join(', ');
}

/**
 * Cross-check Q-ids by name (see the file's header). `kindOf` gives each item's kind (undefined:
 * unknown, never contested). Items are changed in place and nameless ones removed from the merger.
 */
export function crossCheckIds(
  merger: ItemMerger,
  kindOf: (item: KbItem) => EntityKind | undefined,
): CrossCheckReport {
  const report: CrossCheckReport = {
    contestedNames: 0,
    claimsDropped: 0,
    itemsDropped: 0,
    examples: [],
  };
  const claimsByName = new Map<string, NameClaim[]>();
  for (const [id, names] of merger.lowTrustNames()) {
    if (!id.startsWith('Q')) continue;
    for (const name of names.keys()) claimsByName.set(name, []);
  }
  for (const item of merger.items.values()) {
    if (!item.id.startsWith('Q')) continue;
    const kind = kindOf(item);
    for (const name of new Set(namesOf(item).map(foldText))) {
      claimsByName.get(name)?.push({ id: item.id, trust: merger.nameTrust(item.id, name), kind });
    }
  }
  const touched = new Set<string>();
  for (const [name, claims] of claimsByName) {
    if (claims.length < 2) continue;
    let contested = false;
    const byKind = new Map<EntityKind, NameClaim[]>();
    for (const claim of claims) {
      if (claim.kind) byKind.set(claim.kind, [...(byKind.get(claim.kind) ?? []), claim]);
    }
    for (const group of byKind.values()) {
      const best = Math.max(...group.map((claim) => claim.trust));
      const winner = group.find((claim) => claim.trust === best);
      for (const claim of group) {
        if (claim.trust >= best) continue;
        const item = merger.items.get(claim.id);
        if (!item) continue;
        contested = true;
        removeName(item, name);
        merger.forgetName(claim.id, name);
        touched.add(claim.id);
        report.claimsDropped++;
        if (report.examples.length < MAX_EXAMPLES) {
          report.examples.push(
            `"${name}": ${claim.id} (${describeSources(item)}, trust ${claim.trust}) gives way to ${winner?.id} (trust ${best})`,
          );
        }
      }
    }
    if (contested) report.contestedNames++;
  }
  for (const id of touched) {
    const item = merger.items.get(id);
    if (!item) continue;
    if (Object.keys(item.labels).length === 0) promoteAlias(item);
    if (Object.keys(item.labels).length === 0) {
      merger.items.delete(id);
      report.itemsDropped++;
    }
  }
  return report;
}

/** What joining slugs did; `joined` maps each joined slug to its Q-id. */
export interface SlugReport {
  joined: Map<string, string>;
  /** Slugs whose names several items of a compatible kind carry: kept as they are. */
  ambiguous: number;
  /** Slugs whose names no item carries: kept as they are. */
  unmatched: number;
}

/** Kinds that may be the same thing: armed groups are organisations to some sources. */
function compatible(a: EntityKind | undefined, b: EntityKind | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  const loose = new Set<EntityKind>(['organisation', 'group']);
  return loose.has(a) && loose.has(b);
}

/** Join `bs:` slug items onto the one Q-id item of a compatible kind that carries their label. */
export function joinSlugs(
  merger: ItemMerger,
  kindOf: (item: KbItem) => EntityKind | undefined,
): SlugReport {
  const report: SlugReport = { joined: new Map(), ambiguous: 0, unmatched: 0 };
  const slugsByName = new Map<string, KbItem[]>();
  for (const item of merger.items.values()) {
    if (!item.id.startsWith('bs:')) continue;
    for (const name of new Set(Object.values(item.labels).map(foldText))) {
      slugsByName.set(name, [...(slugsByName.get(name) ?? []), item]);
    }
  }
  if (slugsByName.size === 0) return report;
  const candidates = new Map<string, Set<string>>();
  for (const item of merger.items.values()) {
    if (!item.id.startsWith('Q')) continue;
    const kind = kindOf(item);
    for (const name of new Set(namesOf(item).map(foldText))) {
      for (const slug of slugsByName.get(name) ?? []) {
        if (!compatible(kindOf(slug), kind)) continue;
        const set = candidates.get(slug.id) ?? new Set<string>();
        set.add(item.id);
        candidates.set(slug.id, set);
      }
    }
  }
  const slugs = [...new Set([...slugsByName.values()].flat())];
  for (const slug of slugs) {
    const found = candidates.get(slug.id);
    if (!found || found.size === 0) {
      report.unmatched++;
      continue;
    }
    if (found.size > 1) {
      report.ambiguous++;
      continue;
    }
    const qid = [...found][0] as string;
    const target = merger.items.get(qid);
    if (!target) continue;
    const wins = labelRank(slug, merger.registry) > labelRank(target, merger.registry);
    mergeInto(target, slug, wins);
    merger.items.delete(slug.id);
    report.joined.set(slug.id, qid);
  }
  return report;
}
