import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, markTexts, OptionsPage, sendFromFront } from './harness/pages';
import { docScreenshot } from './harness/screenshots';

describe.each(BROWSERS)('hover cards in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const article = `${origin}/card/article.html`;

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const opened: ArticlePage[] = [];
  afterEach(async () => {
    // A failed test must not leave its tab behind for the next one to find.
    for (const page of opened.splice(0)) await page.close().catch(() => {});
  });

  async function openArticle(url: string, ready = 'Daraa') {
    const page = await ArticlePage.open(browser, url);
    opened.push(page);
    await page.waitForMarks((found) => markTexts(found).includes(ready));
    return { page, card: new CardPage(page.page) };
  }

  it('hovering Daraa shows its card beside the mention, with its summary and coverage of the 2018 offensive', async () => {
    const { page, card } = await openArticle(article);
    await card.hover('lead', 'Daraa');
    const view = await card.read();
    expect(view.title).toBe('Daraa');
    expect(view.text).toContain('Place');
    expect(view.text).toMatch(/Earlier coverage/i);
    const offensive = view.timeline.find((item) => item.date.startsWith('2018'));
    expect(offensive?.links).toBeGreaterThan(0);
    expect(view.links.map((link) => link.href)).toContain(
      'https://en.wikipedia.org/wiki/2018_Southern_Syria_offensive',
    );
    for (const link of view.links) {
      expect(link.href).toMatch(/^https?:\/\//);
      expect(link.target).toBe('_blank');
      expect(link.rel).toContain('noopener');
    }
    // Beside the mention, never on it.
    const mention = await card.pointOf('lead', 'Daraa');
    expect(view.rect.top >= mention.bottom - 1 || view.rect.bottom <= mention.top + 1).toBe(true);
    await docScreenshot(browserName, page.page, 'card-light.png');
    await page.close();
  });

  it("keeps the page's own CSS out of the card", async () => {
    const { page, card } = await openArticle(article);
    await card.hover('lead', 'Daraa');
    const view = await card.read();
    expect(view.color).not.toBe('rgb(255, 0, 0)');
    expect(view.fontFamily).not.toMatch(/Comic Sans/);
    for (const link of view.links) expect(link.text).not.toBe('');
    const frame = await card.frame();
    const linkColour = await frame?.evaluate(() => {
      const link = document.querySelector('.card a');
      return link ? getComputedStyle(link).color : '';
    });
    expect(linkColour).toMatch(/^rgb/);
    expect(linkColour).not.toBe('rgb(0, 255, 0)');
    await page.close();
  });

  it('closes on Escape and after the pointer leaves, and moves straight to the next mention', async () => {
    const { page, card } = await openArticle(article, 'Amman');
    await card.hover('lead', 'Daraa');
    await card.read();
    await page.page.press('Escape');
    await card.waitClosed();
    await card.hover('lead', 'Daraa');
    await card.read();
    const next = await card.pointOf('lead', 'Amman');
    await page.page.mouseMove(next.x, next.y);
    await expect.poll(async () => (await card.read()).title, { timeout: 10_000 }).toBe('Amman');
    await page.page.mouseMove(5, 5);
    await card.waitClosed();
    await page.close();
  });

  it('opens a card from the keyboard, focuses it and passes an accessibility check', async () => {
    const { page, card } = await openArticle(article);
    // A reader's keyboard command reaches the tab in front, in the focused window.
    await sendFromFront(browser, page, 'content:step', { direction: 1 });
    const view = await card.read();
    expect(view.title.length).toBeGreaterThan(0);
    await card.waitFocused();
    expect(await card.axeViolations()).toEqual([]);
    // Escape inside the card closes it and gives the focus back to the page.
    await page.page.press('Escape');
    await card.waitClosed();
    // The focus crosses from the card's frame back to the page: another process in Chromium.
    await expect.poll(() => card.focusedInCard(), { timeout: 5000 }).toBe('');
    await page.close();
  });

  it('lists an earlier page about Daraa under "You read about this before", until history is cleared', async () => {
    const first = await openArticle(`${origin}/card/second.html`);
    // A page counts as read once the reader does something on it (or after seconds in view).
    await first.page.page.click(5, 5);
    await expect
      .poll(
        async () => {
          const options = await OptionsPage.open(browser);
          const titles = await options.historyTitles();
          await options.close();
          return titles;
        },
        { timeout: 15_000 },
      )
      .toContainEqual(expect.stringContaining('Aid convoy reaches southern Syria'));
    await first.page.close();
    const { page, card } = await openArticle(article);
    await card.hover('lead', 'Daraa');
    let view = await card.read();
    expect(view.text).toMatch(/You read about this before/i);
    expect(view.text).toContain('Aid convoy reaches southern Syria');
    await page.page.press('Escape');
    const settings = await OptionsPage.open(browser);
    expect(await settings.historyLine()).toMatch(/\d+ pages? recorded/);
    await settings.clearHistory();
    await settings.close();
    await page.page.bringToFront();
    await card.hover('lead', 'Daraa');
    view = await card.read();
    expect(view.text).not.toMatch(/You read about this before/i);
    await page.close();
  });

  it('follows a dark reader scheme on a dark page', async () => {
    const dark = await launchBrowser(browserName, { colorScheme: 'dark' });
    try {
      const page = await ArticlePage.open(dark, `${origin}/card/dark.html`);
      await page.waitForMarks((found) => markTexts(found).includes('Daraa'));
      const card = new CardPage(page.page);
      await card.hover('lead', 'Daraa');
      const view = await card.read();
      expect(view.background).toBe('rgb(32, 35, 41)');
      await docScreenshot(browserName, page.page, 'card-dark.png');
    } finally {
      await dark.close();
    }
  });
});
