import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, diagnosticsOf, markTexts, OptionsPage, sendToTab } from './harness/pages';

/** Amman, the city (what the packs choose), and Amman, the governorate (the reader's correction). */
const CITY = 'Q3805';
const GOVERNORATE = 'Q472788';

describe.each(BROWSERS)('the reader corrects a mark, in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const article = `${origin}/corrections/article.html`;

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
  });

  async function openArticle() {
    const page = await ArticlePage.open(browser, article);
    opened.push(page);
    await page.waitForMarks((found) =>
      ['Daraa', 'Amman'].every((m) => markTexts(found).includes(m)),
    );
    return { page, card: new CardPage(page.page) };
  }

  async function openOptions() {
    const options = await OptionsPage.open(browser);
    opened.push(options);
    return options;
  }

  /** Where an element of the open card is in the page's viewport (null: not there, or disabled). */
  async function whereInCard(card: CardPage, selector: string) {
    const frame = await card.frame();
    const box = frame ? await frame.box() : null;
    const rect = frame
      ? await frame
          .evaluate((wanted) => {
            const element = document.querySelector(wanted) as HTMLElement | null;
            if (!element || (element as HTMLButtonElement).disabled) return null;
            element.scrollIntoView({ block: 'nearest' });
            const r = element.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }, selector)
          .catch(() => null)
      : null;
    return box && rect ? { x: Math.round(box.x + rect.x), y: Math.round(box.y + rect.y) } : null;
  }

  /**
   * Click an element of the open card with the mouse, as a reader would, once it stays put: a
   * place card grows when its map arrives, and a card above its mention moves up as it grows.
   */
  async function clickInCard(page: ArticlePage, card: CardPage, selector: string) {
    const deadline = Date.now() + 15_000;
    let last: { x: number; y: number } | null = null;
    for (;;) {
      const at = await whereInCard(card, selector);
      if (at && last && at.x === last.x && at.y === last.y) {
        await page.page.click(at.x, at.y);
        return;
      }
      last = at;
      if (Date.now() > deadline) throw new Error(`Nothing to click at ${selector} in the card`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Hover a name until its card shows `entity` (the page matches again after a correction). */
  async function cardShows(card: CardPage, id: string, text: string, entity: string) {
    await expect
      .poll(
        async () => {
          await card.hover(id, text);
          const view = await card.read('ready', 5000).catch(() => null);
          if (!view) return null;
          const frame = await card.frame();
          return frame?.evaluate(() =>
            document.querySelector('.card')?.getAttribute('data-entity'),
          );
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(entity);
  }

  /** The options page's corrections, as listed. */
  const listed = (options: OptionsPage) =>
    options.page.evaluate(() =>
      [...document.querySelectorAll('[data-correction]')].map((item) => item.textContent ?? ''),
    );

  it('"Not this?" → another entity: the card shows it, and the choice holds after reload', async () => {
    const { page, card } = await openArticle();
    await cardShows(card, 'lead', 'Amman', CITY);
    await clickInCard(page, card, '.card__not-this');
    // The other meanings, each with its description; the one shown now is said to be.
    const inCard = async <R>(fn: () => R) => (await card.frame())?.evaluate(fn).catch(() => null);
    await expect
      .poll(() => inCard(() => document.querySelector('.card__choices')?.textContent ?? ''), {
        timeout: 15_000,
      })
      .toMatch(/Governorate of Jordan/);
    expect(
      await inCard(() =>
        document.querySelector('#backstory-not-this')?.getAttribute('aria-expanded'),
      ),
    ).toBe('true');
    const sessions = (await diagnosticsOf(browser, article)).sessions;
    await page.page.bringToFront();
    await clickInCard(page, card, `.card__choice[data-entity="${GOVERNORATE}"]`);
    // The card shows the choice, and stays open while the page is matched again with it.
    await expect
      .poll(async () => (await diagnosticsOf(browser, article)).sessions, { timeout: 15_000 })
      .toBeGreaterThan(sessions);
    await page.page.bringToFront();
    const shown = await card.read();
    expect(shown.text).toMatch(/Governorate/);
    expect(
      await (await card.frame())?.evaluate(() =>
        document.querySelector('.card')?.getAttribute('data-entity'),
      ),
    ).toBe(GOVERNORATE);
    await page.page.press('Escape');
    await card.waitClosed();
    await cardShows(card, 'lead', 'Amman', GOVERNORATE);
    // Both mentions of the name, on this site: the second one too.
    await cardShows(card, 'talks', 'Amman', GOVERNORATE);

    await page.page.goto(article);
    await page.waitForMarks((found) => markTexts(found).includes('Amman'));
    await cardShows(card, 'lead', 'Amman', GOVERNORATE);

    // Listed in the options page with where it holds; undone there, the packs' choice is back.
    const options = await openOptions();
    await expect
      .poll(() => listed(options))
      .toEqual([expect.stringMatching(/Amman.*127\.0\.0\.1/)]);
    await options.page.clickOn('[data-correction] button');
    await expect.poll(() => listed(options)).toEqual([]);
    await page.page.bringToFront();
    await cardShows(card, 'lead', 'Amman', CITY);
  });

  it('"Don\'t mark here again" removes the mark on this site; undo in the options page brings it back', async () => {
    const { page, card } = await openArticle();
    await cardShows(card, 'lead', 'Daraa', 'Q238217');
    await clickInCard(page, card, '.card__not-this');
    await clickInCard(page, card, '.card__correct-never');
    // Gone from the page, while the other names stay marked (the page was matched again).
    await page.waitForMarks(
      (found) => !markTexts(found).includes('Daraa') && markTexts(found).includes('Amman'),
    );
    // Another tab of the same site is not marked there either.
    const other = await ArticlePage.open(browser, `${article}?again`);
    opened.push(other);
    await other.waitForMarks(
      (found) => markTexts(found).includes('Amman') && !markTexts(found).includes('Daraa'),
    );

    const options = await openOptions();
    await expect
      .poll(() => listed(options))
      .toEqual([expect.stringMatching(/Daraa.*is not marked/)]);
    await options.page.clickOn('[data-correction] button');
    await expect.poll(() => listed(options)).toEqual([]);
    // Both open tabs mark it again, without a reload.
    await page.waitForMarks((found) => markTexts(found).includes('Daraa'));
    await other.waitForMarks((found) => markTexts(found).includes('Daraa'));
  });

  it('explains a selection through the command path, and "Add to my entities" opens the form prefilled', async () => {
    const { page, card } = await openArticle();
    await page.page.bringToFront();
    // The reader selects words; the command (or context menu item) reaches the tab's content
    // script from the background as this message does. Puppeteer cannot open a context menu.
    await page.page.evaluate(() => {
      const text = document.getElementById('later')?.firstChild as Text;
      const at = text.data.indexOf('Tripoli');
      const range = new Range();
      range.setStart(text, at);
      range.setEnd(text, at + 'Tripoli'.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const answer = (await sendToTab(browser, article, 'content:explain', {})) as {
      ok: boolean;
      value?: { entity: string | null };
    };
    expect(answer).toMatchObject({ ok: true, value: { entity: expect.stringMatching(/^Q\d+$/) } });
    const view = await card.read();
    expect(view.title).toBe('Tripoli');

    // Nothing selected: nothing opens, and the answer says so.
    await page.page.press('Escape');
    await card.waitClosed();
    await page.page.evaluate(() => getSelection()?.removeAllRanges());
    expect(await sendToTab(browser, article, 'content:explain', {})).toEqual({
      ok: true,
      value: { entity: null },
    });

    const form = await browser.openExtensionPage('options.html#add=Nasib%20crossing');
    opened.push(form);
    await form.waitFor(
      () =>
        (document.querySelector('.entity-form input[name="name"]') as HTMLInputElement | null)
          ?.value === 'Nasib crossing',
    );
  });
});
