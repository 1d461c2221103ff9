import type { TestPage } from './browsers';

/** What a reader sees in the card. */
export interface CardView {
  state: string;
  title: string;
  text: string;
  links: { text: string; href: string; target: string; rel: string }[];
  /** Timeline entries shown: date and how many coverage links each has. */
  timeline: { date: string; title: string; links: number }[];
  /** Each timeline section's heading with the dates of its entries. */
  sections: { heading: string; dates: string[] }[];
  /** The "This article · date" line, when the page has a date. */
  articleDate: string | null;
  /** Facts as "label: value (note)". */
  facts: string[];
  /** The locator map's text alternative, when the card has a map. */
  map: string | null;
  color: string;
  fontFamily: string;
  background: string;
  rect: { top: number; bottom: number; left: number; right: number };
}

/** The hover card, read through its open shadow root the way a reader sees it. */
export class CardPage {
  constructor(private readonly page: TestPage) {}

  /** Centre of the first occurrence of `text` inside the element `#id` (viewport coordinates). */
  async pointOf(
    id: string,
    text: string,
  ): Promise<{ x: number; y: number; top: number; bottom: number }> {
    return this.page.evaluate(
      ({ id, text }) => {
        const root = document.getElementById(id);
        const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(text);
          if (at < 0) continue;
          const range = new Range();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const rect = range.getBoundingClientRect();
          return {
            x: rect.left + rect.width / 2,
            y: rect.top + rect.height / 2,
            top: rect.top,
            bottom: rect.bottom,
          };
        }
        throw new Error(`"${text}" not found in #${id}`);
      },
      { id, text },
    );
  }

  /** Rest the pointer on a word, as a reader would (approach from the side first). */
  async hover(id: string, text: string): Promise<void> {
    // Hover intent runs on animation frames, which a background tab does not get.
    await this.page.bringToFront();
    const point = await this.pointOf(id, text);
    await this.page.mouseMove(Math.max(0, point.x - 60), Math.max(0, point.y - 30));
    await this.page.mouseMove(Math.max(0, point.x - 2), point.y);
    await this.page.mouseMove(point.x, point.y);
  }

  /** Wait for the card to reach a state (`ready` by default) and read it. */
  async read(state = 'ready', timeoutMs = 15_000): Promise<CardView> {
    await this.page.waitFor(
      (wanted) =>
        document
          .querySelector('backstory-card')
          ?.shadowRoot?.querySelector(`.card[data-state="${wanted}"]`),
      state,
      timeoutMs,
    );
    return this.page.evaluate(() => {
      const card = document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector('.card') as HTMLElement;
      const style = getComputedStyle(card);
      const title = card.querySelector('.card__title') as HTMLElement;
      const rect = card.getBoundingClientRect();
      return {
        state: card.dataset.state ?? '',
        title: title.textContent ?? '',
        // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what the reader sees.
        text: card.innerText,
        links: [...card.querySelectorAll('a')].map((a) => ({
          text: a.textContent ?? '',
          href: a.href,
          target: a.target,
          rel: a.rel,
        })),
        timeline: [...card.querySelectorAll('.card__event')].map((item) => ({
          date: item.querySelector('time')?.getAttribute('datetime') ?? '',
          title: item.querySelector('.card__event-title')?.textContent ?? '',
          links: item.querySelectorAll('a').length,
        })),
        sections: [...card.querySelectorAll('.card__section[aria-label]')].map((section) => ({
          heading: section.getAttribute('aria-label') ?? '',
          dates: [...section.querySelectorAll('time')].map(
            (time) => time.getAttribute('datetime') ?? '',
          ),
        })),
        articleDate: card.querySelector('[data-testid="article-date"]')?.textContent ?? null,
        facts: [...card.querySelectorAll('.card__fact')].map(
          (fact) =>
            `${fact.querySelector('dt')?.textContent}: ${fact.querySelector('dd')?.textContent}`,
        ),
        map: card.querySelector('.locator svg title')?.textContent ?? null,
        color: getComputedStyle(title).color,
        fontFamily: style.fontFamily,
        background: style.backgroundColor,
        rect: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
      };
    });
  }

  /** Is a card shown at all? */
  isOpen(): Promise<boolean> {
    return this.page.evaluate(() => {
      const popover = document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector('.popover');
      return !!popover?.matches(':popover-open') && !!popover.querySelector('.card');
    });
  }

  async waitClosed(timeoutMs = 5000): Promise<void> {
    await this.page.waitFor(
      () => {
        const popover = document
          .querySelector('backstory-card')
          ?.shadowRoot?.querySelector('.popover');
        return !popover?.matches(':popover-open');
      },
      undefined,
      timeoutMs,
    );
  }

  /** Click a button in the card by its visible text. */
  async clickButton(label: string): Promise<void> {
    await this.page.evaluate((text) => {
      const card = document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card');
      const button = [...(card?.querySelectorAll('button') ?? [])].find((b) =>
        b.textContent?.includes(text),
      );
      (button as HTMLButtonElement | undefined)?.click();
    }, label);
  }

  /** Run axe-core on the card (axe must be injected into the page first). */
  async axeViolations(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              opts: unknown,
            ): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(
        { include: [['backstory-card']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } },
      );
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
  }
}
