import { buildDictionary } from './dictionary';
import { MATCHER_FORMAT, type MatcherData } from './matcher-data';

/**
 * The compiled matcher as bytes: the form it ships in (the built-in pack's `matcher-*.bin`
 * files, a subscription's shards) and is stored in. A header names each table, its element type
 * and where it lies; the tables follow, each aligned to 8 bytes, so decoding makes views on the
 * bytes instead of copying them. String tables are UTF-16 code units with offsets. The word
 * dictionary's hash table is not stored: it is rebuilt from the words on load (a few tens of
 * milliseconds, and a fifth less to ship).
 *
 *   0   'BSMT' magic, u32 format, u32 table count
 *   12  per table: 24 bytes of ASCII name, u32 type, u32 element count, u32 byte offset
 *   …   the tables
 */

const MAGIC = 0x544d5342; // 'BSMT', little-endian
const NAME_BYTES = 24;
const ENTRY_BYTES = NAME_BYTES + 12;

const TYPES = [Int32Array, Uint32Array, Uint16Array, Uint8Array, Int8Array] as const;
type AnyTypedArray = InstanceType<(typeof TYPES)[number]>;
/** Strings are stored as a type of their own: UTF-16 units, then offsets. */
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

/** Encode a matcher into one byte array. */
export function encodeMatcher(data: MatcherData): Uint8Array {
  const parts = TABLES.map((name) => {
    const value = data[name] as AnyTypedArray | readonly string[];
    if (Array.isArray(value)) return { name, type: STRINGS, ...stringTable(value) };
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
  let offset = align8(12 + parts.length * ENTRY_BYTES);
  const placed = parts.map((part) => {
    const at = offset;
    offset = align8(offset + part.bytes.byteLength);
    return { ...part, at };
  });
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, MATCHER_FORMAT, true);
  view.setUint32(8, placed.length, true);
  placed.forEach((part, i) => {
    const entry = 12 + i * ENTRY_BYTES;
    for (let c = 0; c < NAME_BYTES; c++) out[entry + c] = part.name.charCodeAt(c) || 0;
    view.setUint32(entry + NAME_BYTES, part.type, true);
    view.setUint32(entry + NAME_BYTES + 4, part.count, true);
    view.setUint32(entry + NAME_BYTES + 8, part.at, true);
    out.set(part.bytes, part.at);
  });
  return out;
}

/** Strings as one table: u32 count, u32 offsets[count + 1] (in units), then the UTF-16 units. */
function stringTable(list: readonly string[]): { count: number; bytes: Uint8Array } {
  let units = 0;
  for (const text of list) units += text.length;
  const buffer = new ArrayBuffer(4 * (list.length + 2) + 2 * units);
  const offsets = new Uint32Array(buffer, 0, list.length + 2);
  const chars = new Uint16Array(buffer, 4 * (list.length + 2), units);
  offsets[0] = list.length;
  let at = 0;
  list.forEach((text, i) => {
    offsets[i + 1] = at;
    for (let c = 0; c < text.length; c++) chars[at + c] = text.charCodeAt(c);
    at += text.length;
  });
  offsets[list.length + 1] = at;
  return { count: list.length, bytes: new Uint8Array(buffer) };
}

function readStrings(buffer: ArrayBuffer, at: number, count: number): string[] {
  const offsets = new Uint32Array(buffer, at, count + 2);
  const units = offsets[count + 1] as number;
  const chars = new Uint16Array(buffer, at + 4 * (count + 2), units);
  // One string of everything, then slices of it: far cheaper than a string built per entry.
  let all = '';
  for (let i = 0; i < units; i += 0x2000)
    all += String.fromCharCode.apply(null, chars.subarray(i, i + 0x2000) as unknown as number[]);
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++)
    out[i] = all.slice(offsets[i + 1] as number, offsets[i + 2] as number);
  return out;
}

/**
 * Decode an encoded matcher. The typed tables are views on `bytes` (which must not change
 * afterwards); throws a plain message on anything that is not a matcher of this format.
 */
export function decodeMatcher(bytes: Uint8Array): MatcherData {
  // Views need their element alignment: copy once when the bytes do not start on 8.
  const source = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const buffer = source.buffer as ArrayBuffer;
  const base = source.byteOffset;
  if (source.byteLength < 12) throw new Error('Not a Backstory matcher: too short');
  const view = new DataView(buffer, base, source.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('Not a Backstory matcher');
  const format = view.getUint32(4, true);
  if (format !== MATCHER_FORMAT)
    throw new Error(`Matcher format ${format}; this version reads format ${MATCHER_FORMAT}`);
  const count = view.getUint32(8, true);
  if (12 + count * ENTRY_BYTES > source.byteLength) throw new Error('Matcher header is cut short');
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
    const at = view.getUint32(entry + NAME_BYTES + 8, true);
    if (type === STRINGS) {
      if (at + 4 * (length + 2) > source.byteLength)
        throw new Error(`Matcher table ${name} is cut short`);
      tables[name] = readStrings(buffer, base + at, length);
      continue;
    }
    const Type = TYPES[type];
    if (!Type) throw new Error(`Matcher table ${name} has an unknown type`);
    if (at + length * Type.BYTES_PER_ELEMENT > source.byteLength)
      throw new Error(`Matcher table ${name} is cut short`);
    tables[name] = new Type(buffer, base + at, length);
  }
  for (const name of TABLES) if (!(name in tables)) throw new Error(`Matcher lacks ${name}`);
  const data = tables as unknown as Omit<MatcherData, 'version' | 'dictHash' | 'dictWord'>;
  return { version: 1, ...data, ...buildDictionary(data.wordStart, data.wordChars) };
}
