import { Matcher, type RawMatch } from './matcher';
import { type MatcherData, PlaceRole, type StringList } from './matcher-data';

/** What the page pipeline needs of a matcher: its tables, and a scan of text for alias groups. */
export interface Scanner {
  readonly data: MatcherData;
  scan(text: string, from?: number, to?: number): RawMatch[];
}

/**
 * Several packs' matchers as one. Each pack ships its own compiled matcher (the built-in pack's is
 * read from the extension package as it is), so adding a subscription or an import compiles only
 * that pack. A text is scanned by each pack's automaton; the resolver sees one set of tables:
 * every pack's groups, candidates and entities one after the other, each index moved by the packs
 * before it. An entity in several packs (the same id) counts as one for "already named on the
 * page"; countries are found across packs by their ISO code.
 */
export class LayeredMatcher implements Scanner {
  readonly data: MatcherData;
  private readonly matchers: Matcher[];
  private readonly groupOffsets: number[];

  constructor(layers: readonly MatcherData[]) {
    if (layers.length === 0) throw new Error('No matcher to layer');
    this.matchers = layers.map((layer) => new Matcher(layer));
    this.groupOffsets = offsets(layers.map((layer) => layer.groupStart.length - 1));
    this.data = combine(layers);
  }

  scan(text: string, from = 0, to = text.length): RawMatch[] {
    const out: RawMatch[] = [];
    this.matchers.forEach((matcher, k) => {
      const shift = this.groupOffsets[k] as number;
      for (const raw of matcher.scan(text, from, to))
        out.push(shift === 0 ? raw : { ...raw, group: raw.group + shift });
    });
    // End order, as one matcher gives; matches of one span from several packs side by side.
    if (this.matchers.length > 1) out.sort((a, b) => a.end - b.end || a.start - b.start);
    return out;
  }
}

/** One matcher for one pack, several layered: what the background matches pages with. */
export function scannerOf(layers: readonly MatcherData[]): Scanner {
  return layers.length === 1 ? new Matcher(layers[0] as MatcherData) : new LayeredMatcher(layers);
}

function offsets(sizes: number[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(at);
    at += size;
  }
  return out;
}

type IntArray = Int32Array | Uint32Array;

/** Concatenate one table of every layer, adding each layer's offset to its values. */
function concat<T extends IntArray>(
  Type: { new (length: number): T },
  parts: readonly T[],
  shifts: readonly number[],
  keepNegative = false,
): T {
  const out = new Type(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  parts.forEach((part, k) => {
    const shift = shifts[k] as number;
    for (let i = 0; i < part.length; i++) {
      const value = part[i] as number;
      out[at + i] = keepNegative && value < 0 ? value : value + shift;
    }
    at += part.length;
  });
  return out;
}

/** Concatenate a table whose values need no shift. */
function join<T extends Uint8Array | Int8Array | Uint16Array | Int32Array>(
  Type: { new (length: number): T },
  parts: readonly T[],
): T {
  const out = new Type(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part as never, at);
    at += part.length;
  }
  return out;
}

/** `start` tables (n + 1 entries, the last one the total) of every layer as one. */
function starts(parts: readonly Uint32Array[], shifts: readonly number[]): Uint32Array {
  const total = parts.reduce((sum, part) => sum + part.length - 1, 0);
  const out = new Uint32Array(total + 1);
  let at = 0;
  parts.forEach((part, k) => {
    for (let i = 0; i < part.length - 1; i++)
      out[at + i] = (part[i] as number) + (shifts[k] as number);
    at += part.length - 1;
  });
  const last = parts.length - 1;
  out[total] =
    ((parts[last] as Uint32Array)[(parts[last] as Uint32Array).length - 1] as number) +
    (shifts[last] as number);
  return out;
}

function combine(layers: readonly MatcherData[]): MatcherData {
  if (layers.length === 1) return layers[0] as MatcherData;
  const groups = offsets(layers.map((layer) => layer.groupStart.length - 1));
  const cands = offsets(layers.map((layer) => layer.candEntity.length));
  const entities = offsets(layers.map((layer) => layer.entityIds.length));
  const contexts = offsets(layers.map((layer) => layer.contextGroups.length));
  const relations = offsets(layers.map((layer) => layer.related.length));
  const pick = <K extends keyof MatcherData>(key: K) => layers.map((layer) => layer[key]);
  const entityIds = new JoinedStrings(layers.map((layer) => layer.entityIds));
  const entityRole = join(Uint8Array, pick('entityRole'));
  const entityCountryCode = join(Uint16Array, pick('entityCountryCode'));
  return {
    version: 1,
    // The automata stay with their layers: the resolver reads none of these.
    dictHash: new Int32Array(0),
    dictWord: new Int32Array(0),
    wordStart: new Uint32Array(1),
    wordChars: new Uint16Array(0),
    rootNext: new Int32Array(0),
    transStart: new Uint32Array(1),
    transWord: new Int32Array(0),
    transNext: new Int32Array(0),
    fail: new Int32Array(0),
    depth: new Uint8Array(0),
    outGroup: new Int32Array(0),
    outLink: new Int32Array(0),
    groupStart: starts(pick('groupStart'), cands),
    groupMentionEnd: concat(Uint32Array, pick('groupMentionEnd'), cands),
    groupSingle: concat(Int32Array, pick('groupSingle'), cands, true),
    contextStart: starts(pick('contextStart'), contexts),
    contextGroups: concat(Int32Array, pick('contextGroups'), groups),
    candEntity: concat(Int32Array, pick('candEntity'), entities),
    candFlags: join(Uint8Array, pick('candFlags')),
    candCase: new JoinedStrings(layers.map((layer) => layer.candCase)),
    entityIds,
    entityNames: new JoinedStrings(layers.map((layer) => layer.entityNames)),
    entityKinds: join(Uint8Array, pick('entityKinds')),
    entityPriority: join(Int8Array, pick('entityPriority')),
    entityPopularity: join(Uint8Array, pick('entityPopularity')),
    relatedStart: starts(pick('relatedStart'), relations),
    related: concat(Int32Array, pick('related'), entities),
    entityStart: join(Int32Array, pick('entityStart')),
    entityEnd: join(Int32Array, pick('entityEnd')),
    entityCountry: countriesAcross(entityRole, entityCountryCode),
    entityCountryCode,
    entityRole,
    entityCanon: canonOf(entityIds, layers),
  };
}

/** Each place's country entity, looked up by ISO code among the countries of every layer. */
function countriesAcross(role: Uint8Array, codes: Uint16Array): Int32Array {
  const country = new Map<number, number>();
  role.forEach((bits, e) => {
    const code = codes[e] as number;
    if (bits === PlaceRole.Country && code && !country.has(code)) country.set(code, e);
  });
  return Int32Array.from(codes, (code) => (code ? (country.get(code) ?? -1) : -1));
}

/**
 * For each entity, the index of its first occurrence among the layers (itself, unless an earlier
 * pack has the same id). Ids of every layer but the largest are gathered in a map; the largest
 * layer's ids are in order (compiled so), and are looked up by bisection.
 */
function canonOf(ids: StringList, layers: readonly MatcherData[]): Int32Array {
  const canon = new Int32Array(ids.length);
  for (let e = 0; e < canon.length; e++) canon[e] = e;
  let largest = 0;
  layers.forEach((layer, k) => {
    if (layer.entityIds.length > (layers[largest] as MatcherData).entityIds.length) largest = k;
  });
  const seen = new Map<string, number[]>();
  let at = 0;
  let bigStart = 0;
  layers.forEach((layer, k) => {
    if (k === largest) bigStart = at;
    else
      for (let i = 0; i < layer.entityIds.length; i++) {
        const id = layer.entityIds.at(i) as string;
        const list = seen.get(id);
        if (list) list.push(at + i);
        else seen.set(id, [at + i]);
      }
    at += layer.entityIds.length;
  });
  const big = (layers[largest] as MatcherData).entityIds;
  for (const [id, list] of seen) {
    const i = bisect(big, id);
    if (i >= 0) list.push(bigStart + i);
    if (list.length < 2) continue;
    const first = Math.min(...list);
    for (const e of list) canon[e] = first;
  }
  return canon;
}

/** Index of `id` in sorted `ids`, or -1. */
export function bisect(ids: StringList, id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ids.at(mid) as string;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Several packs' string lists read as one, without copying them. */
class JoinedStrings implements StringList {
  readonly length: number;
  private readonly starts: number[] = [];

  constructor(private readonly parts: readonly StringList[]) {
    let at = 0;
    for (const part of parts) {
      this.starts.push(at);
      at += part.length;
    }
    this.length = at;
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    let k = this.parts.length - 1;
    while ((this.starts[k] as number) > index) k--;
    return this.parts[k]?.at(index - (this.starts[k] as number));
  }

  /** The first index of `id`, searching each pack's sorted list. */
  find(id: string): number {
    for (let k = 0; k < this.parts.length; k++) {
      const i = bisect(this.parts[k] as StringList, id);
      if (i >= 0) return (this.starts[k] as number) + i;
    }
    return -1;
  }
}

/**
 * The index of an entity id in a matcher's ids (-1: none): a binary search of each pack's list
 * (every pack's entities are compiled in id order), no pass over 270,000 strings.
 */
export function indexOfId(ids: StringList, id: string): number {
  return ids instanceof JoinedStrings ? ids.find(id) : bisect(ids, id);
}
