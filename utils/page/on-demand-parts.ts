import { type ContentProtocol, contentMessages } from '../messages/content-messages';
import { createRouter, type Handlers } from '../messages/router';
import { createCardFrame } from './card-frame-link';
import { CardHost } from './card-host';
import { explainSelection } from './explain-selection';
import { MentionFocus } from './mention-focus';
import { pageScheme } from './scheme';

/** The router for what the popup and the background ask a page, with its schemas. */
function contentRouter(handlers: Handlers<ContentProtocol>, ownId: string) {
  return createRouter(handlers, contentMessages(), ownId);
}

/**
 * What the script in pages loads only when it is first needed, from its own file
 * (`entrypoints/in-page-on-demand.ts`): the card host and its frame, the keyboard's focus, and the
 * answers to the popup and the background (with the message schemas), and the card of a selection
 * the reader asked to explain. A page nobody hovers,
 * steps through or asks about never compiles any of it.
 */
export const onDemandParts = {
  CardHost,
  MentionFocus,
  createCardFrame,
  pageScheme,
  contentRouter,
  explainSelection,
};

export type OnDemandParts = typeof onDemandParts;
