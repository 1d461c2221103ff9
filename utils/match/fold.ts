/**
 * Per-code-unit folding, shared by alias compilation and page matching so both sides agree:
 * case folding, diacritics stripped, Arabic letter variants unified, tatweel and harakat dropped,
 * typographic apostrophes and hyphens unified. Tables are filled lazily per 256-unit block, so a
 * page in English never pays for the Arabic or CJK blocks.
 */

/** Character classes the tokenizer needs (plain numbers: the hot loop compares them). */
export const CharClass = {
  /** Part of a word: letters and digits. */
  Word: 1,
  /** Between words of one name: spaces, hyphens, apostrophes. */
  Join: 2,
  /** A dot: joins `U.N` but ends a sentence before a space. */
  Dot: 3,
  /** Anything else ends a name: punctuation and symbols. */
  Break: 4,
  /** Dropped entirely: combining marks, tatweel, zero-width and soft-hyphen characters. */
  Ignore: 5,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/**
 * One entry per UTF-16 code unit: `class << 16 | folded unit`. Zero means "block not filled yet"
 * (every filled entry has a class ≥ 1), so the hot loop needs a single read per character.
 */
const PACKED = new Int32Array(65536);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const SPACE = /^\s$/u;

/** Arabic and Persian letter forms that news spelling uses interchangeably. */
const ARABIC_VARIANTS: Record<number, number> = {
  1570: 0x0627, // آ → ا
  1571: 0x0627, // أ → ا
  1573: 0x0627, // إ → ا
  1649: 0x0627, // ٱ → ا
  1577: 0x0647, // ة → ه
  1609: 0x064a, // ى → ي
  1574: 0x064a, // ئ → ي
  1572: 0x0648, // ؤ → و
  1740: 0x064a, // ی → ي
  1705: 0x0643, // ک → ك
};

const IGNORED = new Set([0x0640, 0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x201b, 0x02bc, 0x02bb, 0x60, 0xb4, 0x2032]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d]);

function fillBlock(block: number): void {
  const base = block << 8;
  for (let code = base; code < base + 256; code++) {
    const [folded, cls] = classify(code);
    PACKED[code] = (cls << 16) | folded;
  }
}

function classify(code: number): [number, CharClass] {
  if (code >= 0xd800 && code <= 0xdfff) return [code, CharClass.Break];
  if (IGNORED.has(code)) return [0, CharClass.Ignore];
  if (APOSTROPHES.has(code)) return [0x27, CharClass.Join];
  if (HYPHENS.has(code)) return [0x2d, CharClass.Join];
  if (code === 0x2e) return [0x2e, CharClass.Dot];
  const char = String.fromCharCode(code);
  if (SPACE.test(char)) return [0x20, CharClass.Join];
  if (MARK.test(char)) return [0, CharClass.Ignore];
  if (!LETTER_OR_DIGIT.test(char)) return [code, CharClass.Break];
  const arabic = ARABIC_VARIANTS[code];
  if (arabic !== undefined) return [arabic, CharClass.Word];
  // Arabic-Indic and Persian digits read as ASCII digits.
  if (code >= 0x0660 && code <= 0x0669) return [0x30 + code - 0x0660, CharClass.Word];
  if (code >= 0x06f0 && code <= 0x06f9) return [0x30 + code - 0x06f0, CharClass.Word];
  const stripped = char.normalize('NFD').charAt(0);
  const lower = stripped.toLowerCase();
  return [lower.length === 1 ? lower.charCodeAt(0) : stripped.charCodeAt(0), CharClass.Word];
}

/**
 * `class << 16 | folded unit` of a code unit (folded unit 0 when dropped). Hot loops read
 * {@link PACKED} directly and call this only when they read a 0.
 */
export function packedOf(code: number): number {
  const packed = PACKED[code] as number;
  if (packed !== 0) return packed;
  fillBlock(code >> 8);
  return PACKED[code] as number;
}

export { PACKED };
