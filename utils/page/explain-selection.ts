import type { FoundEntity } from '../messages/protocol';
import { type Mention, selectionMention } from './mention';

/** The longest text of a selection looked up (the background's schema allows no more). */
const MAX_SELECTION = 500;

/**
 * "Explain with Backstory": the words the reader selected are looked up by the background, and
 * the card of the name it finds in them opens on the selection. Reached only through the
 * browser's own command or context menu (relayed by the background), never by a page's event.
 * @returns the entity shown, or null (nothing selected, or no name the packs know)
 */
export async function explainSelection(
  doc: Document,
  explain: (text: string) => Promise<{ entity: FoundEntity; surface: string } | null>,
  open: (mention: Mention) => void,
): Promise<{ entity: string | null }> {
  const selection = doc.getSelection();
  const text = selection?.toString().replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION) ?? '';
  if (!selection || selection.rangeCount === 0 || !text) return { entity: null };
  const range = selection.getRangeAt(0);
  const explained = await explain(text);
  if (!explained) return { entity: null };
  const mention = selectionMention(doc, range, explained);
  if (!mention) return { entity: null };
  open(mention);
  return { entity: explained.entity.id };
}
