import type { MessageKey } from '../i18n/translator';

/** The context menu on a selection: item id and catalogue message of its title. */
export const SELECTION_MENU: readonly (readonly [string, MessageKey])[] = [
  ['explain-selection', 'menu_explain'],
  ['add-entity', 'menu_add_entity'],
];

/** The options page with its entity form open on the selected words (at most a name's length). */
export function addEntityUrl(optionsPage: string, selected: string): string {
  const name = selected.replace(/\s+/g, ' ').trim().slice(0, 120);
  return name ? `${optionsPage}#${new URLSearchParams({ add: name })}` : optionsPage;
}
