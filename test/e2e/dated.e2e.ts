import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, markTexts } from './harness/pages';
import { docScreenshot } from './harness/screenshots';

describe.each(BROWSERS)('the card knows when and where, in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const opened: ArticlePage[] = [];
  const timings: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
  });
  afterAll(async () => {
    console.log(`\nHover to card with map in ${browserName}: ${timings.join('; ')}`);
    await browser?.close();
  });

  async function openDated(year: '2021' | '2017') {
    const page = await ArticlePage.open(browser, `${origin}/dated/${year}.html`);
    opened.push(page);
    await page.waitForMarks(
      (found) => markTexts(found).includes('Bashar al-Assad') && markTexts(found).includes('Daraa'),
    );
    return { page, card: new CardPage(page.page) };
  }

  it('on a 22 August 2021 article, Daraa shows the 2018 offensive before it and the December 2024 fall since', async () => {
    const { card } = await openDated('2021');
    await card.hover('lead', 'Daraa');
    const view = await card.read();
    expect(view.articleDate).toBe('This article · 22 Aug 2021');
    const [before, since] = view.sections;
    expect(before?.heading).toBe('Before this article');
    expect(before?.dates.some((date) => date.startsWith('2018'))).toBe(true);
    expect(since?.heading).toBe('Since this article');
    expect(since?.dates.some((date) => date.startsWith('2024-12'))).toBe(true);
    expect(view.text).toMatch(/Assad government falls/);
  });

  it('the same article dated 2017 shows the 2018 offensive after it', async () => {
    const { card } = await openDated('2017');
    await card.hover('lead', 'Daraa');
    const view = await card.read();
    expect(view.articleDate).toBe('This article · 1 Jun 2017');
    const since = view.sections.find((section) => section.heading === 'Since this article');
    expect(since?.dates.some((date) => date.startsWith('2018'))).toBe(true);
    const before = view.sections.find((section) => section.heading === 'Before this article');
    expect(before?.dates.some((date) => date.startsWith('2018'))).toBe(false);
  });

  it('Bashar al-Assad on the 2021 page: president then, ousted since', async () => {
    const { page, card } = await openDated('2021');
    await card.hover('leader', 'Bashar al-Assad');
    const view = await card.read();
    expect(view.facts).toContain('Office: President of Syria (until 8 Dec 2024)');
    expect(view.text).toMatch(/Changed since this article/i);
    expect(
      view.facts.some(
        (fact) =>
          fact.startsWith('Status: In exile in Moscow') && fact.includes('since 8 Dec 2024'),
      ),
    ).toBe(true);
    await docScreenshot(browserName, page.page, 'card-then-since.png');
  });

  it('a place card shows its locator map, on first and later opens', async () => {
    const { page, card } = await openDated('2021');
    for (const attempt of ['first', 'later']) {
      const started = Date.now();
      await card.hover('town', 'Tafas');
      await expect
        .poll(async () => (await card.read()).map, { timeout: 20_000, interval: 50 })
        .toBeTruthy();
      timings.push(`${attempt} open ${Date.now() - started} ms (including the hover delay)`);
      const view = await card.read();
      expect(view.map).toMatch(/^Map: Tafas, in .*Syria/);
      if (attempt === 'first') await docScreenshot(browserName, page.page, 'card-map.png');
      await page.page.press('Escape');
      await card.waitClosed();
      await page.page.mouseMove(5, 5);
    }
  });
});
