/**
 * Remote text is data, never markup. These helpers turn what a service sends into short plain
 * strings a card can show, and into words for comparing a candidate with the page.
 */

const TAG = /<[^>]*>/g;
const CONTROL = /\p{Cc}/gu;
const SPACE = /\s+/g;

/**
 * Plain text from a remote string: tags dropped (the services promise plain text, but a
 * description edited to hold `<b>` must not reach a card as markup), control characters removed,
 * white space collapsed, and cut at `max` characters on a word boundary with an ellipsis.
 * Returns undefined for anything that is not a non-empty string.
 */
export function plainText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(TAG, ' ').replace(CONTROL, ' ').replace(SPACE, ' ').trim();
  if (text.length === 0) return undefined;
  return clip(text, max);
}

/** Cut a string to at most `max` characters, preferring a word boundary, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Words that say nothing about which of two namesakes is meant. */
const STOP_WORDS = new Set(
  (
    'and are also for from has have into its not that the this was were which who whom with ' +
    'may refer other name names'
  ).split(' '),
);

/**
 * The distinct content words of a text, lower-cased and without diacritics: what two texts are
 * compared on. Letters of any script count (Arabic names and descriptions compare too).
 */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const word of folded.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length >= 3 && !STOP_WORDS.has(word)) words.add(word);
  }
  return words;
}
