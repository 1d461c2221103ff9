/**
 * The knowledge base's item: Wikidata's own data model (an item, its labels, aliases and
 * descriptions by language, its statements by property id with their qualifiers, its sitelinks),
 * trimmed to what Backstory uses. Every input of the pipeline becomes a stream of these: the
 * Wikidata dump itself (`kb/dump.ts` reads the dump's entity JSON into this shape), and the
 * adapters of the other sources (`sources/*.ts`), which say only what their source knows. Items
 * with the same id from several sources are merged (`kb/merge.ts`), then turned into pack
 * entities (`kb/to-entity.ts`).
 *
 *   source files ──adapters──▶ KbItem ──merge by id──▶ KbItem ──to-entity──▶ Entity ──▶ pack
 *   Wikidata dump ──dump.ts──▶ KbItem ─┘
 */

/** A Wikidata item id: `Q42`. */
export type Qid = `Q${number}`;

/** `2021`, `2021-08` or `2021-08-22`, or a negative year for BCE; the precision the source gave. */
export type KbDate = string;

/**
 * One statement's value: another item (`Q…`), a string (codes, names), a quantity, a date, or a
 * point. Qualifiers that Backstory reads are lifted into fields.
 */
export interface KbStatement {
  /** An item id, a string value, or (P1082 population, quantities) a number. */
  value: string | number;
  /** P580 start time. */
  from?: KbDate;
  /** P582 end time. */
  to?: KbDate;
  /** P585 point in time. */
  at?: KbDate;
  /** P642 "of" / P1001 "applies to jurisdiction" / P108 employer and the like, when the source gives one. */
  of?: string;
  /** Wikidata's rank; deprecated statements are dropped on reading. */
  rank?: 'preferred' | 'normal';
}

/** A point on the globe (P625). */
export interface KbPoint {
  lat: number;
  lon: number;
}

/**
 * One item as one source (or the merge of several) knows it. Everything but `id` and `sources`
 * may be missing: a source that gives only a name and an id gives an item with one label.
 */
export interface KbItem {
  /**
   * Its Wikidata id; a source without ids may give a slug (`bs:<source>-<name>`) for names it
   * could not tie to an item (the merge ties them to an item by name where it safely can).
   */
  id: Qid | `bs:${string}`;
  /** The label by language code, written with its real capitals ("Donald Trump", "Daraa"). */
  labels: Record<string, string>;
  /** Other names by language: short forms, acronyms, former names, spellings. */
  aliases: Record<string, string[]>;
  /** Wikidata's one-line description by language. */
  descriptions: Record<string, string>;
  /**
   * Statements by property id, values only what Backstory reads. The properties used:
   * P31 instance of, P279 subclass of, P17 country, P131 located in, P36 capital, P1376 capital
   * of, P297 ISO 3166-1 alpha-2, P625 coordinates (see `point`), P1082 population, P569/P570
   * birth/death, P571/P576 inception/dissolution, P580/P582 start/end (of events), P585 point in
   * time, P39 position held (with P580/P582), P35 head of state, P6 head of government, P102
   * member of party, P27 citizenship, P106 occupation, P159 headquarters, P112 founded by,
   * P488 chairperson, P169 CEO, P118 league, P641 sport, P856 official website.
   */
  claims: Record<string, KbStatement[]>;
  point?: KbPoint;
  /** How many Wikipedias (and other sites) link the item: the popularity Wikidata itself offers. */
  sitelinks?: number;
  /** Page views of its English Wikipedia article over some period, when a source gives them. */
  pageViews?: number;
  /** Titles of its Wikipedia articles by language code (`en` → "Daraa"). */
  wikipedia?: Record<string, string>;
  /**
   * What the source says the item is when it gives no P31: a coarse kind. Used only when the
   * statements do not settle it.
   */
  kindHint?: 'person' | 'place' | 'organisation' | 'event' | 'group' | 'topic';
  /** Ids of the sources this came from (see `sources/registry.ts`): every item names at least one. */
  sources: string[];
}

/** A source of items: its id (used in `KbItem.sources`), what to call it, where it is, its licence. */
export interface KbSource {
  id: string;
  title: string;
  url?: string;
  licence: string;
  /**
   * How far its ids are trusted when two sources give one name different ids: the higher wins.
   * Wikidata's own dump and curated entries 3, sources that copied ids from Wikidata with their
   * labels 2, sources known to hold wrong ids (wikilinker) 1.
   */
  trust: 1 | 2 | 3;
}

/** An empty item of one source, to fill in. */
export function newItem(id: KbItem['id'], source: string): KbItem {
  return { id, labels: {}, aliases: {}, descriptions: {}, claims: {}, sources: [source] };
}

/** Is this a Wikidata item id? */
export function isQid(value: unknown): value is Qid {
  return typeof value === 'string' && /^Q[1-9]\d*$/.test(value);
}
