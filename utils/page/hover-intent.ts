import type { CardHost } from './card-host';
import type { Mention } from './mention';
import type { PageInput } from './page-input';

/** Milliseconds the pointer rests on a mention before its card opens. */
export const OPEN_DELAY = 350;

/** What hover intent needs: the hit test, and the card host (made on first use). */
export interface HoverDeps {
  /** The painted mention under a viewport point, or null (the annotator's hit test). */
  mentionAt(x: number, y: number): Mention | null;
  /** The card host, made now (its code loaded) if it was not yet. */
  cards(): Promise<CardHost>;
  /** The card host if one was made. */
  madeCards(): CardHost | null;
}

/**
 * Turns the reader's pointer into cards: a card opens when the pointer rests on a mention for
 * {@link OPEN_DELAY}, moves straight to the next mention once one is open, and hides (after the
 * card host's grace period) when the pointer leaves; a touch or pen on a mention opens its card,
 * and any press elsewhere closes it. Started once the page has marks: before that there is
 * nothing to hover. Only trusted input reaches it, and only a pointer that really moved: a page
 * can neither forge a hover nor scroll a mention under a resting pointer (browsers then fire a
 * move in place).
 */
export class HoverIntent {
  private pending: Mention | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private pointer = { x: Number.NaN, y: Number.NaN };
  private frame = 0;

  constructor(
    private readonly win: Window,
    input: PageInput,
    private readonly deps: HoverDeps,
    private readonly signal: AbortSignal,
  ) {
    input.on('pointermove', (event) => this.pointerMoved(event));
    input.on('pointerdown', (event) => this.pointerDown(event));
    signal.addEventListener(
      'abort',
      () => {
        this.cancel();
        win.cancelAnimationFrame(this.frame);
      },
      { once: true },
    );
  }

  /** Forget a card that was about to open. */
  cancel(): void {
    this.pending = null;
    clearTimeout(this.openTimer);
  }

  private pointerMoved(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    if (event.clientX === this.pointer.x && event.clientY === this.pointer.y) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.hoverAt(this.pointer.x, this.pointer.y);
    });
  }

  private hoverAt(x: number, y: number): void {
    const made = this.deps.madeCards();
    if (made?.pointerIsOnCard || this.signal.aborted) return;
    const mention = this.deps.mentionAt(x, y);
    const open = made?.openMention ?? null;
    if (mention && mention === open) {
      made?.stay();
      return;
    }
    if (mention) {
      made?.stay();
      // Moving from one card's mention straight to another: no second wait.
      if (made && open) {
        this.cancel();
        void made.open(mention, 'hover', { x, y });
        return;
      }
      if (mention !== this.pending) {
        this.cancel();
        this.pending = mention;
        // The card host's code and its frame load while the pointer rests, before the card is due.
        const cards = this.deps.cards();
        void cards.then(
          (host) => host.preload(),
          () => {},
        );
        this.openTimer = setTimeout(() => {
          void cards.then((host) => {
            if (this.pending !== mention) return;
            this.pending = null;
            // A card opened meanwhile (the keyboard) is not taken over by a hover.
            if (host.openMention) return;
            void host.open(mention, 'hover', { ...this.pointer });
          });
        }, OPEN_DELAY);
      }
      return;
    }
    this.cancel();
    if (open) made?.hideSoon();
  }

  private pointerDown(event: PointerEvent): void {
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      const mention = this.deps.mentionAt(event.clientX, event.clientY);
      if (mention) {
        this.cancel();
        void this.deps.cards().then((host) => host.open(mention, 'touch'));
        return;
      }
    }
    this.cancel();
    const made = this.deps.madeCards();
    if (made?.openMention) made.close();
  }
}
