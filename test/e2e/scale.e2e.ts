/**
 * Knowledge of any size: a generated pack of 100,000 entities, in the published pack format,
 * imported through the options page as a reader would, in both browsers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticPack } from '../support/synthetic-pack';
import { pulseOf, restartPulse, STALL_ALLOWANCE_MS } from './harness/baseline';
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
  /** The same browser without Backstory, for the same page over the same stretch of time. */
  let plain: ExtensionBrowser;
  const origin = inject('origin');
  const figures: string[] = [];

  beforeAll(async () => {
    [browser, plain] = await Promise.all([
      launchBrowser(browserName),
      launchBrowser(browserName, { plain: true }),
    ]);
  });
  afterAll(async () => {
    console.log(`\nLarge pack in ${browserName}:\n  ${figures.join('\n  ')}`);
    await browser?.close();
    await plain?.close();
  });

  const diagnostics = (url: string) => diagnosticsOf(browser, url);

  it('imports through the options page while a page keeps its pace, then marks and cards its names', async () => {
    const article = `${origin}/card/article.html`;
    const before = await ArticlePage.open(browser, article);
    await before.waitForMarks((found) => markTexts(found).includes('Daraa'), 60_000);
    const costBefore = await diagnostics(article);
    await before.close();

    // A page open meanwhile: its own 10 ms heartbeat shows whether anything froze it. The same
    // page without Backstory, over the same stretch, shows what the busy machine does by itself.
    const synthetic = `${origin}/generated/synthetic.html`;
    const watching = await ArticlePage.open(browser, synthetic);
    const baseline = await ArticlePage.open(plain, synthetic);
    await watching.waitForMarks((found) => markTexts(found).includes('Daraa'), 60_000);
    const options = await OptionsPage.open(browser);
    const started = Date.now();
    await options.startImport(PACK_FILE);
    // The reader goes back to reading while the import runs (a background tab's timers are
    // throttled to one a second, so the page must be in front for its heartbeat to mean anything).
    await watching.page.bringToFront();
    await Promise.all([restartPulse(watching.page), restartPulse(baseline.page)]);
    const result = await options.importVerdict(240_000);
    figures.push(`import of ${COUNT.toLocaleString('en')} entities: ${Date.now() - started} ms`);
    expect(result).toEqual({
      ok: true,
      text: `Imported “${pack.name}” (${COUNT.toLocaleString('en')} entities).`,
    });
    // The list of packs is asked for again after the verdict: it shows the new pack a moment later.
    await expect.poll(() => options.importedPacks(), { timeout: 15_000 }).toContain(pack.name);
    await options.close();
    // The open page matches again with the new packs and marks the new names.
    await watching.waitForMarks(
      (found) => NAMED.every((entity) => markTexts(found).includes(entity.name)),
      60_000,
    );
    const [beat, without] = await Promise.all([pulseOf(watching.page), pulseOf(baseline.page)]);
    figures.push(
      `the open page's longest timer gap during the import and its new marks: ${beat.maxGap.toFixed(0)} ms (without Backstory ${without.maxGap.toFixed(0)} ms)`,
    );
    expect(beat.ticks).toBeGreaterThan(0);
    expect(beat.maxGap).toBeLessThan(without.maxGap + STALL_ALLOWANCE_MS);
    await watching.close();
    await baseline.close();

    const page = await ArticlePage.open(browser, synthetic);
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
    await after.waitForMarks((found) =>
      ['Daraa', 'Amman', 'Jordan'].every((name) => markTexts(found).includes(name)),
    );
    const costAfter = await diagnostics(article);
    figures.push(
      `an ordinary article's cost on its page: ${costBefore.busyMs.toFixed(1)} ms before, ${costAfter.busyMs.toFixed(1)} ms after`,
    );
    expect(costAfter.mentions).toBe(costBefore.mentions);
    await after.close();
  }, 480_000);
});
