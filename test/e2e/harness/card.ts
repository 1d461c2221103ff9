import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestFrame, TestPage } from './browsers';

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
  /** Facts under "Changed since this article", as "label: value (note)". */
  factsSince: string[];
  /** The locator map's text alternative, when the card has a map. */
  map: string | null;
  /** The live picture: its address, and whether it loaded. */
  picture: { src: string; loaded: boolean; alt: string } | null;
  /** "From Wikipedia: <title>" credit link, when a live summary is shown. */
  credit: { text: string; href: string } | null;
  /** "Earlier coverage from the news": each article's title, outlet and day. */
  coverage: { title: string; outlet: string; date: string }[];
  /** The "search earlier coverage" links' texts. */
  searchLinks: { text: string; href: string }[];
  /** The quiet note when a live source did not answer. */
  liveNote: string | null;
  color: string;
  fontFamily: string;
  background: string;
  /** The card's box in the page's viewport (the frame's place plus the card's place in it). */
  rect: { top: number; bottom: number; left: number; right: number };
}

const POLL_MS = 100;

/**
 * The hover card as a reader sees it. It lives in the card frame, an extension page the page's own
 * scripts cannot read; the test drivers can, the way a debugger does.
 */
export class CardPage {
  constructor(private readonly page: TestPage) {}

  /** The card frame, if the page has one yet (found by its address, from inside). */
  async frame(): Promise<TestFrame | null> {
    for (const frame of this.page.frames()) {
      const isCard = await frame
        .evaluate(
          () => location.protocol.endsWith('-extension:') && location.pathname === '/card.html',
        )
        .catch(() => false);
      if (isCard) return frame;
    }
    return null;
  }

  /** Centre of the first occurrence of `text` inside the element `#id` (viewport coordinates). */
  async pointOf(
    id: string,
    text: string,
  ): Promise<{ x: number; y: number; top: number; bottom: number; left: number; right: number }> {
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
            left: rect.left,
            right: rect.right,
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

  /** Wait for the card to reach a state (`ready` by default), shown in the page, and read it. */
  async read(state = 'ready', timeoutMs = 15_000): Promise<CardView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await this.frame();
      const box = frame ? await frame.box() : null;
      const view = frame && box && box.width > 0 ? await readCard(frame, state) : null;
      if (view && box) {
        const { rect } = view;
        return {
          ...view,
          rect: {
            top: box.y + rect.top,
            bottom: box.y + rect.bottom,
            left: box.x + rect.left,
            right: box.x + rect.right,
          },
        };
      }
      if (Date.now() > deadline) {
        const seen = !frame
          ? 'no card frame'
          : !box || box.width === 0
            ? 'the card frame hidden'
            : `a card in state "${await frame
                .evaluate(
                  () => (document.querySelector('.card') as HTMLElement | null)?.dataset.state,
                )
                .catch(() => undefined)}"`;
        throw new Error(`No card in state "${state}" after ${timeoutMs} ms (saw ${seen})`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Is a card shown at all? */
  async isOpen(): Promise<boolean> {
    const frame = await this.frame();
    if (!frame) return false;
    const [box, card] = await Promise.all([
      frame.box(),
      frame.evaluate(() => !!document.querySelector('.card')),
    ]);
    return card && !!box && box.width > 0;
  }

  async waitClosed(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (await this.isOpen()) {
      if (Date.now() > deadline) throw new Error(`The card was still open after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** The class of the focused element inside the card frame ('' when the focus is elsewhere). */
  async focusedInCard(): Promise<string> {
    const frame = await this.frame();
    return (
      (await frame?.evaluate(() =>
        document.hasFocus() ? (document.activeElement?.className ?? '') : '',
      )) ?? ''
    );
  }

  /**
   * Wait until the focus is on the card inside its frame; failing, say where the focus is (in the
   * frame and in the page), so a failure tells a lost focus from a window that never had it.
   */
  async waitFocused(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.focusedInCard()).includes('card')) {
      if (Date.now() > deadline)
        throw new Error(
          `The card did not get the focus in ${timeoutMs} ms: ${await this.focusReport()}`,
        );
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Where the focus is, in the card's frame and in the page. */
  async focusReport(): Promise<string> {
    const where = () => {
      const active = document.activeElement;
      const on = active ? `${active.tagName.toLowerCase()}.${active.className || '-'}` : 'nothing';
      return `${document.hasFocus() ? 'has the focus' : 'lacks the focus'}, active ${on}, ${document.visibilityState}`;
    };
    const frame = await this.frame();
    const inFrame = frame ? await frame.evaluate(where) : 'no card frame';
    return `card frame ${inFrame}; page ${await this.page.evaluate(where)}`;
  }

  /** Click a button in the card by its visible text. */
  async clickButton(label: string): Promise<void> {
    const frame = await this.frame();
    await frame?.evaluate((text) => {
      const button = [...document.querySelectorAll('.card button')].find((b) =>
        b.textContent?.includes(text),
      );
      (button as HTMLButtonElement | undefined)?.click();
    }, label);
  }

  /** Run axe-core on the card, inside its frame. */
  async axeViolations(): Promise<string[]> {
    const frame = await this.frame();
    if (!frame) throw new Error('No card frame');
    await frame.runScript(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
    return frame.evaluate(async () => {
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
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
  }
}

/** Read the card inside its frame, if it is in the wanted state. */
function readCard(
  frame: TestFrame,
  state: string,
): Promise<(Omit<CardView, 'rect'> & { rect: DOMRectReadOnly }) | null> {
  return frame
    .evaluate((wanted) => {
      const card = document.querySelector(`.card[data-state="${wanted}"]`) as HTMLElement | null;
      if (!card) return null;
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
        factsSince: [...card.querySelectorAll('.card__since-facts .card__fact')].map(
          (fact) =>
            `${fact.querySelector('dt')?.textContent}: ${fact.querySelector('dd')?.textContent}`,
        ),
        map: card.querySelector('.locator svg title')?.textContent ?? null,
        picture: (() => {
          const img = card.querySelector('img.card__picture') as HTMLImageElement | null;
          return img
            ? { src: img.src, loaded: img.complete && img.naturalWidth > 0, alt: img.alt }
            : null;
        })(),
        credit: (() => {
          const link = card.querySelector('.card__credit a') as HTMLAnchorElement | null;
          return link ? { text: link.textContent ?? '', href: link.href } : null;
        })(),
        coverage: [...card.querySelectorAll('.card__coverage-item')].map((item) => ({
          title: item.querySelector('a')?.textContent ?? '',
          outlet: (item.querySelector('.card__where')?.textContent ?? '').split(' · ')[0] ?? '',
          date: item.querySelector('time')?.getAttribute('datetime') ?? '',
        })),
        searchLinks: [...card.querySelectorAll('.card__search-links a')].map((a) => ({
          text: a.textContent ?? '',
          href: (a as HTMLAnchorElement).href,
        })),
        liveNote: card.querySelector('[data-testid="live-note"]')?.textContent ?? null,
        color: getComputedStyle(title).color,
        fontFamily: style.fontFamily,
        background: style.backgroundColor,
        rect: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
      };
    }, state)
    .catch(() => null) as never;
}
