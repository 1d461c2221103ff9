/**
 * What the page's content script and the card frame say to each other, over a MessagePort the
 * frame accepts only with the token the background vouches for. Nothing private travels this way:
 * the frame asks the background for the card itself.
 */
import type { EntityKind } from '../knowledge/schema';

/** How the card was opened: keyboard-opened cards take the focus. */
export type CardOpener = 'hover' | 'keyboard' | 'touch';

/** The page's colours, so the card matches the page it sits on. */
export type CardScheme = 'light' | 'dark';

/** The content script's messages to the frame. */
export type ToFrame =
  | {
      type: 'show';
      /** Grows with every card asked for; answers to older ones are stale. */
      request: number;
      id: string;
      name: string;
      kind: EntityKind;
      /** The marked words as written on the page, for "Not this?" (absent: no correction offered). */
      surface?: string;
      opener: CardOpener;
      scheme: CardScheme;
      /**
       * The language of the text around the mention (`ar`, `en`; undefined when the page does not
       * say and its script does not tell): the card speaks it where Backstory has a catalogue.
       */
      language?: string;
      /** Room for the card, in CSS pixels (the page's viewport, less a margin). */
      maxWidth: number;
      maxHeight: number;
    }
  | { type: 'hide' };

/** The frame's messages to the content script. */
export type FromFrame =
  | { type: 'size'; request: number; width: number; height: number }
  | { type: 'close'; reason: 'escape' | 'button' };

/** The first message to a card frame: the port to talk on, and the token that proves who sent it. */
export interface FrameGreeting {
  backstoryCard: 1;
  token: string;
}

/** Transparent space around the card inside the frame, for its shadow. */
export const FRAME_MARGIN = 10;
/** The card's width when the page has room for it. */
export const CARD_WIDTH = 360;
/** The card's greatest height (less on short viewports); what does not fit scrolls. */
export const CARD_MAX_HEIGHT = 560;
