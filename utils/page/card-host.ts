import {
  CARD_MAX_HEIGHT,
  CARD_WIDTH,
  type CardOpener,
  type CardScheme,
  FRAME_MARGIN,
  type FromFrame,
} from '../card/frame-messages';
import type { FoundEntity } from '../messages/protocol';
import { type CardFrameLink, hideFromTopLayer, showInTopLayer } from './card-frame-link';
import { EDGE, FramePlacement } from './frame-placement';
import { type Mention, mentionText } from './mention';
import { mentionLanguage } from './mention-language';
import type { PageInput } from './page-input';

/** Milliseconds a card stays after the pointer leaves, so the pointer can travel onto it. */
export const HIDE_GRACE = 300;

/** What the card host needs from its page and extension. */
export interface CardHostDeps {
  doc: Document;
  /** The reader's input (trusted only): Escape closes the card. */
  input: PageInput;
  /** Create the card frame and its private line (called once, when a card is first wanted). */
  connect(): Promise<CardFrameLink>;
  /** The entity a mention names. */
  describe(mention: Mention): FoundEntity | null;
  /** Show a mention as focused in the page (or none). */
  focus(mention: Mention | null): void;
  /** Is the page light or dark where it is read? */
  scheme(): CardScheme;
}

/**
 * Owns the hover card from the page's side: one card at a time, the card frame's place beside the
 * mention (never over it, following it as the page scrolls), the grace period before it hides,
 * focus for keyboard users, and teardown. Made on first use: a page nobody hovers never builds it.
 * It knows which entity to show and nothing more: the frame, an extension page, asks the
 * background for the card and renders it where the page cannot read it. Only the reader's own
 * input moves or closes it (what opens it: {@link HoverIntent}, the keyboard commands, touch).
 */
export class CardHost {
  private link: CardFrameLink | null = null;
  private linking: Promise<CardFrameLink> | null = null;
  private current: Mention | null = null;
  private opener: CardOpener = 'hover';
  private pointer: { x: number; y: number } | undefined;
  private shown = false;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly placement: FramePlacement;
  private request = 0;
  private returnFocus: HTMLElement | null = null;
  private pointerOnCard = false;
  /**
   * A card opened from the keyboard takes the focus again, once, when the reader comes back to
   * the window: the tab may not have been in front when it opened, or lost the focus just after.
   */
  private focusOnReturn = false;

  constructor(
    private readonly deps: CardHostDeps,
    private readonly signal: AbortSignal,
  ) {
    this.placement = new FramePlacement(deps.doc, signal);
    deps.input.on('keydown', (event) => {
      if (event.key !== 'Escape' || !this.current) return;
      event.stopPropagation();
      this.close();
    });
    deps.input.on('focus', (event) => {
      // The reader is back in this tab (the command came as the tab changed, another window had
      // the focus): the card opened from the keyboard takes the focus it could not take then.
      // The window's own focus, not an element's (its target is no node).
      if ((event.target as Partial<Node> | null)?.nodeType !== undefined) return;
      if (!this.focusOnReturn) return;
      this.focusOnReturn = false;
      const frame = this.link?.frame;
      if (!frame || !this.shown || this.opener !== 'keyboard') return;
      // Only when the page's focus is nowhere: the card still holding it keeps where it is inside
      // (focusing the frame again would move it to the card's start), and a place the reader
      // put it on the page meanwhile stays.
      const active = this.deps.doc.activeElement;
      if (active && active !== this.deps.doc.body) return;
      frame.focus({ preventScroll: true });
    });
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  /** The mention whose card is open (or opening). */
  get openMention(): Mention | null {
    return this.current;
  }

  /** Is the reader's pointer on the card? */
  get pointerIsOnCard(): boolean {
    return this.pointerOnCard;
  }

  /**
   * Open the card for a mention now (keyboard command, touch, or hover after its delay).
   * @param pointer where the reader's pointer is, for a hover: the card follows the line under it
   */
  async open(
    mention: Mention,
    opener: CardOpener = 'hover',
    pointer?: { x: number; y: number },
  ): Promise<void> {
    clearTimeout(this.hideTimer);
    const about = this.deps.describe(mention);
    if (!about || this.signal.aborted) return;
    if (opener === 'keyboard' && !this.returnFocus) {
      const active = this.deps.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement ? active : null;
    }
    this.current = mention;
    this.opener = opener;
    this.pointer = opener === 'hover' ? pointer : undefined;
    this.deps.focus(mention);
    const request = ++this.request;
    const link = await this.ensureLink();
    if (request !== this.request || this.current !== mention) return;
    const win = this.deps.doc.defaultView;
    const maxWidth = Math.min(CARD_WIDTH, (win?.innerWidth ?? CARD_WIDTH) - 2 * EDGE);
    const maxHeight = Math.min(CARD_MAX_HEIGHT, Math.round((win?.innerHeight ?? 800) * 0.7));
    // Laid out, but unseen until the frame says how big the card is.
    this.placement.resize(link.frame, maxWidth + 2 * FRAME_MARGIN, 120);
    showInTopLayer(link.frame);
    link.post({
      type: 'show',
      request,
      id: about.id,
      name: about.name,
      kind: about.kind,
      // Marks the packs made can be corrected; live discovery's are Wikipedia's, not the packs'.
      ...optional(
        'surface',
        mention.explained?.surface ?? ((!mention.live && mentionText(mention)) || undefined),
      ),
      opener,
      scheme: this.deps.scheme(),
      ...optional('language', mentionLanguage(mention)),
      maxWidth,
      maxHeight,
    });
  }

  /** Close the card; keyboard users get their focus back where it was. */
  close(): void {
    clearTimeout(this.hideTimer);
    this.request++;
    if (!this.current) return;
    this.current = null;
    this.shown = false;
    this.pointerOnCard = false;
    this.focusOnReturn = false;
    this.deps.focus(null);
    this.placement.stop();
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
  preload(): void {
    void this.ensureLink().catch(() => {});
  }

  /** Keep the open card: the pointer came back to its mention. */
  stay(): void {
    clearTimeout(this.hideTimer);
  }

  /** Hide the card after the grace period, unless the pointer reaches it first. */
  hideSoon(): void {
    clearTimeout(this.hideTimer);
    if (this.returnFocus) return; // a keyboard-opened card waits for Escape or a click elsewhere
    this.hideTimer = setTimeout(() => {
      if (!this.pointerOnCard) this.close();
    }, HIDE_GRACE);
  }

  private ensureLink(): Promise<CardFrameLink> {
    this.linking ??= this.deps.connect().then((link) => {
      const trusted = this.deps.input.isTrusted;
      link.onMessage((message) => this.fromFrame(message));
      link.frame.addEventListener(
        'pointerenter',
        (event) => {
          if (!trusted(event)) return;
          this.pointerOnCard = true;
          clearTimeout(this.hideTimer);
        },
        { signal: this.signal },
      );
      // Leaving the card does not hide it by itself: the reader's next move over the page does
      // (hover intent), as it would from the mention. A card that changes under the pointer (the
      // reader chose another meaning, and the shorter card no longer reaches the pointer) stays
      // until the reader moves.
      link.frame.addEventListener(
        'pointerleave',
        (event) => {
          if (!trusted(event)) return;
          this.pointerOnCard = false;
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
    this.placement.resize(link.frame, message.width, message.height);
    if (this.shown) {
      this.placement.replace();
      return;
    }
    this.shown = true;
    this.placement.follow(link.frame, mention, this.pointer, () => this.current === mention);
    if (this.opener === 'keyboard') {
      link.frame.focus({ preventScroll: true });
      this.focusOnReturn = true;
    }
  }
}

/** `{ [key]: value }` when there is a value: optional message fields stay absent, not undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
