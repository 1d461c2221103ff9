/**
 * A hostile page against Backstory, in both browsers. Each attack is made the way a page's own
 * script would make it (test/fixtures/pages/attack/attacker.js runs in the page's world, before
 * the extension), and each has a control: the reader's real input still works.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, markTexts, OptionsPage, writeSettings } from './harness/pages';

interface Mark {
  name: string;
  text: string;
  x: number;
  y: number;
}

type AttackWindow = Window & {
  __attack: {
    messages: string[];
    readHighlights(): Mark[];
    forgeInput(): Promise<void>;
    readEverything(secrets: string[]): string[];
  };
};

describe.each(BROWSERS)('a hostile page in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const article = `${origin}/attack/article.html`;
  const opened: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
  });

  async function open(url: string, ready = 'Daraa') {
    const page = await ArticlePage.open(browser, url);
    opened.push(page);
    await page.waitForMarks((found) => markTexts(found).includes(ready));
    return { page, card: new CardPage(page.page) };
  }

  /** The history's pages, as the options page lists them. */
  async function history(): Promise<{ titles: string[]; urls: string[] }> {
    const options = await OptionsPage.open(browser);
    const seen = { titles: await options.historyTitles(), urls: await options.historyUrls() };
    await options.close();
    return seen;
  }

  it('forged hovers, touches, focus and keys at every mark open no card; a real hover does', async () => {
    const { page, card } = await open(article);
    await page.page.evaluate(() => (window as unknown as AttackWindow).__attack.forgeInput());
    expect(await card.isOpen()).toBe(false);
    // Nothing even loaded the card frame: forged input reaches no part of Backstory.
    expect(await card.frame()).toBeNull();
    // The page scrolls a mention under the reader's resting pointer: still no card.
    const daraa = await card.pointOf('lead', 'Daraa');
    await page.page.mouseMove(daraa.x, daraa.y + 300);
    await page.page.evaluate(() => window.scrollBy(0, 300));
    await new Promise((r) => setTimeout(r, 1200));
    expect(await card.isOpen()).toBe(false);
    await page.page.evaluate(() => window.scrollTo(0, 0));
    await card.hover('lead', 'Daraa');
    expect((await card.read()).title).toBe('Daraa');
  });

  it('reads nothing of an open card: not its text, the history, nor the extension’s address', async () => {
    // Something for the card to hold that only the reader should see: a page read before.
    const earlier = await open(`${origin}/card/second.html?session=private-token`);
    await earlier.page.page.click(5, 5);
    await expect
      .poll(async () => (await history()).titles, { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('Aid convoy'));
    await earlier.page.close();

    const { page, card } = await open(article);
    await card.hover('lead', 'Daraa');
    const view = await card.read();
    expect(view.text).toMatch(/You read about this before/i);
    expect(view.text).toContain('Aid convoy reaches southern Syria');
    const secrets = [
      'Aid convoy',
      'You read about this before',
      'second.html',
      'private-token',
      view.text
        .split('\n')
        .find((line) => line.length > 40)
        ?.slice(0, 30) ?? 'no summary',
      browser.origin.replace(/^[a-z-]+:\/\//, ''),
    ];
    const leaks = await page.page.evaluate(
      (list) => (window as unknown as AttackWindow).__attack.readEverything(list),
      secrets,
    );
    expect(leaks).toEqual([]);
    // The history was stored without the query string that carried a token.
    expect((await history()).urls).toContainEqual(expect.stringMatching(/\/card\/second\.html$/));
  });

  it('a forged WXT "started" event switches nothing off, and the page is never told the id', async () => {
    const { page, card } = await open(article);
    await page.page.evaluate((id) => {
      for (const name of ['content', 'content-script']) {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, {
            detail: { contentScriptName: name, messageId: 'forged' },
          }),
        );
        window.postMessage(
          {
            type: `${id}:${name}:wxt:content-script-started`,
            contentScriptName: name,
            messageId: 'x',
          },
          '*',
        );
      }
    }, browser.runtimeId);
    await new Promise((r) => setTimeout(r, 500));
    expect(markTexts(await page.marks())).toContain('Daraa');
    await card.hover('lead', 'Daraa');
    expect((await card.read()).title).toBe('Daraa');
    const heard = await page.page.evaluate(
      () => (window as unknown as AttackWindow).__attack.messages,
    );
    // Only the page's own forged message: Backstory posted nothing to it.
    expect(heard.filter((message) => !message.includes('"messageId":"x"'))).toEqual([]);
    expect(heard.join(' ')).not.toContain(browser.origin);
  });

  it('highlights name only the style: not the entity, its kind, or that it is the reader’s own', async () => {
    const options = await OptionsPage.open(browser);
    await options.addEntity({
      name: 'Southern Talks',
      kind: 'event',
      aliases: 'southern border',
      description: 'A name of the reader’s own',
    });
    await options.close();
    const { page } = await open(article, 'southern border');
    const marks = await page.page.evaluate(() =>
      (window as unknown as AttackWindow).__attack.readHighlights(),
    );
    expect(marks.map((mark) => mark.text)).toEqual(
      expect.arrayContaining(['Daraa', 'Amman', 'southern border']),
    );
    expect(new Set(marks.map((mark) => mark.name))).toEqual(new Set(['backstory-underline']));
    // And the reader can keep their own names unmarked altogether.
    await writeSettings(browser, { markOwnEntities: false });
    await page.waitForMarks(
      (found) =>
        !markTexts(found).includes('southern border') && markTexts(found).includes('Daraa'),
    );
    await writeSettings(browser, { markOwnEntities: true });
  });

  it('a page reloading itself with new addresses mints no history; a read page is recorded once', async () => {
    const before = (await history()).urls.length;
    const reloading = await ArticlePage.open(browser, `${origin}/attack/reload.html`);
    opened.push(reloading);
    // Twelve reloads, each with a new query string, none of them read.
    await reloading.page.waitFor(() => location.search.startsWith('?n=12'), undefined, 30_000);
    const after = await history();
    expect(after.urls.length).toBe(before);
    expect(after.titles.join(' ')).not.toContain('Planted headline');
    // Control: the reader clicks on it, and it is recorded, without its query string.
    await reloading.waitForMarks((found) => markTexts(found).includes('Daraa'));
    await reloading.page.click(5, 5);
    await expect
      .poll(async () => (await history()).urls, { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/\/attack\/reload\.html$/));
  });
});
