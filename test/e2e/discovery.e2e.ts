import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { hearing, UNKNOWN_PEOPLE } from '../support/unknown-people';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage } from './harness/card';
import { LiveFakeControl } from './harness/live-fake';
import { ArticlePage, OptionsPage, writeSettings } from './harness/pages';

/**
 * Live discovery against the local fake Wikipedia (`test/fakes/live-server.ts`): with Wikipedia
 * on, names the pack lacks are marked in a style of their own and open cards; with it off, or on
 * an excluded site, nothing at all is asked; an Arabic page asks the Arabic Wikipedia; a
 * disambiguation page and a miss give no mark; a long page keeps to the per-page limit.
 */

const FAKE_HOSTS = ['http://127.0.0.1/*'];
const GENERATED = resolve('test/fixtures/pages/generated');
/** Marks of names found on Wikipedia: their highlight's name ends in `-live`. */
const liveMarks = (marks: string[]) =>
  marks.filter((mark) => /^backstory-\w+-live: /.test(mark)).map((mark) => mark.split(': ')[1]);
const packMarks = (marks: string[]) =>
  marks.filter((mark) => /^backstory-\w+: /.test(mark)).map((mark) => mark.split(': ')[1]);
const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A long article naming 144 people Wikipedia does not know, and one it does, three times. */
function writeLongPage(): string {
  const known =
    '<p id="matviichuk">The lawyer Oleksandra Matviichuk wrote to the committee, and Oleksandra Matviichuk was thanked; Oleksandra Matviichuk did not attend.</p>';
  const paragraphs = UNKNOWN_PEOPLE.map((person) => `<p>${hearing(person)}</p>`);
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    resolve(GENERATED, 'discovery-long.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hearings</title></head><body><article>${known}${paragraphs.join('')}</article></body></html>`,
  );
  return '/generated/discovery-long.html';
}

describe.each(BROWSERS)('live discovery in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const fake = new LiveFakeControl(inject('liveControl'));
  const opened: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    await fake.reset();
    browser = await launchBrowser(browserName, { allowHosts: FAKE_HOSTS });
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
    await fake.reset();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string) {
    const article = await ArticlePage.open(browser, `${origin}${path}`);
    opened.push(article);
    return article;
  }

  it('with Wikipedia off, names the pack lacks get no mark and nothing is asked', async () => {
    const article = await open('/live/discovery.html');
    await article.waitForMarks((marks) => packMarks(marks).includes('Stockholm'));
    // Time enough for a look-up against the local fake (it answers in milliseconds).
    await wait(2000);
    expect(liveMarks(await article.marks())).toEqual([]);
    expect(await fake.requests()).toEqual([]);
  });

  it('with Wikipedia on, they are marked from Wikipedia and open a card; a disambiguation page or a miss gives none', async () => {
    const options = await OptionsPage.open(browser);
    opened.push(options);
    // The options page says what leaves the browser before the source is turned on.
    const said = await options.page.evaluate(
      () => document.querySelector('.live-source[data-source="wikipedia"]')?.textContent ?? '',
    );
    expect(said).toContain('Only the names on the page are sent, never the text around them');
    await options.setLiveSource('Wikipedia', true);

    const article = await open('/live/discovery.html');
    const marks = await article.waitForMarks((seen) => liveMarks(seen).length >= 2, 20_000);
    // The laureates the built-in pack knows are its marks; the two it lacks are Wikipedia's.
    expect(liveMarks(marks).sort()).toEqual(['Carolyn R. Bertozzi', 'Oleksandra Matviichuk']);
    expect(packMarks(marks)).toEqual(expect.arrayContaining(['Stockholm', 'Svante Pääbo']));
    const lookups = (await fake.serviceRequests()).filter((r) => r.service === 'wikipedia-api');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.path).toBe('/wikipedia/en/w/api.php');
    expect(lookups[0]?.query.titles).toContain('David Jones');
    expect(JSON.stringify(lookups)).not.toContain('discovery.html');

    const card = new CardPage(article.page);
    await card.hover('matviichuk', 'Oleksandra Matviichuk');
    const view = await card.read();
    expect(view.title).toBe('Oleksandra Matviichuk');
    expect(view.text).toContain('Ukrainian human rights lawyer');
  });

  it('an Arabic page asks the Arabic Wikipedia', async () => {
    const article = await open('/live/discovery-ar.html');
    const marks = await article.waitForMarks((seen) => liveMarks(seen).length >= 2, 20_000);
    expect(liveMarks(marks).sort()).toEqual(['أم كلثوم', 'نجيب محفوظ']);
    const lookups = (await fake.serviceRequests()).filter((r) => r.service === 'wikipedia-api');
    expect(lookups.map((request) => request.path)).toEqual(['/wikipedia/ar/w/api.php']);
  });

  it('a long page keeps to the per-page limit of look-ups', async () => {
    const article = await open(writeLongPage());
    await article.waitForMarks((seen) => liveMarks(seen).includes('Oleksandra Matviichuk'), 20_000);
    const lookups = (await fake.serviceRequests()).filter((r) => r.service === 'wikipedia-api');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.length).toBeLessThanOrEqual(2);
  });

  it('an excluded site asks nothing', async () => {
    await writeSettings(browser, { blockedSites: ['127.0.0.1'] });
    // Names never asked before, so a request would not be saved by the day's cache.
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(
      resolve(GENERATED, 'discovery-excluded.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Board</title></head><body><p>The board heard from Zora Quill and Otto Vance about the harbour plan.</p></body></html>',
    );
    const article = await open('/generated/discovery-excluded.html');
    await wait(2000);
    expect(await article.marks()).toEqual([]);
    expect(await fake.requests()).toEqual([]);
    await writeSettings(browser, { blockedSites: [] });
  });
});
