/** The input the page side reacts to. */
export type InputType = 'pointermove' | 'pointerdown' | 'keydown' | 'focus';

/** Did the reader make this event, rather than the page's own script? */
export type IsTrusted = (event: Event) => boolean;

/** The browser's answer: only events of the reader's own input are trusted. */
export const isTrustedEvent: IsTrusted = (event) => event.isTrusted;

/**
 * The reader's own input on the page, for everything on the page side that reacts to it (reading,
 * hover cards, the card's keyboard): one capture-phase listener per event type on the window,
 * added when the first party subscribes to that type, and only trusted events handed on. A page
 * can forge any event, but not `isTrusted`; unit tests, which can only dispatch synthetic events,
 * pass their own rule.
 */
export class PageInput {
  private readonly handlers = new Map<InputType, ((event: Event) => void)[]>();

  constructor(
    private readonly win: Window,
    private readonly signal: AbortSignal,
    /** The trust rule, for events the page side listens to elsewhere (on the card frame). */
    readonly isTrusted: IsTrusted = isTrustedEvent,
  ) {}

  /** Call `handler` with each trusted event of `type`, until the signal ends. */
  on<K extends InputType>(type: K, handler: (event: WindowEventMap[K]) => void): void {
    let list = this.handlers.get(type);
    if (!list) {
      const handlers: ((event: Event) => void)[] = [];
      list = handlers;
      this.handlers.set(type, handlers);
      this.win.addEventListener(
        type,
        (event) => {
          if (!this.isTrusted(event)) return;
          for (const handle of handlers) handle(event);
        },
        { capture: true, passive: true, signal: this.signal },
      );
    }
    list.push(handler as (event: Event) => void);
  }
}
