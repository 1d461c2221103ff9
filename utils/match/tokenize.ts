import { CharClass, PACKED, packedOf } from './fold';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Receives each word of a text: its span in the original string, the hash of its folded form,
 * its folded length, and whether punctuation separated it from the previous word (a name never
 * runs across a comma or a full stop).
 */
export type TokenSink = (
  start: number,
  end: number,
  hash: number,
  length: number,
  broken: boolean,
) => void;

/**
 * Split `text[from, to)` into words, folding as it goes. The one tokenizer for both sides:
 * aliases are compiled with it and pages are matched with it, so they always agree.
 * A dot joins when a letter follows it (`U.N`) or when it closes a one-letter word (`U.N. envoy`,
 * `John F. Kennedy`); after a longer word it ends a sentence and breaks.
 */
export function scanTokens(text: string, from: number, to: number, sink: TokenSink): void {
  let inWord = false;
  let start = 0;
  let end = 0;
  let hash = FNV_OFFSET;
  let length = 0;
  let broken = true;
  for (let i = from; i < to; i++) {
    let packed = PACKED[text.charCodeAt(i)] as number;
    if (packed === 0) packed = packedOf(text.charCodeAt(i));
    const cls = packed >> 16;
    if (cls === CharClass.Word) {
      if (!inWord) {
        inWord = true;
        start = i;
        hash = FNV_OFFSET;
        length = 0;
      }
      hash = Math.imul(hash ^ (packed & 0xffff), FNV_PRIME);
      length++;
      end = i + 1;
      continue;
    }
    if (cls === CharClass.Ignore) continue;
    let lastLength = 0;
    if (inWord) {
      sink(start, end, hash >>> 0, length, broken);
      inWord = false;
      broken = false;
      lastLength = length;
    }
    if (cls === CharClass.Break) broken = true;
    else if (cls === CharClass.Dot && lastLength !== 1 && !nextIsWord(text, i + 1, to))
      broken = true;
  }
  if (inWord) sink(start, end, hash >>> 0, length, broken);
}

function nextIsWord(text: string, i: number, to: number): boolean {
  return i < to && isWordAt(text, i);
}

/** Is `text[i]` a character of a word (a letter or a digit, as the tokenizer folds it)? */
export function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && packedOf(text.charCodeAt(i)) >> 16 === CharClass.Word;
}

/** The folded form of `text[from, to)` as a string (compile time and tests; not the hot loop). */
export function foldedText(text: string, from = 0, to = text.length): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const packed = packedOf(text.charCodeAt(i));
    if (packed >> 16 !== CharClass.Ignore) out += String.fromCharCode(packed & 0xffff);
  }
  return out;
}

/** FNV-1a over folded code units, as {@link scanTokens} computes it. */
export function hashFolded(folded: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) hash = Math.imul(hash ^ folded.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** {@link hashFolded} of folded UTF-16 units `units[from, to)`. */
export function hashUnits(units: Uint16Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ (units[i] as number), FNV_PRIME);
  return hash >>> 0;
}

/** A word of an alias or text: span, folded form and how it was separated from the one before. */
export interface Token {
  start: number;
  end: number;
  folded: string;
  broken: boolean;
}

/** All words of a short text (aliases, context words, tests). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, 0, text.length, (start, end, _hash, _length, broken) => {
    tokens.push({ start, end, folded: foldedText(text, start, end), broken });
  });
  return tokens;
}
