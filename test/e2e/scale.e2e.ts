/**
 * Knowledge of any size: a generated pack of 100,000 entities, in the published pack format,
 * imported through the options page as a reader would, in both browsers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticPack } from '../support/synthetic-pack';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, diagnosticsOf, markTexts, OptionsPage } from './harness/pages';

const COUNT = 100_000;
const pack = syntheticPack(COUNT);
const PACK_FILE = join(tmpdir(), `backstory-synthetic-${COUNT}.json`);
/** Entities of the big pack the test page names: its first, its middle and its last. */
const NAMED = [pack.entities[3], pack.entities[COUNT / 2], pack.entities[COUNT - 2]].map(
  (entity) => entity as (typeof pack.entities)[number],
);
const GENERATED = resolve('test/fixtures/pages/generated');

beforeAll(() => {
  writeFileSync(PACK_FILE, JSON.stringify(pack));
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    resolve(GENERATED, 'synthetic.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic names</title>
<script src="/hostile/heartbeat.js"></script></head><body>
<h1>Delegates gather in Daraa</h1>
<p id="lead">${NAMED.map((entity) => entity.name).join(' met ')} in Daraa on Tuesday.</p>
</body></html>`,
  );
});

describe.each(BROWSERS)('a pack of 100,000 entities in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const figures: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    console.log(`\nLarge pack in ${browserName}:\n  ${figures.join('\n  ')}`);
    await browser?.close();
  });

  const diagnostics = (url: string) => diagnosticsOf(browser, url);

  it('imports through the options page while a page keeps its pace, then marks and cards its names', async () => {
    const article = `${origin}/card/article.html`;
    const before = await ArticlePage.open(browser, article);
    await before.waitForMarks((found) => markTexts(found).includes('Daraa'), 60_000);
    const costBefore = await diagnostics(article);
    await before.close();

    // A page open meanwhile: its own 10 ms heartbeat shows whether anything froze it.
    const watching = await ArticlePage.open(browser, `${origin}/generated/synthetic.html`);
    await watching.waitForMarks((found) => markTexts(found).includes('Daraa'), 60_000);
    const options = await OptionsPage.open(browser);
    const started = Date.now();
    await options.startImport(PACK_FILE);
    // The reader goes back to reading while the import runs (a background tab's timers are
    // throttled to one a second, so the page must be in front for its heartbeat to mean anything).
    await watching.page.bringToFront();
    await watching.page.evaluate(() => {
      (window as unknown as { __heartbeat: { maxGap: number } }).__heartbeat.maxGap = 0;
    });
    const result = await options.importVerdict(240_000);
    figures.push(`import of ${COUNT.toLocaleString('en')} entities: ${Date.now() - started} ms`);
    expect(result).toEqual({
      ok: true,
      text: `Imported “${pack.name}” (${COUNT.toLocaleString('en')} entities).`,
    });
    expect(await options.importedPacks()).toContain(pack.name);
    await options.close();
    const beat = await watching.page.evaluate(
      () => (window as unknown as { __heartbeat: { maxGap: number; ticks: number } }).__heartbeat,
    );
    figures.push(
      `the open page's longest timer gap during the import: ${beat.maxGap.toFixed(0)} ms`,
    );
    expect(beat.ticks).toBeGreaterThan(0);
    expect(beat.maxGap).toBeLessThan(1000);
    // The open page matches again with the new packs and marks the new names.
    await watching.waitForMarks(
      (found) => NAMED.every((entity) => markTexts(found).includes(entity.name)),
      60_000,
    );
    await watching.close();

    const page = await ArticlePage.open(browser, `${origin}/generated/synthetic.html`);
    await page.waitForMarks((found) =>
      NAMED.every((entity) => markTexts(found).includes(entity.name)),
    );
    const card = new CardPage(page.page);
    const last = NAMED[2] as (typeof NAMED)[number];
    await card.hover('lead', last.name);
    const view = await card.read();
    expect(view.title).toBe(last.name);
    expect(view.text).toContain(last.description);
    await page.close();

    // An ordinary article afterwards: the same marks as before the pack arrived.
    const after = await ArticlePage.open(browser, article);
    const marks = await after.waitForMarks((found) => markTexts(found).includes('Daraa'));
    expect(markTexts(marks)).toEqual(expect.arrayContaining(['Daraa', 'Amman', 'Jordan']));
    const costAfter = await diagnostics(article);
    figures.push(
      `an ordinary article's cost on its page: ${costBefore.busyMs.toFixed(1)} ms before, ${costAfter.busyMs.toFixed(1)} ms after`,
    );
    expect(costAfter.mentions).toBe(costBefore.mentions);
    await after.close();
  }, 480_000);
});
