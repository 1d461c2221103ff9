import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import {
  ArticlePage,
  badgeOf,
  markTexts,
  OptionsPage,
  PopupPage,
  sendToTab,
  writeSettings,
} from './harness/pages';
import { docScreenshot } from './harness/screenshots';

describe.each(BROWSERS)('popup, options and toolbar in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const article = `${origin}/demo/article.html`;
  const opened: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openArticle(url = article) {
    const page = await ArticlePage.open(browser, url);
    opened.push(page);
    await page.waitForMarks((found) => markTexts(found).includes('Daraa'));
    return page;
  }

  it('"Highlight entities" un-marks an open article live, leaving its text as it was, and marks it again', async () => {
    const page = await openArticle();
    const popup = await PopupPage.openFor(browser, article);
    opened.push(popup);
    expect(await popup.isOn('Highlight entities')).toBe(true);
    await docScreenshot(browserName, popup.page, 'popup.png');
    await popup.flip('Highlight entities');
    await page.waitForMarks((found) => found.length === 0);
    const { live, source } = await page.liveAndSourceBodies();
    expect(live).toBe(source);
    await popup.flip('Highlight entities');
    await page.waitForMarks((found) => markTexts(found).includes('Daraa'));
  });

  it('the site switch affects only that site', async () => {
    const other = article.replace('127.0.0.1', 'localhost');
    const here = await openArticle();
    const there = await openArticle(other);
    const popup = await PopupPage.openFor(browser, article);
    opened.push(popup);
    await popup.flip('On 127.0.0.1');
    await here.waitForMarks((found) => found.length === 0);
    expect(markTexts(await there.marks())).toContain('Daraa');
    await popup.flip('On 127.0.0.1');
    await here.waitForMarks((found) => markTexts(found).includes('Daraa'));
  });

  it('shows the entities of the page, and the badge shows their number', async () => {
    await openArticle();
    const popup = await PopupPage.openFor(browser, article);
    opened.push(popup);
    const total = await popup.entityTotal();
    expect(total).toBeGreaterThan(20);
    expect(await popup.entities()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Daraa\s*\d+$/)]),
    );
    // The badge is the background's, set apart from the popup's answer: it may follow a moment later.
    await expect.poll(() => badgeOf(browser, article), { timeout: 10_000 }).toBe(String(total));
  });

  it('the toggle command pauses and resumes this tab only, and clears its badge', async () => {
    const page = await openArticle();
    const toggled = (await sendToTab(browser, article, 'content:toggle', {})) as {
      value: { active: boolean };
    };
    expect(toggled.value.active).toBe(false);
    await page.waitForMarks((found) => found.length === 0);
    await expect.poll(() => badgeOf(browser, article), { timeout: 5000 }).toBe('');
    await sendToTab(browser, article, 'content:toggle', {});
    await page.waitForMarks((found) => markTexts(found).includes('Daraa'));
    // The command the browser binds: registered, with Alt+Shift+B as its key. (Chromium leaves
    // suggested keys unbound for extensions loaded with --load-extension; Firefox binds them.)
    const options = await browser.openExtensionPage('options.html');
    const commands = await options.evaluate(async () => {
      type Api = {
        commands: { getAll(): Promise<{ name: string; shortcut?: string }[]> };
        runtime: {
          getManifest(): { commands?: Record<string, { suggested_key?: { default?: string } }> };
        };
      };
      const api = ((globalThis as { browser?: Api }).browser ??
        (globalThis as unknown as { chrome: Api }).chrome) as Api;
      return {
        bound: (await api.commands.getAll()).map(
          (command) => `${command.name}=${command.shortcut ?? ''}`,
        ),
        suggested:
          api.runtime.getManifest().commands?.['toggle-highlights']?.suggested_key?.default,
      };
    });
    await options.close();
    expect(commands.suggested).toBe('Alt+Shift+B');
    expect(commands.bound).toContain(
      browserName === 'firefox' ? 'toggle-highlights=Alt+Shift+B' : 'toggle-highlights=',
    );
  });

  it('an invalid pack file shows what is wrong and keeps what was there', async () => {
    const options = await OptionsPage.open(browser);
    opened.push(options);
    const good = await options.importPack(resolve('test/fixtures/packs/valid-pack.json'));
    expect(good).toEqual({ ok: true, text: 'Imported “Hauran notes” (1 entity).' });
    // The list of packs is asked for again after the verdict: it shows the pack a moment later.
    await expect.poll(() => options.importedPacks(), { timeout: 10_000 }).toEqual(['Hauran notes']);
    const bad = await options.importPack(resolve('test/fixtures/packs/invalid-pack.json'));
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain('nothing changed');
    expect(bad.text).toContain(
      'entity fixture:bad-link (Bad link), field timeline[0].links[0].url: Expected an http(s) URL',
    );
    await docScreenshot(browserName, options.page, 'options.png', true);
    // Nothing changed, as the background now tells a page that opens afresh.
    const fresh = await OptionsPage.open(browser);
    opened.push(fresh);
    expect(await fresh.importedPacks()).toEqual(['Hauran notes']);
  });

  it("marks a reader's own entity on the next page load", async () => {
    const options = await OptionsPage.open(browser);
    opened.push(options);
    await options.addEntity({
      name: 'Levant Ledger',
      kind: 'organisation',
      aliases: 'The Levant Ledger',
      description: 'The made-up newspaper of the Backstory demo',
    });
    const page = await ArticlePage.open(browser, article);
    opened.push(page);
    const marks = await page.waitForMarks((found) => markTexts(found).includes('Levant Ledger'));
    // Marked like every other name: the page cannot tell it is one of the reader's own.
    expect(marks).toContain('backstory-underline: Levant Ledger');
    // Not marked at all once the reader says so.
    await writeSettings(browser, { markOwnEntities: false });
    await page.waitForMarks(
      (found) => !markTexts(found).includes('Levant Ledger') && markTexts(found).includes('Daraa'),
    );
    await writeSettings(browser, { markOwnEntities: true });
  });
});
