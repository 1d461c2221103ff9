import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { ArticlePage, markTexts, PopupPage } from './harness/pages';
import { docScreenshot } from './harness/screenshots';

describe.each(BROWSERS)('foundation in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const articleUrl = `${inject('origin')}/demo/article.html`;

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the content script on an article and the popup reports it', async () => {
    const article = await ArticlePage.open(browser, articleUrl);
    await article.waitForMarks((marks) => marks.length > 0);
    const popup = await PopupPage.openFor(browser, articleUrl);
    expect(await popup.heading()).toBe('Backstory');
    expect(await popup.status()).toMatch(/\d+ entities on this page/);
    await docScreenshot(browserName, article.page, 'demo-article.png');
    await popup.close();
    await article.close();
  });

  it('leaves the article text exactly as the server sent it', async () => {
    const article = await ArticlePage.open(browser, articleUrl);
    // Once Backstory has marked the page, not before: an untouched page proves nothing earlier.
    await article.waitForMarks((marks) => markTexts(marks).includes('Daraa'));
    expect(await article.text()).toContain('The Assad regime sent fresh reinforcements to Daraa');
    const { live, source } = await article.liveAndSourceBodies();
    expect(live).toBe(source);
    await article.close();
  });

  it('shows a popup that says so on a page where Backstory cannot run', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const status = await new PopupPage(popup).status();
    expect(status).toContain('does not run on this page');
    await popup.close();
  });
});
