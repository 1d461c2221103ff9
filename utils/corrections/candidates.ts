import type { Scanner } from '../match/layers';
import { PageMatch } from '../match/page-match';
import { tokenize } from '../match/tokenize';

/**
 * Every entity the packs have for a name, as matcher indexes, in the packs' order (each id once):
 * the candidates of the alias groups that match the whole name. What "Not this?" offers.
 */
export function candidatesFor(matcher: Scanner, name: string): number[] {
  const words = tokenize(name);
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return [];
  const { groupStart, groupMentionEnd, candEntity, entityIds } = matcher.data;
  const seen = new Set<string>();
  const out: number[] = [];
  for (const raw of matcher.scan(name)) {
    if (raw.start !== first.start || raw.end !== last.end) continue;
    for (let c = groupStart[raw.group] as number; c < (groupMentionEnd[raw.group] as number); c++) {
      const entity = candEntity[c] as number;
      const id = entityIds.at(entity) as string;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(entity);
    }
  }
  return out;
}

/**
 * What a selected text names, as the packs see it: the resolver's choice for the longest name in
 * it (the selection read as a page of its own), or null when the packs know no name there.
 * Returns the span too, so the caller can check its corrections for that name.
 */
export function explainSelection(
  matcher: Scanner,
  text: string,
): { entity: number; start: number; end: number } | null {
  const mentions = new PageMatch<number>(matcher).matchAll([{ key: 0, text }]);
  let best = mentions[0];
  for (const m of mentions) if (best && m.end - m.start > best.end - best.start) best = m;
  if (best) return { entity: best.entity, start: best.start, end: best.end };
  // Nothing the resolver would mark on its own (a short name without context): the best-known
  // candidate of the longest name found.
  let longest: { start: number; end: number; candidates: number[] } | null = null;
  for (const raw of matcher.scan(text)) {
    if (longest && raw.end - raw.start <= longest.end - longest.start) continue;
    const candidates = candidatesFor(matcher, text.slice(raw.start, raw.end));
    if (candidates.length > 0) longest = { start: raw.start, end: raw.end, candidates };
  }
  if (!longest) return null;
  const popularity = matcher.data.entityPopularity;
  const entity = longest.candidates.reduce((a, b) =>
    (popularity[b] as number) > (popularity[a] as number) ? b : a,
  );
  return { entity, start: longest.start, end: longest.end };
}
