import { FRAME_MARGIN } from '../card/frame-messages';
import { liveRange } from './hit';
import type { Mention } from './mention';
import { mentionDirection } from './mention-language';
import { placeCard } from './placement';

/** Room kept between the card and the edges of the viewport. */
export const EDGE = 8;
/**
 * Room between the mention and the card: the frame's transparent margin (for the card's shadow)
 * then ends at the mention's line, so the frame never lies over the text the reader points at.
 */
const GAP = FRAME_MARGIN;

/**
 * The card frame's size and place: beside its mention (below, or above when there is no room),
 * never on it, following it while the page scrolls or the window changes size.
 */
export class FramePlacement {
  private size = { width: 0, height: 0 };
  private update: (() => void) | null = null;
  private stopFollowing: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {}

  /** Give the frame a size (the card's, with the frame's margin). */
  resize(frame: HTMLIFrameElement, width: number, height: number): void {
    this.size = { width: Math.ceil(width), height: Math.ceil(height) };
    frame.style.setProperty('width', `${this.size.width}px`);
    frame.style.setProperty('height', `${this.size.height}px`);
  }

  /** Place the frame again at once (its size changed), if it follows a mention. */
  replace(): void {
    this.update?.();
  }

  /**
   * Place the frame beside `mention` and keep it there until {@link stop}, while `isCurrent`.
   * @param pointer where the reader's pointer is, for a hover: the card follows the line under it
   */
  follow(
    frame: HTMLIFrameElement,
    mention: Mention,
    pointer: { x: number; y: number } | undefined,
    isCurrent: () => boolean,
  ): void {
    this.stop();
    const win = this.doc.defaultView;
    if (!win) return;
    const direction = mentionDirection(mention, win);
    const update = () => {
      if (!isCurrent()) return;
      // The frame's transparent margin holds the card's shadow: place the card, not the frame.
      const { x, y } = placeCard({
        lines: [...liveRange(this.doc, mention).getClientRects()],
        pointer,
        width: this.size.width - 2 * FRAME_MARGIN,
        height: this.size.height - 2 * FRAME_MARGIN,
        viewport: { width: win.innerWidth, height: win.innerHeight },
        gap: GAP,
        edge: EDGE,
        direction,
      });
      frame.style.setProperty('left', `${x - FRAME_MARGIN}px`);
      frame.style.setProperty('top', `${y - FRAME_MARGIN}px`);
      frame.style.setProperty('visibility', 'visible');
    };
    this.update = update;
    this.stopFollowing = everyFrameAfter(win, ['scroll', 'resize'], update, this.signal);
    update();
  }

  /** Stop following the mention. */
  stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.update = null;
  }
}

/**
 * Run `update` once per animation frame after any of the window's `events`, until the returned
 * function is called (or the signal ends).
 */
function everyFrameAfter(
  win: Window,
  events: string[],
  update: () => void,
  signal: AbortSignal,
): () => void {
  let queued = 0;
  const later = () => {
    queued ||= win.requestAnimationFrame(() => {
      queued = 0;
      update();
    });
  };
  const stop = new AbortController();
  const options = { capture: true, passive: true, signal: AbortSignal.any([stop.signal, signal]) };
  for (const type of events) win.addEventListener(type, later, options);
  return () => {
    stop.abort();
    win.cancelAnimationFrame(queued);
  };
}
