/**
 * A hostile page against Backstory, in both browsers. Each attack is made the way a page's own
 * script would make it (test/fixtures/pages/attack/attacker.js runs in the page's world, before
 * the extension), and each has a control: the reader's real input still works.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { quietFor, timeEffect } from './harness/control';
import { ArticlePage, markTexts, OptionsPage, writeSettings } from './harness/pages';

interface Mark {
  name: string;
  text: string;
  x: number;
  y: number;
}

/** How long the tests wait for a forgery's effect before saying it had none (see `timeEffect`). */
const QUIET_MS = 3000;
/** The test's own messages through the page's queue (see the forged WXT event). */
const ROUND_TRIP = 'backstory-test-round-trip-';

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

  /** Open a page and wait until every name in `ready` is marked. */
  async function open(url: string, ready = ['Daraa']) {
    const page = await ArticlePage.open(browser, url);
    opened.push(page);
    await page.waitForMarks((found) => ready.every((name) => markTexts(found).includes(name)));
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
    await quietFor(QUIET_MS);
    expect(await card.isOpen()).toBe(false);
    // Nothing even loaded the card frame: forged input reaches no part of Backstory.
    expect(await card.frame()).toBeNull();
    // The page scrolls a mention under the reader's resting pointer: still no card. (Scrolled
    // down, the pointer rests where Daraa will be; the page scrolls back up under it.)
    const daraa = await card.pointOf('lead', 'Daraa');
    await page.page.evaluate(() => {
      window.scrollTo(0, 300);
      document.addEventListener('mousemove', (event) => {
        if (event.isTrusted)
          (window as unknown as { lastMove?: number[] }).lastMove = [event.clientX, event.clientY];
      });
    });
    await page.page.mouseMove(daraa.x, daraa.y);
    // The page has had the move while scrolled down (a loaded machine can deliver it after the
    // next script, which would make it a real hover on Daraa), and only then scrolls back.
    await page.page.waitFor(
      ({ x, y }) => {
        const last = (window as unknown as { lastMove?: number[] }).lastMove;
        return !!last && Math.abs((last[0] ?? 0) - x) <= 1 && Math.abs((last[1] ?? 0) - y) <= 1;
      },
      { x: daraa.x, y: daraa.y },
    );
    await page.page.evaluate(() => window.scrollTo(0, 0));
    await quietFor(QUIET_MS);
    expect(await card.isOpen()).toBe(false);
    expect(await card.frame()).toBeNull();
    // Control: the reader's own slightest move there opens Daraa's card, sooner than the test
    // waited above; so a card the forgeries had opened would have been seen.
    const took = await timeEffect(
      () => page.page.mouseMove(daraa.x + 1, daraa.y),
      async () => expect((await card.read()).title).toBe('Daraa'),
    );
    expect(took).toBeLessThan(QUIET_MS);
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
    // The events went to their listeners as they were dispatched; the messages are delivered
    // once two of the page's own, posted after them, have come back (the second after anything
    // a listener posted in reply to the first).
    await page.page.evaluate(async (marker) => {
      for (const round of [1, 2])
        await new Promise<void>((resolve) => {
          const back = (event: MessageEvent) => {
            if (event.data !== `${marker}${round}`) return;
            window.removeEventListener('message', back);
            resolve();
          };
          window.addEventListener('message', back);
          window.postMessage(`${marker}${round}`, '*');
        });
    }, ROUND_TRIP);
    // Control: Backstory still answers the reader, after the forgeries reached it.
    await card.hover('lead', 'Daraa');
    expect((await card.read()).title).toBe('Daraa');
    expect(markTexts(await page.marks())).toContain('Daraa');
    const heard = await page.page.evaluate(
      () => (window as unknown as AttackWindow).__attack.messages,
    );
    // Only the page's own messages: Backstory posted nothing to it.
    expect(
      heard.filter(
        (message) => !message.includes('"messageId":"x"') && !message.startsWith(ROUND_TRIP),
      ),
    ).toEqual([]);
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
    const { page } = await open(article, ['Daraa', 'Amman', 'southern border']);
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
    const reloadsStarted = performance.now();
    const reloading = await ArticlePage.open(browser, `${origin}/attack/reload.html`);
    opened.push(reloading);
    // Twelve reloads, each with a new query string, none of them read.
    await reloading.page.waitFor(() => location.search.startsWith('?n=12'), undefined, 30_000);
    const reloadedFor = performance.now() - reloadsStarted;
    const after = await history();
    expect(after.urls.length).toBe(before);
    expect(after.titles.join(' ')).not.toContain('Planted headline');
    // Control: the reader clicks on it, and it is recorded, without its query string, sooner
    // than the reloads went on; so a record minted by the first of them would have been seen.
    await reloading.waitForMarks((found) => markTexts(found).includes('Daraa'));
    const took = await timeEffect(
      () => reloading.page.click(5, 5),
      () =>
        expect
          .poll(async () => (await history()).urls, { timeout: 15_000 })
          .toContainEqual(expect.stringMatching(/\/attack\/reload\.html$/)),
    );
    expect(took).toBeLessThan(reloadedFor);
    expect((await history()).urls).toHaveLength(before + 1);
  });
});
