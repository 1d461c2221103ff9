import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ON_DEMAND_SLOT } from '@/utils/page/on-demand';
import { onDemandParts } from '@/utils/page/on-demand-parts';

/**
 * The part of the script in pages loaded when first needed (a card, the keyboard, the popup):
 * `entrypoints/in-page/index.ts` imports this file from the extension when it is, and finds its
 * parts in its own isolated world, where this leaves them. Web-accessible (in Chrome under a
 * per-session address only) so the content script may import it.
 */
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, unknown>)[ON_DEMAND_SLOT] = onDemandParts;
});
