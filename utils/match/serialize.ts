import { buildDictionary } from './dictionary';
import { MATCHER_FORMAT, type MatcherData, type StringList } from './matcher-data';

/**
 * The compiled matcher as bytes: the form it ships in (the built-in pack's `matcher-*.bin`
 * pieces, a subscription's) and is stored in. It is made to be read fast on every wake of the
 * background: tables are laid out so that none is cut between pieces unless it is larger than a
 * piece, and decoding makes views on the pieces' bytes instead of copying them; string tables
 * are decoded natively in one go and sliced only when an entry is read; the word dictionary's
 * hash table is not shipped but rebuilt (it is larger to ship than to build).
 *
 * Piece 0 starts with the directory:
 *   'BSMT' magic, u32 format, u32 table count, then per table: 24 bytes of ASCII name,
 *   u32 type, u32 element count, u32 piece, u32 byte offset in the piece, u32 byte length
 * Tables are aligned to 8 bytes. A string table is u32 count, u32 offsets[count + 1] (in
 * UTF-16 units) then the units.
 */

const MAGIC = 0x544d5342; // 'BSMT', little-endian
const NAME_BYTES = 24;
const ENTRY_BYTES = NAME_BYTES + 20;

const TYPES = [Int32Array, Uint32Array, Uint16Array, Uint8Array, Int8Array] as const;
type AnyTypedArray = InstanceType<(typeof TYPES)[number]>;
/** Strings are stored as a type of their own: offsets, then UTF-16 units. */
const STRINGS = 100;

/** The tables a stored matcher must have (the dictionary hash is rebuilt, not stored). */
const TABLES = [
  'wordStart',
  'wordChars',
  'rootNext',
  'transStart',
  'transWord',
  'transNext',
  'fail',
  'depth',
  'outGroup',
  'outLink',
  'groupStart',
  'groupMentionEnd',
  'groupSingle',
  'contextStart',
  'contextGroups',
  'candEntity',
  'candFlags',
  'candCase',
  'entityIds',
  'entityNames',
  'entityKinds',
  'entityPriority',
  'entityPopularity',
  'relatedStart',
  'related',
  'entityStart',
  'entityEnd',
  'entityCountry',
  'entityCountryCode',
  'entityRole',
] as const satisfies readonly (keyof MatcherData)[];

const align8 = (n: number) => (n + 7) & ~7;
/** Pieces are at most this large unless a piece is told otherwise. */
const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Encode a matcher into pieces of at most `pieceBytes`. Tables go whole into a piece while they
 * fit; a table larger than a piece spans several (and is copied together when read).
 */
export function encodeMatcher(data: MatcherData, pieceBytes = PIECE_BYTES): Uint8Array[] {
  const parts = TABLES.map((name) => {
    const value = data[name] as AnyTypedArray | StringList;
    if (!ArrayBuffer.isView(value)) return { name, type: STRINGS, ...stringTable(value) };
    const array = value as AnyTypedArray;
    const type = TYPES.findIndex((Type) => array instanceof Type);
    if (type < 0) throw new Error(`matcher table ${name}: not a typed array`);
    return {
      name,
      type,
      count: array.length,
      bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    };
  });
  // Pack the tables into pieces, largest first, each into the first piece with room (piece 0
  // begins with the directory); a table larger than a piece gets whole pieces of its own.
  const used: number[] = [align8(12 + parts.length * ENTRY_BYTES)];
  const at = new Map<(typeof parts)[number], number>();
  const bySize = [...parts].sort((a, b) => b.bytes.byteLength - a.bytes.byteLength);
  for (const part of bySize) {
    const size = part.bytes.byteLength;
    if (size > pieceBytes) continue;
    let piece = used.findIndex((fill) => fill + size <= pieceBytes);
    if (piece < 0) piece = used.push(0) - 1;
    at.set(part, piece * pieceBytes + (used[piece] as number));
    used[piece] = align8((used[piece] as number) + size);
  }
  let offset = used.length * pieceBytes;
  for (const part of bySize) {
    if (part.bytes.byteLength <= pieceBytes) continue;
    at.set(part, offset);
    offset += Math.ceil(part.bytes.byteLength / pieceBytes) * pieceBytes;
  }
  const placed = parts.map((part) => ({ ...part, at: at.get(part) as number }));
  // The last piece ends where its last table does.
  offset = Math.max(...placed.map((part) => part.at + part.bytes.byteLength));
  const whole = new Uint8Array(offset);
  const view = new DataView(whole.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, MATCHER_FORMAT, true);
  view.setUint32(8, placed.length, true);
  placed.forEach((part, i) => {
    const entry = 12 + i * ENTRY_BYTES;
    for (let c = 0; c < NAME_BYTES; c++) whole[entry + c] = part.name.charCodeAt(c) || 0;
    view.setUint32(entry + NAME_BYTES, part.type, true);
    view.setUint32(entry + NAME_BYTES + 4, part.count, true);
    view.setUint32(entry + NAME_BYTES + 8, Math.floor(part.at / pieceBytes), true);
    view.setUint32(entry + NAME_BYTES + 12, part.at % pieceBytes, true);
    view.setUint32(entry + NAME_BYTES + 16, part.bytes.byteLength, true);
    whole.set(part.bytes, part.at);
  });
  // Each piece ends where the last table in it does: no padding is shipped.
  const ends = new Array<number>(Math.ceil(whole.byteLength / pieceBytes)).fill(0);
  ends[0] = align8(12 + parts.length * ENTRY_BYTES);
  for (const part of placed) {
    const last = part.at + part.bytes.byteLength;
    for (let piece = Math.floor(part.at / pieceBytes); piece * pieceBytes < last; piece++)
      ends[piece] = Math.max(
        ends[piece] as number,
        Math.min(last, (piece + 1) * pieceBytes) - piece * pieceBytes,
      );
  }
  return ends.map((end, piece) => whole.subarray(piece * pieceBytes, piece * pieceBytes + end));
}

/** Strings as one table: u32 count, u32 offsets[count + 1] (in units), then the UTF-16 units. */
function stringTable(list: StringList): { count: number; bytes: Uint8Array } {
  let units = 0;
  for (let i = 0; i < list.length; i++) units += (list.at(i) ?? '').length;
  const buffer = new ArrayBuffer(4 * (list.length + 2) + 2 * units);
  const offsets = new Uint32Array(buffer, 0, list.length + 2);
  const chars = new Uint16Array(buffer, 4 * (list.length + 2), units);
  offsets[0] = list.length;
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    const text = list.at(i) ?? '';
    offsets[i + 1] = at;
    for (let c = 0; c < text.length; c++) chars[at + c] = text.charCodeAt(c);
    at += text.length;
  }
  offsets[list.length + 1] = at;
  return { count: list.length, bytes: new Uint8Array(buffer) };
}

/**
 * A string table read from its bytes: the units are decoded in one native call when the first
 * entry is read, and an entry is a slice of that (cheap: a view on the one string).
 */
class StoredStrings implements StringList {
  private all: string | null = null;

  constructor(
    private readonly offsets: Uint32Array,
    private readonly units: Uint8Array,
    readonly length: number,
  ) {}

  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    this.all ??= new TextDecoder('utf-16le').decode(this.units);
    return this.all.slice(this.offsets[index + 1] as number, this.offsets[index + 2] as number);
  }
}

/** One table's bytes, as a view when it lies in one piece, copied together when it spans several. */
function tableBytes(pieces: readonly Uint8Array[], piece: number, at: number, length: number) {
  const first = pieces[piece];
  if (!first) throw new Error('Matcher piece missing');
  if (at + length <= first.byteLength) {
    // Views need their element alignment: copy a table that does not start on 8.
    const bytes = first.subarray(at, at + length);
    return (first.byteOffset + at) % 8 === 0 ? bytes : bytes.slice();
  }
  const out = new Uint8Array(length);
  let copied = 0;
  for (let p = piece; copied < length; p++) {
    const part = pieces[p];
    if (!part) throw new Error('Matcher is cut short');
    const from = p === piece ? at : 0;
    const take = Math.min(part.byteLength - from, length - copied);
    out.set(part.subarray(from, from + take), copied);
    copied += take;
  }
  return out;
}

/**
 * Decode a matcher from its pieces. Typed tables are views on
 * the pieces' bytes, which must not change afterwards; throws a plain message on anything that is
 * not a matcher of this format.
 */
export function decodeMatcher(pieces: readonly Uint8Array[]): MatcherData {
  const head = pieces[0];
  if (!head || head.byteLength < 12) throw new Error('Not a Backstory matcher: too short');
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('Not a Backstory matcher');
  const format = view.getUint32(4, true);
  if (format !== MATCHER_FORMAT)
    throw new Error(`Matcher format ${format}; this version reads format ${MATCHER_FORMAT}`);
  const count = view.getUint32(8, true);
  if (12 + count * ENTRY_BYTES > head.byteLength) throw new Error('Matcher header is cut short');
  const tables: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * ENTRY_BYTES;
    let name = '';
    for (let c = 0; c < NAME_BYTES; c++) {
      const code = view.getUint8(entry + c);
      if (code) name += String.fromCharCode(code);
    }
    const type = view.getUint32(entry + NAME_BYTES, true);
    const length = view.getUint32(entry + NAME_BYTES + 4, true);
    const piece = view.getUint32(entry + NAME_BYTES + 8, true);
    const at = view.getUint32(entry + NAME_BYTES + 12, true);
    const byteLength = view.getUint32(entry + NAME_BYTES + 16, true);
    const bytes = tableBytes(pieces, piece, at, byteLength);
    if (type === STRINGS) {
      const offsets = new Uint32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, length + 2);
      if (4 * (length + 2) + 2 * (offsets[length + 1] as number) > byteLength)
        throw new Error(`Matcher table ${name} is cut short`);
      tables[name] = new StoredStrings(offsets, bytes.subarray(4 * (length + 2)), length);
      continue;
    }
    const Type = TYPES[type];
    if (!Type) throw new Error(`Matcher table ${name} has an unknown type`);
    if (length * Type.BYTES_PER_ELEMENT > byteLength)
      throw new Error(`Matcher table ${name} is cut short`);
    tables[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, length);
  }
  for (const name of TABLES) if (!(name in tables)) throw new Error(`Matcher lacks ${name}`);
  const data = tables as unknown as Omit<MatcherData, 'version' | 'dictHash' | 'dictWord'>;
  return { version: 1, ...data, ...buildDictionary(data.wordStart, data.wordChars) };
}
