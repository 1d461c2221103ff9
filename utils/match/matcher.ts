import { CharClass, PACKED, packedOf } from './fold';
import { MAX_ALIAS_WORDS, type MatcherData } from './matcher-data';

const WORD = CharClass.Word;
const DOT = CharClass.Dot;
const BREAK = CharClass.Break;
const IGNORE = CharClass.Ignore;
const RING_MASK = MAX_ALIAS_WORDS - 1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Arabic proclitics written onto the next word: و (and), ف (so), ب (in/with), ل (for), ك (like). */
const PROCLITICS = new Set([0x0648, 0x0641, 0x0628, 0x0644, 0x0643]);

/** One alias group found in text: `text[start, end)`, before any choice between candidates. */
export interface RawMatch {
  start: number;
  end: number;
  group: number;
}

/**
 * Runs a compiled automaton over text. One pass, word by word: each word is folded and hashed
 * while it is read, looked up in the word dictionary, and fed to the Aho–Corasick automaton;
 * every alias group ending at that word is reported. Matches are whole words by construction.
 */
export class Matcher {
  private readonly mask: number;
  private readonly ring = new Int32Array(MAX_ALIAS_WORDS);

  constructor(readonly data: MatcherData) {
    this.mask = data.dictHash.length - 1;
  }

  /**
   * Every alias-group match in `text[from, to)`, overlapping ones included, in end order.
   * The tokenizer of `tokenize.ts` is inlined here (same rules, same tables): this loop is the
   * hot path, and a callback per word costs a third of its speed.
   */
  scan(text: string, from = 0, to = text.length): RawMatch[] {
    const out: RawMatch[] = [];
    const { rootNext, fail, depth, outGroup, outLink, dictWord } = this.data;
    const { ring, mask } = this;
    let state = 0;
    let count = 0;
    let inWord = false;
    let start = 0;
    let end = 0;
    let hash = FNV_OFFSET;
    let length = 0;
    let broken = true;
    for (let i = from; i <= to; i++) {
      let cls = BREAK;
      let code = 0;
      if (i < to) {
        code = text.charCodeAt(i);
        let packed = PACKED[code] as number;
        if (packed === 0) packed = packedOf(code);
        cls = packed >> 16;
        if (cls === WORD) {
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
        if (cls === IGNORE) continue;
      }
      if (inWord) {
        inWord = false;
        // One word read: look it up and step the automaton.
        if (broken) state = 0;
        // Most words are in no name: an empty first slot settles that without a call.
        let word =
          dictWord[(hash | 0) & mask] === -1 ? -1 : this.lookup(text, start, end, hash, length);
        let wordStart = start;
        // Arabic words may carry a proclitic (و، ب، ل…); the range test is inlined (hot path).
        const first = word < 0 && length > 2 ? text.charCodeAt(start) : 0;
        if (first >= 0x0600 && first <= 0x06ff) {
          const found = this.lookupWithoutProclitic(text, start, end);
          word = found.word;
          wordStart = found.start;
        }
        if (word < 0) state = 0;
        else {
          for (;;) {
            const next = state === 0 ? (rootNext[word] as number) : this.step(state, word);
            if (next >= 0) {
              state = next;
              break;
            }
            if (state === 0) break;
            state = fail[state] as number;
          }
          ring[count & RING_MASK] = wordStart;
          count++;
          if (state !== 0) {
            let s = (outGroup[state] as number) >= 0 ? state : (outLink[state] as number);
            for (; s > 0; s = outLink[s] as number) {
              out.push({
                start: ring[(count - (depth[s] as number)) & RING_MASK] as number,
                end,
                group: outGroup[s] as number,
              });
            }
          }
        }
        broken = cls === BREAK || (cls === DOT && length !== 1 && !this.wordAt(text, i + 1, to));
      } else if (cls === BREAK || (cls === DOT && !this.wordAt(text, i + 1, to))) {
        broken = true;
      }
    }
    return out;
  }

  private wordAt(text: string, i: number, to: number): boolean {
    return i < to && packedOf(text.charCodeAt(i)) >> 16 === WORD;
  }

  private step(state: number, word: number): number {
    const { transStart, transWord, transNext } = this.data;
    let lo = transStart[state] as number;
    let hi = (transStart[state + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = transWord[mid] as number;
      if (w === word) return transNext[mid] as number;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Word id of the folded `text[start, end)` with the given hash, or -1. */
  private lookup(text: string, start: number, end: number, hash: number, length: number): number {
    const { dictHash, dictWord } = this.data;
    const signed = hash | 0;
    for (let slot = signed & this.mask; ; slot = (slot + 1) & this.mask) {
      const word = dictWord[slot] as number;
      if (word < 0) return -1;
      if (dictHash[slot] === signed && this.equals(word, text, start, end, length)) return word;
    }
  }

  private equals(word: number, text: string, start: number, end: number, length: number): boolean {
    const { wordStart, wordChars } = this.data;
    let k = wordStart[word] as number;
    if ((wordStart[word + 1] as number) - k !== length) return false;
    for (let i = start; i < end; i++) {
      const packed = PACKED[text.charCodeAt(i)] as number;
      if (packed >> 16 === IGNORE) continue;
      if ((packed & 0xffff) !== wordChars[k++]) return false;
    }
    return true;
  }

  /**
   * Arabic writes some prepositions and "and" onto the next word: بدرعا is "in Daraa", والرقة
   * "and Raqqa", للرقة "for Raqqa" (ل + الرقة with the alif elided). Try the word without them.
   */
  private lookupWithoutProclitic(
    text: string,
    start: number,
    end: number,
  ): { word: number; start: number } {
    const first = packedOf(text.charCodeAt(start)) & 0xffff;
    const second = packedOf(text.charCodeAt(start + 1)) & 0xffff;
    const miss = { word: -1, start };
    if (!PROCLITICS.has(first)) return miss;
    if (first === 0x0644 && second === 0x0644) {
      const word = this.lookupFolded([0x0627, 0x0644], text, start + 2, end);
      if (word >= 0) return { word, start: start + 1 };
    }
    let word = this.lookupFolded([], text, start + 1, end);
    if (word >= 0) return { word, start: start + 1 };
    if ((first === 0x0648 || first === 0x0641) && PROCLITICS.has(second) && second !== first) {
      word = this.lookupFolded([], text, start + 2, end);
      if (word >= 0) return { word, start: start + 2 };
    }
    return miss;
  }

  private lookupFolded(prefix: number[], text: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    let length = prefix.length;
    for (const code of prefix) hash = Math.imul(hash ^ code, FNV_PRIME);
    const units: number[] = [...prefix];
    for (let i = start; i < end; i++) {
      const packed = packedOf(text.charCodeAt(i));
      if (packed >> 16 === IGNORE) continue;
      const folded = packed & 0xffff;
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      units.push(folded);
      length++;
    }
    if (length < 2) return -1;
    const { dictHash, dictWord, wordStart, wordChars } = this.data;
    const signed = hash | 0;
    for (let slot = signed & this.mask; ; slot = (slot + 1) & this.mask) {
      const word = dictWord[slot] as number;
      if (word < 0) return -1;
      if (dictHash[slot] !== signed) continue;
      const k = wordStart[word] as number;
      if ((wordStart[word + 1] as number) - k !== length) continue;
      if (units.every((unit, i) => wordChars[k + i] === unit)) return word;
    }
  }
}
