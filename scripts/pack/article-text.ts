/**
 * The readable blocks of a simple HTML article, without a DOM: good enough for our own fixture
 * articles in reports and Node benchmarks (the extension itself reads the live DOM).
 */
export function articleBlocks(html: string): string[] {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|head|noscript|template|pre|code|textarea|svg)\b[\s\S]*?<\/\1>/gi, ' ');
  return body
    .split(
      /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|figcaption|figure|header|footer|aside|section|article|main|nav|br|tr|td|th|table|dd|dt)\b[^>]*>/i,
    )
    .map((block) =>
      decodeEntities(block.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1]?.toLowerCase() === 'x'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
