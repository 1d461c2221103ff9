import type { OnDemandParts } from './on-demand-parts';

export type { OnDemandParts };

/** Where the on-demand file leaves its parts, in the content script's own world. */
export const ON_DEMAND_SLOT = Symbol.for('backstory.in-page-on-demand');

/** Read the parts the on-demand file left (after importing it). */
export function onDemandPartsIn(world: object): OnDemandParts {
  const parts = (world as Record<symbol, OnDemandParts | undefined>)[ON_DEMAND_SLOT];
  if (!parts) throw new Error('Backstory: the on-demand part of the page script did not load');
  return parts;
}
