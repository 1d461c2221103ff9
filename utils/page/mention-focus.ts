import { inDocumentOrder, nextMention, revealMention } from './hit';
import type { Mention } from './mention';
import type { PageSession } from './session';

/** How long a mention revealed from the popup stays flashed. */
export const FLASH_MS = 1600;

/**
 * The one focused mention of a page: moved by the keyboard commands, flashed by the popup's
 * list, held by an open card. It belongs to the session it was set in; a new session starts
 * unfocused.
 */
export class MentionFocus {
  private mention: Mention | null = null;
  private session_: PageSession | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly session: () => PageSession | null,
    lifetime: AbortSignal,
  ) {
    lifetime.addEventListener('abort', () => clearTimeout(this.flashTimer), { once: true });
  }

  /** The focused mention, if it belongs to the current session. */
  private get focused(): Mention | null {
    return this.session_ !== null && this.session_ === this.session() ? this.mention : null;
  }

  /** Mark one mention as focused (or none). */
  set(mention: Mention | null): void {
    const session = this.session();
    this.mention = mention;
    this.session_ = session;
    session?.painter.focus(mention);
  }

  /** Move the focus to the next or previous painted mention and bring it into view. */
  step(direction: 1 | -1): Mention | null {
    const annotator = this.session()?.annotator;
    if (!annotator) return null;
    const painted = [...annotator.mentions()].filter((mention) => annotator.isPaintable(mention));
    const next = nextMention(this.doc, inDocumentOrder(painted), this.focused, direction);
    this.set(next);
    if (next) revealMention(this.doc, next);
    return next;
  }

  /** Scroll to and flash the first mention of an entity. */
  reveal(id: string): boolean {
    const session = this.session();
    if (!session) return false;
    const [first] = inDocumentOrder(
      [...session.annotator.mentions()].filter(
        (mention) => session.remote.entity(mention.entity)?.id === id,
      ),
    );
    if (!first) return false;
    this.set(first);
    revealMention(this.doc, first);
    // A flash, not a lasting mark: the focus fades unless something (a card) took it over.
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      if (this.focused === first) this.set(null);
    }, FLASH_MS);
    return true;
  }
}
