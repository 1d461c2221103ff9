import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { h, render } from 'preact';
import { EntityCard } from '@/components/EntityCard';
import type { VisitedPage } from '../history/history-store';
import type { Entity, EntityKind } from '../knowledge/schema';
import type { LocatorMap } from '../map/locator';
import type { ArticleDate } from '../article-date/choose';
import { liveRange } from '../page/hit';
import type { Mention } from '../page/mention';
import { buildCard, type CardModel } from './view-model';

/** Milliseconds the pointer rests on a mention before its card opens. */
export const OPEN_DELAY = 350;
/** Milliseconds a card stays after the pointer leaves, so the pointer can travel onto it. */
export const HIDE_GRACE = 300;

/** The shadow-root UI a card renders into (WXT's createShadowRootUi in the content script). */
export interface MountedUi {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  remove(): void;
}

/** What the card host needs from its page and extension. */
export interface CardHostDeps {
  doc: Document;
  /** Create and attach the shadow-root UI (called once, on the first card). */
  mount(): Promise<MountedUi>;
  /** The entity and the reader's earlier pages about it, from the background. */
  load(entityId: string): Promise<{ entity: Entity | null; history: VisitedPage[] }>;
  /** A place's locator map (built in the background; null for other entities). */
  loadMap(entityId: string): Promise<LocatorMap | null>;
  /** When the page was published (worked out once, from its metadata). */
  articleDate(): ArticleDate;
  /** Mention under a viewport point, or null (the annotator's hit test). */
  mentionAt(x: number, y: number): Mention | null;
  /** Entity id, name and kind of a mention. */
  describe(mention: Mention): { id: string; name: string; kind: EntityKind } | null;
  /** Show a mention as focused in the page (or none). */
  focus(mention: Mention | null): void;
  now?: () => number;
}

type Opener = 'hover' | 'keyboard' | 'touch';

/**
 * Owns the hover card: hover intent, one card at a time, positioning next to the mention
 * (never over it), loading and stale-answer handling, keyboard and touch, and teardown. The card
 * itself is the pure {@link EntityCard} view.
 */
export class CardHost {
  private ui: MountedUi | null = null;
  private mounting: Promise<MountedUi> | null = null;
  private popover: HTMLElement | null = null;
  private current: Mention | null = null;
  private pending: Mention | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private stopPositioning: (() => void) | null = null;
  private request = 0;
  private frame = 0;
  private pointer = { x: 0, y: 0 };
  private returnFocus: HTMLElement | null = null;
  private pointerOnCard = false;

  constructor(
    private readonly deps: CardHostDeps,
    signal: AbortSignal,
  ) {
    const win = deps.doc.defaultView;
    if (!win) return;
    const options = { capture: true, passive: true, signal };
    win.addEventListener('pointermove', (event) => this.pointerMoved(event), options);
    win.addEventListener('pointerdown', (event) => this.pointerDown(event), options);
    win.addEventListener('keydown', (event) => this.keyDown(event), { capture: true, signal });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** The mention whose card is open (or opening). */
  get openMention(): Mention | null {
    return this.current;
  }

  /** Open the card for a mention now (keyboard focus, touch, or hover after its delay). */
  async open(mention: Mention, opener: Opener = 'hover'): Promise<void> {
    clearTimeout(this.openTimer);
    clearTimeout(this.hideTimer);
    this.pending = null;
    const about = this.deps.describe(mention);
    if (!about) return;
    if (opener === 'keyboard' && !this.returnFocus) {
      const active = this.deps.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement ? active : null;
    }
    this.current = mention;
    this.deps.focus(mention);
    const token = ++this.request;
    await this.show({ state: 'loading', name: about.name, kind: about.kind }, mention);
    if (opener === 'keyboard') this.focusCard();
    let model: CardModel;
    try {
      const { entity, history } = await this.deps.load(about.id);
      model = entity
        ? buildCard(entity, history, this.deps.now?.() ?? Date.now(), this.deps.articleDate())
        : {
            state: 'missing',
            name: about.name,
            message: 'Backstory has no card for this name any more (its pack changed).',
          };
    } catch (error) {
      model = {
        state: 'error',
        name: about.name,
        message: `The card could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    // A newer card was asked for while this one loaded: drop the stale answer.
    if (token !== this.request || this.current !== mention) return;
    await this.show(model, mention);
    if (opener === 'keyboard') this.focusCard();
    if (model.state === 'ready' && model.kind === 'place') {
      // The map comes second: the card is readable at once, the outline follows.
      const map = await this.deps.loadMap(about.id).catch(() => null);
      if (map && token === this.request && this.current === mention)
        await this.show({ ...model, map }, mention);
    }
  }

  /** Close the card; keyboard users get their focus back where it was. */
  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.hideTimer);
    this.request++;
    this.pending = null;
    if (!this.current) return;
    this.current = null;
    this.pointerOnCard = false;
    this.deps.focus(null);
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.ui) render(null, this.ui.container);
    if (this.popover) hideFromTopLayer(this.popover);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  /** Remove the card UI and every listener. */
  destroy(): void {
    this.close();
    this.ui?.remove();
    this.ui = null;
    this.popover = null;
  }

  private async show(model: CardModel, mention: Mention): Promise<void> {
    const ui = await this.ensureUi();
    if (this.current !== mention || !this.popover) return;
    render(h(EntityCard, { model, onClose: () => this.close() }), ui.container);
    showInTopLayer(this.popover);
    this.place(mention);
  }

  private async ensureUi(): Promise<MountedUi> {
    if (this.ui) return this.ui;
    this.mounting ??= this.deps.mount().then((ui) => {
      // The popover puts the card in the top layer, above any z-index the page uses.
      const popover = this.deps.doc.createElement('div');
      popover.className = 'popover';
      popover.setAttribute('popover', 'manual');
      popover.hidden = typeof popover.showPopover !== 'function';
      ui.shadow.append(popover);
      popover.append(ui.container);
      popover.addEventListener('pointerenter', () => {
        this.pointerOnCard = true;
        clearTimeout(this.hideTimer);
      });
      popover.addEventListener('pointerleave', () => {
        this.pointerOnCard = false;
        this.scheduleHide();
      });
      this.popover = popover;
      this.ui = ui;
      return ui;
    });
    return this.mounting;
  }

  /** Keep the card beside the mention (below, or above when there is no room), never on it. */
  private place(mention: Mention): void {
    const popover = this.popover;
    if (!popover) return;
    this.stopPositioning?.();
    const range = () => liveRange(this.deps.doc, mention);
    const reference = {
      getBoundingClientRect: () => range().getBoundingClientRect(),
      getClientRects: () => range().getClientRects(),
      contextElement: mention.range.startContainer.parentElement ?? undefined,
    };
    const { x, y } = this.pointer;
    const update = () =>
      void computePosition(reference, popover, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(x || y ? { x, y } : undefined),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
        ],
      }).then((position) => {
        popover.style.left = `${Math.round(position.x)}px`;
        popover.style.top = `${Math.round(position.y)}px`;
      });
    this.stopPositioning = autoUpdate(reference, popover, update, { animationFrame: false });
  }

  private focusCard(): void {
    const card = this.ui?.container.querySelector<HTMLElement>('.card');
    card?.focus({ preventScroll: true });
  }

  private pointerMoved(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
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
    if (this.pointerOnCard) return;
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
    if (this.ui && event.composedPath().includes(this.ui.host)) return;
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
    if (event.key !== 'Escape' || !this.current) return;
    event.stopPropagation();
    this.close();
  }
}

/** Is a popover shown? (`:popover-open` where the popover API exists, else not `hidden`.) */
function isShown(popover: HTMLElement): boolean {
  try {
    return popover.matches(':popover-open');
  } catch {
    return !popover.hidden;
  }
}

/** Show the card in the top layer where the browser has popovers; else as a fixed, topmost box. */
function showInTopLayer(popover: HTMLElement): void {
  if (typeof popover.showPopover !== 'function') popover.hidden = false;
  else if (!isShown(popover)) popover.showPopover();
}

function hideFromTopLayer(popover: HTMLElement): void {
  if (typeof popover.hidePopover !== 'function') popover.hidden = true;
  else if (isShown(popover)) popover.hidePopover();
}
