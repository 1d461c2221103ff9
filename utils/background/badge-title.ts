import type { Translator } from '../i18n/translator';

/**
 * The toolbar button's tooltip for a page, in the reader's language: how many known names the
 * page has ("Backstory: 12 entities on this page"), or just the name where Backstory is off.
 */
export function badgeTitle(t: Translator, count: { active: boolean; entities: number }): string {
  return count.active ? t.plural('badge_title', count.entities) : t.t('ext_name');
}
