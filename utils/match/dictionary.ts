import { hashUnits } from './tokenize';

/**
 * The word dictionary's open-addressing hash table, from the folded words (`wordChars`, split by
 * `wordStart`). Sparse on purpose (a quarter full at most): most words of a page are in no name,
 * and an empty first slot says so at once. Built when a matcher is compiled and again when one is
 * loaded, since it is larger to ship than to build.
 */
export function buildDictionary(
  wordStart: Uint32Array,
  wordChars: Uint16Array,
): { dictHash: Int32Array; dictWord: Int32Array } {
  const words = wordStart.length - 1;
  let capacity = 16;
  while (capacity < words * 4) capacity *= 2;
  const dictHash = new Int32Array(capacity);
  const dictWord = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  for (let w = 0; w < words; w++) {
    const hash = hashUnits(wordChars, wordStart[w] as number, wordStart[w + 1] as number);
    let slot = hash & mask;
    while ((dictWord[slot] as number) !== -1) slot = (slot + 1) & mask;
    dictHash[slot] = hash | 0;
    dictWord[slot] = w;
  }
  return { dictHash, dictWord };
}
