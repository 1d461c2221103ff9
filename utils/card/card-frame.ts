import type { CorrectionRequest } from '../corrections/correction';
import { ENGLISH } from '../i18n/english';
import { cardLanguage, type UiLanguage } from '../i18n/languages';
import type { Translator } from '../i18n/translator';
import { joinAnswers, type LiveAnswer, NOTHING_ASKED } from '../live/answer';
import { LIVE_PARTS, type LivePart } from '../live/source';
import type { LocatorMap } from '../map/locator';
import type { CardData, CorrectionOptions, FoundEntity } from '../messages/protocol';
import type { CardCorrection } from './card-correction';
import {
  CARD_MAX_HEIGHT,
  CARD_WIDTH,
  type FrameGreeting,
  type FromFrame,
  type ToFrame,
} from './frame-messages';
import { liveView, withLive } from './live-model';
import { localiseMap } from './map-language';
import { buildCard, type CardModel, type ReadyCard } from './view-model';

/** How the card is drawn: the view, light or dark, and the room it has. */
export interface CardLook {
  t: Translator;
  scheme: 'light' | 'dark';
  maxWidth: number;
  maxHeight: number;
  onClose: () => void;
  /** "Not this?" for the marked name (absent when the card was not opened on a mark). */
  correction?: CardCorrection;
}

/** What the card frame needs: the background, a renderer, and its own window. */
export interface CardFrameDeps {
  win: Window;
  /** The token the background holds for this frame's tab (null: none registered). */
  token(): Promise<string | null>;
  card(id: string): Promise<CardData>;
  map(id: string): Promise<LocatorMap | null>;
  /** The reader's own language (their setting, or the browser's). */
  readerLanguage(): Promise<UiLanguage>;
  /** The translator for a language (its catalogue loaded once). */
  translator(language: UiLanguage): Promise<Translator>;
  /** One part of the card's live background (the background asks nothing for sources that are off). */
  live(id: string, part: LivePart): Promise<LiveAnswer>;
  /** The other entities the packs have for a marked name ("Not this?"). */
  correctionOptions?(id: string, surface: string): Promise<CorrectionOptions>;
  /** Remember the reader's correction; the entity now shown for the name, if they chose one. */
  correct?(request: CorrectionRequest): Promise<{ entity: FoundEntity | null }>;
  /** Where a card's picture may come from (this build's Wikimedia image host). */
  imageOrigins: readonly string[];
  /** Draw a card (or nothing) into the frame. */
  render(model: CardModel | null, look: CardLook): void;
  /** The drawn card's element and the box around it (its size is the frame's size). */
  cardElement(): HTMLElement | null;
  box(): HTMLElement | null;
  now(): number;
}

/**
 * The card's side of the frame: it waits for the content script's greeting (checked against the
 * token the background vouches for, so a page posting its own greeting gets nowhere), then shows
 * what it is asked to show. It fetches the card itself from the background, so the reader's
 * history and own entities never pass through the page, and it reports its size so the page side
 * can place it.
 */
export class CardFrame {
  private port: MessagePort | null = null;
  private expected: Promise<string | null> | null = null;
  private showing: Extract<ToFrame, { type: 'show' }> | null = null;
  private resizes: ResizeObserver | null = null;
  private lastTranslator: Translator | null = null;

  constructor(private readonly deps: CardFrameDeps) {
    deps.win.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.showing) {
        event.preventDefault();
        this.post({ type: 'close', reason: 'escape' });
      }
    });
    // The focus coming into the frame while a card opened from the keyboard shows goes to the
    // card, not to the frame's empty body (the card took it once drawn, but its tab or window
    // may have lost the focus since, or never had it).
    deps.win.addEventListener('focus', (event) => {
      if (event.target !== deps.win || this.showing?.opener !== 'keyboard') return;
      const card = this.deps.cardElement();
      const active = card?.ownerDocument.activeElement;
      if (!card || (active && active !== card.ownerDocument.body)) return;
      card.focus({ preventScroll: true });
    });
  }

  /** A message to the frame's window: the content script's greeting, or anything a page posts. */
  async accept(event: MessageEvent): Promise<boolean> {
    const greeting = event.data as Partial<FrameGreeting> | null;
    const port = event.ports[0];
    if (this.port || !port || greeting?.backstoryCard !== 1 || typeof greeting.token !== 'string')
      return false;
    this.expected ??= this.deps.token();
    const token = await this.expected;
    if (this.port || token === null || greeting.token !== token) return false;
    this.port = port;
    port.onmessage = (message: MessageEvent<ToFrame>) => void this.receive(message.data);
    return true;
  }

  private post(message: FromFrame): void {
    this.port?.postMessage(message);
  }

  private async receive(message: ToFrame, notice?: string): Promise<void> {
    if (message.type === 'hide') {
      this.showing = null;
      this.resizes?.disconnect();
      this.deps.render(null, this.look(null, this.lastTranslator ?? ENGLISH));
      return;
    }
    this.showing = message;
    // The page's language where Backstory speaks it, else the reader's.
    const t = await this.deps
      .readerLanguage()
      .then((reader) => this.deps.translator(cardLanguage(message.language, reader)));
    if (this.showing !== message) return;
    this.lastTranslator = t;
    const look = this.look(message, t, notice);
    this.draw({ state: 'loading', name: message.name, kind: message.kind }, look);
    let data: CardData;
    try {
      data = await this.deps.card(message.id);
    } catch (error) {
      if (this.showing !== message) return;
      this.draw(
        {
          state: 'error',
          name: message.name,
          message: t.t('card_error', error instanceof Error ? error.message : String(error)),
        },
        look,
      );
      return;
    }
    if (this.showing !== message) return;
    const { entity } = data;
    if (!entity) {
      this.draw(
        {
          state: 'missing',
          name: message.name,
          message: t.t('card_missing'),
        },
        look,
      );
      return;
    }
    // The pack's card at once; the map and the live parts fill in as they arrive.
    let map: LocatorMap | null = null;
    let live: LiveAnswer = { ...NOTHING_ASKED };
    let broken = false;
    const redraw = () => {
      if (this.showing !== message) return;
      const card: ReadyCard = {
        ...buildCard(
          withLive(entity, live),
          data.history,
          this.deps.now(),
          data.articleDate ?? undefined,
          t,
        ),
        live: liveView({
          entity,
          live,
          searchLinks: data.searchLinks,
          imageOrigins: this.deps.imageOrigins,
          broken,
          t,
        }),
      };
      this.draw(map ? { ...card, map: localiseMap(map, card.name, t) } : card, look);
    };
    redraw();
    const work: Promise<void>[] = LIVE_PARTS.map((part) =>
      this.deps.live(message.id, part).then(
        (answer) => {
          live = joinAnswers(live, answer);
          if (answer.asked.length > 0) redraw();
        },
        () => {
          broken = true;
          redraw();
        },
      ),
    );
    if (entity.kind === 'place')
      // The map comes second: the card is readable at once, the outline follows.
      work.push(
        this.deps
          .map(message.id)
          .catch(() => null)
          .then((found) => {
            map = found;
            if (map) redraw();
          }),
      );
    await Promise.all(work);
  }

  private look(
    message: Extract<ToFrame, { type: 'show' }> | null,
    t: Translator,
    notice?: string,
  ): CardLook {
    return {
      t,
      scheme: message?.scheme ?? 'light',
      maxWidth: message?.maxWidth ?? CARD_WIDTH,
      maxHeight: message?.maxHeight ?? CARD_MAX_HEIGHT,
      onClose: () => this.post({ type: 'close', reason: 'button' }),
      ...(message?.surface && this.deps.correct
        ? { correction: this.correction(message, notice) }
        : {}),
    };
  }

  /**
   * "Not this?" for the card's mark. A chosen entity is shown at once in this card (the page and
   * every other tab match again with the correction, as the background tells them).
   */
  private correction(message: Extract<ToFrame, { type: 'show' }>, notice?: string): CardCorrection {
    const surface = message.surface as string;
    return {
      surface,
      shown: message.id,
      ...(notice ? { notice } : {}),
      options: async () =>
        (await this.deps.correctionOptions?.(message.id, surface)) ?? {
          surface,
          site: null,
          candidates: [],
        },
      choose: async (choice, scope) => {
        const correct = this.deps.correct;
        if (!correct) return;
        const { entity } = await correct({
          surface,
          action: choice.action,
          ...(choice.entity ? { entity: choice.entity.id } : {}),
          was: message.id,
          scope,
        });
        if (entity && this.showing === message) {
          const t = this.lastTranslator ?? ENGLISH;
          void this.receive(
            { ...message, id: entity.id, name: entity.name, kind: entity.kind },
            t.t('card_corrected_chosen', surface, choice.entity?.name ?? entity.name),
          );
        }
      },
    };
  }

  /** Draw, then tell the page side the size (and keep telling it while the card grows or shrinks). */
  private draw(model: CardModel, look: CardLook): void {
    const message = this.showing;
    if (!message) return;
    this.deps.render(model, look);
    if (message.opener === 'keyboard') this.deps.cardElement()?.focus({ preventScroll: true });
    const box = this.deps.box();
    if (!box) return;
    this.reportSize(box, message.request);
    const Observer = (this.deps.win as Window & { ResizeObserver?: typeof ResizeObserver })
      .ResizeObserver;
    if (!Observer) return;
    this.resizes?.disconnect();
    this.resizes = new Observer(() => {
      if (this.showing === message) this.reportSize(box, message.request);
    });
    this.resizes.observe(box);
  }

  private reportSize(box: HTMLElement, request: number): void {
    const rect = box.getBoundingClientRect();
    this.post({ type: 'size', request, width: rect.width, height: rect.height });
  }
}
