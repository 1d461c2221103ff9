/**
 * The local-storage key under which the background publishes the compiled packs' key. Content
 * scripts watch it: a new value means the packs changed and the page is matched again. The
 * packs themselves and the matcher never leave the background's IndexedDB.
 */
export const PACKS_KEY_ITEM = 'packsKey';
