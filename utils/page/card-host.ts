import {
  CARD_MAX_HEIGHT,
  CARD_WIDTH,
  type CardOpener,
  type CardScheme,
  FRAME_MARGIN,
  type FromFrame,
} from '../card/frame-messages';
import type { FoundEntity } from '../messages/protocol';
import type { CardFrameLink } from './card-frame-link';
import { liveRange } from './hit';
import type { Mention } from './mention';
import { mentionDirection, mentionLanguage } from './mention-language';
import { placeCard } from './placement';

/** Milliseconds the pointer rests on a mention before its card opens. */
export const OPEN_DELAY = 350;
/** Milliseconds a card stays after the pointer leaves, so the pointer can travel onto it. */
export const HIDE_GRACE = 300;
/** Room kept between the card and the edges of the viewport. */
const EDGE = 8;
/**
 * Room between the mention and the card: the frame's transparent margin (for the card's shadow)
 * then ends at the mention's line, so the frame never lies over the text the reader points at.
 */
const GAP = FRAME_MARGIN;

/** What the card host needs from its page and extension. */
export interface CardHostDeps {
  doc: Document;
  /** Create the card frame and its private line (called once, when a card is first wanted). */
  connect(): Promise<CardFrameLink>;
  /** Mention under a viewport point, or null (the annotator's hit test). */
  mentionAt(x: number, y: number): Mention | null;
  /** The entity a mention names. */
  describe(mention: Mention): FoundEntity | null;
  /** Show a mention as focused in the page (or none). */
  focus(mention: Mention | null): void;
  /** Is the page light or dark where it is read? */
  scheme(): CardScheme;
  /**
   * Did the reader make this event? `event.isTrusted` (the default); unit tests, which can only
   * dispatch synthetic events, pass their own.
   */
  isTrusted?: (event: Event) => boolean;
}

/**
 * Owns the hover card from the page's side: hover intent, one card at a time, the card frame's
 * place beside the mention (never over it), keyboard and touch, and teardown. It knows which
 * entity to show and nothing more: the frame, an extension page, asks the background for the
 * card and renders it where the page cannot read it. Only the reader's own input (trusted events
 * that really moved the pointer, pressed a key or touched the screen) opens, moves or closes it.
 */
export class CardHost {
  private link: CardFrameLink | null = null;
  private linking: Promise<CardFrameLink> | null = null;
  private current: Mention | null = null;
  private pending: Mention | null = null;
  private opener: CardOpener = 'hover';
  private shown = false;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private stopPositioning: (() => void) | null = null;
  private reposition: (() => void) | null = null;
  private size = { width: 0, height: 0 };
  private request = 0;
  private frame = 0;
  private pointer = { x: Number.NaN, y: Number.NaN };
  private returnFocus: HTMLElement | null = null;
  private pointerOnCard = false;

  private readonly trusted: (event: Event) => boolean;

  constructor(
    private readonly deps: CardHostDeps,
    private readonly signal: AbortSignal,
  ) {
    this.trusted = deps.isTrusted ?? ((event) => event.isTrusted);
    const win = deps.doc.defaultView;
    if (!win) return;
    const options = { capture: true, passive: true, signal };
    win.addEventListener('pointermove', (event) => this.pointerMoved(event), options);
    win.addEventListener('pointerdown', (event) => this.pointerDown(event), options);
    win.addEventListener('keydown', (event) => this.keyDown(event), { capture: true, signal });
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  /** The mention whose card is open (or opening). */
  get openMention(): Mention | null {
    return this.current;
  }

  /** Open the card for a mention now (keyboard command, touch, or hover after its delay). */
  async open(mention: Mention, opener: CardOpener = 'hover'): Promise<void> {
    clearTimeout(this.openTimer);
    clearTimeout(this.hideTimer);
    this.pending = null;
    const about = this.deps.describe(mention);
    if (!about || this.signal.aborted) return;
    if (opener === 'keyboard' && !this.returnFocus) {
      const active = this.deps.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement ? active : null;
    }
    this.current = mention;
    this.opener = opener;
    this.deps.focus(mention);
    const request = ++this.request;
    const link = await this.ensureLink();
    if (request !== this.request || this.current !== mention) return;
    const win = this.deps.doc.defaultView;
    const maxWidth = Math.min(CARD_WIDTH, (win?.innerWidth ?? CARD_WIDTH) - 2 * EDGE);
    const maxHeight = Math.min(CARD_MAX_HEIGHT, Math.round((win?.innerHeight ?? 800) * 0.7));
    // Laid out, but unseen until the frame says how big the card is.
    this.setSize(link.frame, maxWidth + 2 * FRAME_MARGIN, 120);
    showInTopLayer(link.frame);
    link.post({
      type: 'show',
      request,
      id: about.id,
      name: about.name,
      kind: about.kind,
      opener,
      scheme: this.deps.scheme(),
      ...optional('language', mentionLanguage(mention)),
      maxWidth,
      maxHeight,
    });
  }

  /** Close the card; keyboard users get their focus back where it was. */
  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.hideTimer);
    this.request++;
    this.pending = null;
    if (!this.current) return;
    this.current = null;
    this.shown = false;
    this.pointerOnCard = false;
    this.deps.focus(null);
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.reposition = null;
    if (this.link) {
      this.link.post({ type: 'hide' });
      this.link.frame.style.setProperty('visibility', 'hidden');
      hideFromTopLayer(this.link.frame);
    }
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
    else if (this.link && this.deps.doc.activeElement === this.link.host) this.link.host.blur();
  }

  /** Start loading the frame early: while the reader's pointer rests, before the card is due. */
  private ensureLink(): Promise<CardFrameLink> {
    this.linking ??= this.deps.connect().then((link) => {
      link.onMessage((message) => this.fromFrame(message));
      link.frame.addEventListener(
        'pointerenter',
        (event) => {
          if (!this.trusted(event)) return;
          this.pointerOnCard = true;
          clearTimeout(this.hideTimer);
        },
        { signal: this.signal },
      );
      link.frame.addEventListener(
        'pointerleave',
        (event) => {
          if (!this.trusted(event)) return;
          this.pointerOnCard = false;
          this.scheduleHide();
        },
        { signal: this.signal },
      );
      this.link = link;
      return link;
    });
    this.linking.catch(() => {
      this.linking = null;
    });
    return this.linking;
  }

  private fromFrame(message: FromFrame): void {
    if (message.type === 'close') {
      this.close();
      return;
    }
    const link = this.link;
    const mention = this.current;
    if (!link || !mention || message.request !== this.request) return;
    this.setSize(link.frame, message.width, message.height);
    if (this.shown) {
      this.reposition?.();
      return;
    }
    this.shown = true;
    this.place(link.frame, mention);
    if (this.opener === 'keyboard') link.frame.focus({ preventScroll: true });
  }

  private setSize(frame: HTMLIFrameElement, width: number, height: number): void {
    this.size = { width: Math.ceil(width), height: Math.ceil(height) };
    frame.style.setProperty('width', `${this.size.width}px`);
    frame.style.setProperty('height', `${this.size.height}px`);
  }

  /**
   * Keep the card beside the mention (below, or above when there is no room), never on it, and
   * follow it while the page scrolls or the window changes size.
   */
  private place(frame: HTMLIFrameElement, mention: Mention): void {
    this.stopPositioning?.();
    const win = this.deps.doc.defaultView;
    if (!win) return;
    const pointer =
      this.opener === 'hover' && Number.isFinite(this.pointer.x) ? { ...this.pointer } : undefined;
    const direction = mentionDirection(mention, win);
    const update = () => {
      if (this.current !== mention) return;
      // The frame's transparent margin holds the card's shadow: place the card, not the frame.
      const { x, y } = placeCard({
        lines: [...liveRange(this.deps.doc, mention).getClientRects()],
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
    let queued = 0;
    const later = () => {
      queued ||= win.requestAnimationFrame(() => {
        queued = 0;
        update();
      });
    };
    const stop = new AbortController();
    const options = {
      capture: true,
      passive: true,
      signal: AbortSignal.any([stop.signal, this.signal]),
    };
    win.addEventListener('scroll', later, options);
    win.addEventListener('resize', later, options);
    this.reposition = update;
    this.stopPositioning = () => {
      stop.abort();
      win.cancelAnimationFrame(queued);
    };
    update();
  }

  private pointerMoved(event: PointerEvent): void {
    // Only the reader's own pointer, and only when it really moved: a page can neither forge a
    // hover nor scroll a mention under a resting pointer (browsers then fire a move in place).
    if (!this.trusted(event) || event.pointerType === 'touch') return;
    if (event.clientX === this.pointer.x && event.clientY === this.pointer.y) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.frame) return;
    const win = this.deps.doc.defaultView;
    this.frame =
      win?.requestAnimationFrame(() => {
        this.frame = 0;
        this.hoverAt(this.pointer.x, this.pointer.y);
      }) ?? 0;
  }

  private hoverAt(x: number, y: number): void {
    if (this.pointerOnCard || this.signal.aborted) return;
    const mention = this.deps.mentionAt(x, y);
    if (mention && mention === this.current) {
      clearTimeout(this.hideTimer);
      return;
    }
    if (mention) {
      clearTimeout(this.hideTimer);
      // Moving from one card's mention straight to another: no second wait.
      if (this.current) {
        void this.open(mention, 'hover');
        return;
      }
      if (mention !== this.pending) {
        this.pending = mention;
        clearTimeout(this.openTimer);
        void this.ensureLink().catch(() => {});
        this.openTimer = setTimeout(() => void this.open(mention, 'hover'), OPEN_DELAY);
      }
      return;
    }
    this.pending = null;
    clearTimeout(this.openTimer);
    if (this.current) this.scheduleHide();
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    if (this.returnFocus) return; // a keyboard-opened card waits for Escape or a click elsewhere
    this.hideTimer = setTimeout(() => {
      if (!this.pointerOnCard) this.close();
    }, HIDE_GRACE);
  }

  private pointerDown(event: PointerEvent): void {
    if (!this.trusted(event)) return;
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      const mention = this.deps.mentionAt(event.clientX, event.clientY);
      if (mention) {
        void this.open(mention, 'touch');
        return;
      }
    }
    if (this.current) this.close();
  }

  private keyDown(event: KeyboardEvent): void {
    if (!this.trusted(event) || event.key !== 'Escape' || !this.current) return;
    event.stopPropagation();
    this.close();
  }
}

/** `{ [key]: value }` when there is a value: optional message fields stay absent, not undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Show the frame in the top layer where the browser has popovers; else as a fixed, topmost box. */
function showInTopLayer(frame: HTMLElement): void {
  if (typeof frame.showPopover !== 'function') frame.hidden = false;
  else if (!isShown(frame)) frame.showPopover();
}

function hideFromTopLayer(frame: HTMLElement): void {
  if (typeof frame.hidePopover !== 'function') frame.hidden = true;
  else if (isShown(frame)) frame.hidePopover();
}

/** Is a popover shown? (`:popover-open` where the popover API exists, else not `hidden`.) */
function isShown(frame: HTMLElement): boolean {
  try {
    return frame.matches(':popover-open');
  } catch {
    return !frame.hidden;
  }
}
