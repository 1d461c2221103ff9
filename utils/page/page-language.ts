/**
 * The language a page says it is written in: `<html lang>`, else a `Content-Language` meta, else
 * Open Graph's locale. Sent with the page's first batch so live discovery asks the Wikipedia of
 * the page's language (the background checks it against the text). Undefined when the page
 * says nothing usable.
 */
export function declaredLanguage(doc: Document): string | undefined {
  const candidates = [
    doc.documentElement?.getAttribute('lang'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content'),
  ];
  for (const value of candidates) {
    const tag = value?.trim().split(',')[0]?.trim();
    if (tag && tag.length <= 35 && /^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(tag)) return tag;
  }
  return undefined;
}
