import type { EntityKind } from '../../utils/knowledge/schema';
import { KIND_CODES } from '../../utils/match/matcher-data';
import { PageMatch, type PageMention } from '../../utils/match/page-match';
import { inBatches } from '../../utils/page/batches';
import type { Knowledge } from './knowledge';

/** A mark the engine makes: `blocks[block].slice(start, end)` names the entity `id`. */
export interface Mark {
  block: number;
  start: number;
  end: number;
  surface: string;
  id: string;
  /** Its Wikidata id, when it has one. */
  wikidata: string | null;
  /** Its display name. */
  name: string;
  kind: EntityKind;
  /** Found by live discovery (not in the packs). */
  live?: true;
}

/**
 * Mark one document's blocks as the extension marks a page: one {@link PageMatch} for the
 * document, fed in the annotator's batches, every mention and every released one kept (mentions
 * still waiting at the end are never shown, so they are not marks).
 * @param date the article's date (`YYYY-MM-DD`), when known
 */
export function markBlocks(knowledge: Knowledge, blocks: readonly string[], date?: string): Mark[] {
  const { data } = knowledge.matcher;
  const page = new PageMatch<number>(knowledge.matcher, date ? { articleDate: date } : {});
  const found: PageMention<number>[] = [];
  const keyed = blocks.map((text, key) => ({ key, text }));
  for (const batch of inBatches(keyed, (block) => block.text.length)) {
    const { mentions, released } = page.match(batch);
    found.push(...mentions, ...released);
  }
  found.sort((a, b) => a.key - b.key || a.start - b.start);
  return found.map(({ key, start, end, entity }) => {
    const id = data.entityIds.at(entity) as string;
    const known = knowledge.entity(id);
    return {
      block: key,
      start,
      end,
      surface: (blocks[key] as string).slice(start, end),
      id,
      wikidata: knowledge.wikidataId(id) ?? null,
      name: known?.name ?? (data.entityNames.at(entity) as string),
      kind: known?.kind ?? (KIND_CODES[data.entityKinds[entity] as number] as EntityKind),
    };
  });
}
