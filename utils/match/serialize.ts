import type { MatcherData } from './matcher-data';

/** A {@link MatcherData} in a JSON-safe form (typed arrays as base64), for extension storage. */
export interface StoredMatcher {
  version: 1;
  arrays: Record<string, { type: TypedArrayName; base64: string }>;
  strings: Record<string, string[]>;
}

type TypedArrayName = 'Int32Array' | 'Uint32Array' | 'Uint16Array' | 'Uint8Array' | 'Int8Array';
type AnyTypedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array;

const CONSTRUCTORS = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Int8Array };

type Base64Codec = {
  fromBase64?: (text: string) => Uint8Array;
};

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Codec).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encode for storage. */
export function encodeMatcher(data: MatcherData): StoredMatcher {
  const arrays: StoredMatcher['arrays'] = {};
  const strings: StoredMatcher['strings'] = {};
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) strings[key] = value as string[];
    else if (ArrayBuffer.isView(value)) {
      const array = value as AnyTypedArray;
      arrays[key] = {
        type: array.constructor.name as TypedArrayName,
        base64: toBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
      };
    }
  }
  return { version: 1, arrays, strings };
}

/** Decode from storage; throws on anything that is not a matcher we wrote. */
export function decodeMatcher(stored: StoredMatcher): MatcherData {
  if (
    stored?.version !== 1 ||
    typeof stored.arrays !== 'object' ||
    typeof stored.strings !== 'object'
  ) {
    throw new Error('Not a stored Backstory matcher');
  }
  const data: Record<string, unknown> = { version: 1 };
  for (const [key, { type, base64 }] of Object.entries(stored.arrays)) {
    const Constructor = CONSTRUCTORS[type];
    if (!Constructor) throw new Error(`Unknown array type ${type}`);
    const bytes = fromBase64(base64);
    const buffer = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer;
    data[key] = new Constructor(buffer);
  }
  for (const [key, list] of Object.entries(stored.strings)) data[key] = list;
  for (const required of REQUIRED) {
    if (!(required in data)) throw new Error(`Stored matcher lacks ${required}`);
  }
  return data as unknown as MatcherData;
}

const REQUIRED: (keyof MatcherData)[] = [
  'dictHash',
  'dictWord',
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
  'relatedStart',
  'related',
  'entityStart',
  'entityEnd',
  'entityCountry',
  'entityRole',
];
