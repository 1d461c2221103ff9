import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser, type TestPage } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, markTexts, OptionsPage, PopupPage } from './harness/pages';
import { docScreenshot } from './harness/screenshots';

/** The language and direction of a document, and of its card if it has one. */
function languageOf(page: { evaluate: TestPage['evaluate'] }) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    card: document.querySelector('.card')?.getAttribute('dir') ?? null,
    cardLang: document.querySelector('.card')?.getAttribute('lang') ?? null,
    heading: document.querySelector('h1')?.textContent ?? '',
  }));
}

describe.each(BROWSERS)('the Arabic edition in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const article = `${origin}/arabic/article.html`;

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
      ['درعا البلد', 'بشار الأسد'].every((name) => markTexts(found).includes(name)),
    );
    return { page, card: new CardPage(page.page) };
  }

  it('shows an Arabic page’s card in Arabic, right to left, beside the mention, dated by the dateline', async () => {
    const { page, card } = await openArticle();
    await card.hover('lead', 'درعا البلد');
    const view = await card.read();
    expect(view.title).toBe('درعا البلد');
    expect(view.text).toContain('مكان');
    expect(view.text).toContain('الحي الجنوبي القديم في مدينة درعا');
    // The date comes from the dateline "بيروت، 8 أيلول 2021", and reads in Arabic.
    expect(view.articleDate).toBe('هذا المقال · 8 أيلول/سبتمبر 2021');
    expect(view.sections.map((section) => section.heading)).toContain('قبل هذا المقال');
    const frame = await card.frame();
    expect(await languageOf(frame as TestFrameLike)).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      card: 'rtl',
      cardLang: 'ar',
    });
    // Beside the mention, never on it, and lined up with its right edge, where the word starts.
    const mention = await card.pointOf('lead', 'درعا البلد');
    expect(view.rect.top >= mention.bottom - 1 || view.rect.bottom <= mention.top + 1).toBe(true);
    expect(Math.abs(view.rect.right - mention.right)).toBeLessThanOrEqual(2);
    expect(await card.axeViolations()).toEqual([]);
    await docScreenshot(browserName, page.page, 'card-arabic.png');
  });

  it('states Bashar al-Assad’s office as it stood on the article’s date, in Arabic', async () => {
    const { card } = await openArticle();
    await card.hover('assad', 'بشار الأسد');
    const view = await card.read();
    expect(view.title).toBe('بشار الأسد');
    expect(view.facts).toContain('المنصب: رئيس سوريا (حتى 8 كانون الأول/ديسمبر 2024)');
    expect(view.text).toContain('ما تغيّر منذ هذا المقال');
    expect(view.text).not.toMatch(/President|Before this article/);
  });

  it('shows the options and the popup in Arabic once the reader chooses Arabic', async () => {
    await openArticle();
    const options = await OptionsPage.open(browser);
    opened.push(options);
    expect(await languageOf(options.page)).toMatchObject({
      dir: 'ltr',
      heading: 'Backstory options',
    });
    await options.page.clickOn('input[name="language"][value="ar"]');
    // The page turns to Arabic as the catalogue arrives: direction, headings and title.
    await expect
      .poll(() => languageOf(options.page), { timeout: 10_000 })
      .toMatchObject({ lang: 'ar', dir: 'rtl', heading: 'خيارات Backstory' });
    await expect
      .poll(() => options.page.evaluate(() => document.title), { timeout: 10_000 })
      .toBe('خيارات Backstory');
    await docScreenshot(browserName, options.page, 'options-arabic.png');

    const popup = await PopupPage.openFor(browser, article);
    opened.push(popup);
    await popup.page.waitFor(() =>
      /أسماء|اسماً|اسم/.test(document.querySelector('.entity-list__total')?.textContent ?? ''),
    );
    expect(await languageOf(popup.page)).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(await popup.isOn('إبراز الأسماء')).toBe(true);
    // The list names entities as the matcher knows them (the pack's display names), isolated.
    expect(await popup.entities()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Daraa al-Balad \d+$/)]),
    );
    expect(
      await popup.page.evaluate(() => document.querySelector('.entity-button__name')?.tagName),
    ).toBe('BDI');
    await popup.page.setViewport(380, 560);
    await docScreenshot(browserName, popup.page, 'popup-arabic.png');
  });
});

/** What `languageOf` needs of a frame. */
type TestFrameLike = { evaluate: TestPage['evaluate'] };
