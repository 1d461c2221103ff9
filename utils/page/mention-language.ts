import { primaryLanguage } from '../i18n/languages';
import type { Mention } from './mention';

/** Letters of the Arabic script (Arabic, Persian, Urdu, Kurdish…), presentation forms included. */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Languages written in the Arabic script, so a page that says it is one of them is believed. */
const ARABIC_SCRIPT_LANGUAGES = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'ku', 'sd', 'ug']);

/**
 * The language of the text around a mention, for the card: what the nearest `lang` attribute
 * says (the block's, else the page's), unless the mention is written in the Arabic script and
 * that attribute names a language that is not (a page marked English quoting درعا): then Arabic.
 * One `closest()` and a look at the mention's own text; undefined when neither tells.
 */
export function mentionLanguage(mention: Mention): string | undefined {
  const declared = primaryLanguage(mention.block.closest('[lang]')?.getAttribute('lang'));
  const node = mention.nodes[0];
  const text = node
    ? node.data.slice(mention.range.startOffset, mention.range.startOffset + 80)
    : '';
  if (ARABIC_SCRIPT.test(text) && !(declared && ARABIC_SCRIPT_LANGUAGES.has(declared))) return 'ar';
  return declared;
}

/** Which way the mention's line runs, as the page lays it out. */
export function mentionDirection(mention: Mention, win: Window): 'ltr' | 'rtl' {
  const element = mention.nodes[0]?.parentElement ?? mention.block;
  return win.getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
}
