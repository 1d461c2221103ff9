import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newsParagraphs } from '../bench/corpus';
import { articleBody } from '../support/dom-arbitrary';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { ArticlePage, diagnosticsOf, markTexts, sendToTab, writeSettings } from './harness/pages';

const GENERATED = resolve('test/fixtures/pages/generated');
const HEARTBEAT = '<script src="/hostile/heartbeat.js"></script>';
/** Real-browser sample of the round-trip property (the full run is in the unit tests). */
const SAMPLE_PAGES = 6;

function page(title: string, body: string, head = HEARTBEAT): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

beforeAll(() => {
  mkdirSync(GENERATED, { recursive: true });
  // 200,000 text nodes: one short span after another, a place name now and then.
  const spans: string[] = [];
  for (let i = 0; i < 100_000; i++)
    spans.push(i % 500 === 0 ? '<span>Daraa</span> ' : `<span>w${i}</span> `);
  writeFileSync(
    resolve(GENERATED, 'many-nodes.html'),
    page('200k text nodes', `<p id="lead">Troops near Daraa.</p><div>${spans.join('')}</div>`),
  );
  // One text node of 5 MB.
  const text = newsParagraphs(5_000_000).join(' ').replace(/[<&]/g, ' ');
  writeFileSync(
    resolve(GENERATED, 'big-node.html'),
    page('One 5 MB text node', `<p id="lead">Troops near Daraa.</p><p>${text}</p>`),
  );
  const samples = fc.sample(articleBody, { numRuns: SAMPLE_PAGES, seed: 20261125 });
  samples.forEach((body, i) => {
    writeFileSync(
      resolve(GENERATED, `sample-${i}.html`),
      page(`Generated ${i}`, `<p id="lead">Daraa and Jordan.</p>${body}`, ''),
    );
  });
});

interface Health {
  ok: boolean;
  ticks: number;
  maxGap: number;
  heapMb: number | null;
}

describe.each(BROWSERS)('hostile and extreme pages in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const figures: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    console.log(`\nHostile pages in ${browserName}:\n  ${figures.join('\n  ')}`);
    await browser?.close();
  });

  async function health(article: ArticlePage): Promise<Health> {
    return article.page.evaluate(() => {
      const beat = (window as unknown as { __heartbeat?: { ticks: number; maxGap: number } })
        .__heartbeat;
      const ok = (window as unknown as { __pageOk?: () => boolean }).__pageOk;
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        ok: ok ? ok() : true,
        ticks: beat?.ticks ?? 0,
        maxGap: beat?.maxGap ?? 0,
        heapMb: memory ? memory.usedJSHeapSize / 1e6 : null,
      };
    });
  }

  const diagnostics = (url: string) => diagnosticsOf(browser, url);

  /** Open a hostile page, let Backstory work, and check the page still works and the budget held. */
  async function survive(path: string, expectMarks: boolean): Promise<ArticlePage> {
    const url = `${origin}${path}`;
    const article = await ArticlePage.open(browser, url);
    if (expectMarks) await article.waitForMarks((found) => found.length > 0, 60_000);
    else await new Promise((r) => setTimeout(r, 2500));
    const first = await health(article);
    await new Promise((r) => setTimeout(r, 1000));
    const second = await health(article);
    expect(second.ok).toBe(true);
    expect(second.ticks).toBeGreaterThan(first.ticks);
    const stats = await diagnostics(url);
    await article.page.bringToFront();
    figures.push(
      `${path}: Backstory's work on the page ${stats.busyMs.toFixed(0)} ms in ${stats.tasks} stretches, ` +
        `longest ${stats.longestTaskMs.toFixed(1)} ms (${stats.overBudget} over 50 ms); ` +
        `${stats.batches} batches matched in the background (${stats.matchWaitMs.toFixed(0)} ms round trips); ` +
        `${stats.mentions} mentions; page's longest timer gap ${second.maxGap.toFixed(0)} ms` +
        (second.heapMb === null ? '' : `, page JS heap ${second.heapMb.toFixed(0)} MB`),
    );
    // What a reader would notice: the page froze. Its own heartbeat (a 10 ms timer) never waits a
    // whole second. Task lengths are a budget, measured by `npm run bench`, not asserted here: a
    // busy two-core machine preempts any slice now and then.
    expect(second.maxGap).toBeLessThan(1000);
    if (second.heapMb !== null) expect(second.heapMb).toBeLessThan(400);
    return article;
  }

  it('200,000 text nodes', async () => {
    const article = await survive('/generated/many-nodes.html', true);
    await article.close();
  });

  it('one 5 MB text node', async () => {
    const article = await survive('/generated/big-node.html', true);
    await article.close();
  });

  it('10,000-deep nesting, with a name at the bottom', async () => {
    // Chromium 156 itself crashes the tab on 3,000-deep nesting of blocks, extension or not (measured
    // with a plain headless browser: 2,500 loads, 3,000 crashes): it gets the deepest tree it survives.
    const depth = browserName === 'chromium' ? 2500 : 10_000;
    const article = await survive(`/hostile/deep.html?depth=${depth}`, true);
    // Firefox stops laying out content nested that deep, so a reader cannot see it: then it must
    // not be marked. Where it is shown, it is marked.
    const shown = await article.page.evaluate(() => {
      let deepest: Element | null = document.getElementById('deep');
      while (deepest?.firstElementChild) deepest = deepest.firstElementChild;
      return deepest?.checkVisibility() ?? false;
    });
    if (shown) await article.waitForMarks((found) => markTexts(found).includes('Nasib crossing'));
    else expect(markTexts(await article.marks())).not.toContain('Nasib crossing');
    figures.push(
      `  (deepest text ${shown ? 'shown and marked' : 'not laid out by the browser, so not marked'})`,
    );
    await article.close();
  });

  it('a page that changes its DOM every frame keeps its pace, and the mentions do not pile up', async () => {
    const url = `${origin}/hostile/mutating.html`;
    const article = await survive('/hostile/mutating.html', true);
    const before = (await diagnostics(url)).mentions;
    await new Promise((r) => setTimeout(r, 2000));
    const after = (await diagnostics(url)).mentions;
    expect(after).toBeLessThanOrEqual(before + 1);
    await article.close();
  });

  it('a page that rewrites Node, Range, observers and highlights in its own world', async () => {
    const url = `${origin}/hostile/prototypes.html`;
    const article = await survive('/hostile/prototypes.html', true);
    expect(markTexts(await article.marks())).toEqual(
      expect.arrayContaining(['Daraa', 'Russian mediators']),
    );
    // The page broke the geometry APIs a test would hover with in its world; the keyboard path opens a card.
    await sendToTab(browser, url, 'content:step', { direction: 1 });
    await article.page.bringToFront();
    expect((await new CardPage(article.page).read()).title).toBe('Daraa');
    await article.close();
  });

  it('closed shadow roots stay closed and untouched', async () => {
    const article = await survive('/hostile/closed-shadow.html', true);
    expect(markTexts(await article.marks())).toContain('Daraa');
    await article.close();
  });

  it('about:blank and srcdoc frames: the top page is marked, the frames are left alone', async () => {
    const article = await survive('/hostile/frames.html', true);
    const framed = await article.page.evaluate(
      () =>
        (document.getElementById('blank') as HTMLIFrameElement).contentDocument?.body.innerHTML ??
        '',
    );
    expect(framed).toBe('<p>Written into about:blank: Daraa.</p>');
    await article.close();
  });

  it('designMode = "on": nothing is marked, and typing still works', async () => {
    const article = await survive('/hostile/design-mode.html', false);
    expect(await article.marks()).toEqual([]);
    await article.page.clickOn('#lead');
    await article.page.press('End');
    await article.page.press('X');
    expect(
      await article.page.evaluate(() => document.getElementById('lead')?.textContent ?? ''),
    ).toContain('X');
    await article.close();
  });

  it("a strict CSP (default-src 'none') still gets marks and a styled card", async () => {
    const article = await ArticlePage.open(browser, `${origin}/csp/strict.html`);
    await article.waitForMarks((found) => markTexts(found).includes('Daraa'));
    const card = new CardPage(article.page);
    await card.hover('lead', 'Daraa');
    const view = await card.read();
    expect(view.title).toBe('Daraa');
    expect(view.background).not.toBe('rgba(0, 0, 0, 0)');
    await article.close();
  });

  it(`generated pages (a sample of ${SAMPLE_PAGES}): painting and switching off leave the DOM exactly as served`, async () => {
    for (let i = 0; i < SAMPLE_PAGES; i++) {
      const article = await ArticlePage.open(browser, `${origin}/generated/sample-${i}.html`);
      await article.waitForMarks((found) => markTexts(found).includes('Daraa'));
      let { live, source } = await article.liveAndSourceBodies();
      expect(live).toBe(source);
      await writeSettings(browser, { enabled: false });
      await article.waitForMarks((found) => found.length === 0);
      ({ live, source } = await article.liveAndSourceBodies());
      expect(live).toBe(source);
      await writeSettings(browser, { enabled: true });
      await article.close();
    }
  });
});
