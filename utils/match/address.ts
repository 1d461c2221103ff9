/**
 * Whether a word sits inside an address or code rather than in prose: a place in
 * "…/africa/sudan-sanctions.html" or `paris_export.py` is not a name. Pure functions of a
 * segment's text, used by the resolver.
 */

export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ADDRESS_CHARS = /[/\\:@.=<>{}|#&+*~^_()]|[a-z][A-Z]/;

export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x202f
  );
}

/**
 * Does the text around a match make it part of an address, an e-mail, a path or code? The
 * whitespace-delimited token holding the match is read whole.
 */
export function inAddress(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
  while (to < text.length && !isSpace(text.charCodeAt(to))) to++;
  if (to - from === end - start) return false;
  const token = text.slice(from, to);
  // Most tokens are a word and a comma: nothing an address or code is made of.
  if (!ADDRESS_CHARS.test(token)) return false;
  if (
    /:\/\/|^www\.|@\w|\w\.(?:com|org|net|gov|edu|int|info|io|co|uk|fr|de|es|it|ru|cz|br|ar|jp|html?|php|aspx?|jsp|pdf|jpe?g|png|gif|svg|json|xml|txt|csv|py|js|ts|zip)\b/i.test(
      token,
    )
  )
    return true;
  if ((token.match(/\//g)?.length ?? 0) >= 2 || /\\/.test(token)) return true;
  // Code-like: snake_case, assignments, calls, #hashes glued to words, @handles.
  if (/[_=<>{}|]|::|\w\(\)|^[#@]|[a-z][A-Z]\w*[A-Z]/.test(token)) return true;
  // A name glued to letters by a symbol ("AT&T", "R+D") is inside another word.
  const left = text.charAt(start - 1);
  const right = text.charAt(end);
  return (
    (/[&+*~^]/.test(left) && LETTER_OR_DIGIT.test(text.charAt(start - 2))) ||
    (/[&+*~^]/.test(right) && LETTER_OR_DIGIT.test(text.charAt(end + 1)))
  );
}
