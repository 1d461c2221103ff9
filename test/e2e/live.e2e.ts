import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { CardPage, type CardView } from './harness/card';
import { LiveFakeControl } from './harness/live-fake';
import { ArticlePage, markTexts, OptionsPage } from './harness/pages';
import { docScreenshot } from './harness/screenshots';

/**
 * Opt-in live sources against the local fake (`test/fakes/live-server.ts`, started by the global
 * setup; the e2e build's endpoints point at it). What a reader notices: cards ask nothing while
 * every source is off; turning one on asks the browser for that service's host then and there;
 * cards fill in from the pack at once and from the sources after; a 429 or a service that is
 * down leaves the pack's card with a quiet note; turning a source off gives the access back.
 */

const FAKE_HOSTS = ['http://127.0.0.1/*'];
const SOURCES = ['Wikipedia', 'Wikidata', 'GDELT', 'The Guardian'];
const ARTICLE_DAY = '2021-08-22';

/** Read the card until `check` holds (live parts arrive after the pack's card). */
async function readUntil(
  card: CardPage,
  check: (view: CardView) => boolean,
  timeoutMs = 20_000,
): Promise<CardView> {
  const deadline = Date.now() + timeoutMs;
  let view = await card.read();
  while (!check(view)) {
    if (Date.now() > deadline)
      throw new Error(`The card never got there; last seen: ${view.text.slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    view = await card.read();
  }
  return view;
}

describe.each(BROWSERS)('live sources without an answer to the prompt, in %s', (browserName) => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    // A browser left as it comes: its permission prompt is shown to nobody (headless).
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('turning a source on asks the browser; with no answer it stays off and holds nothing', async () => {
    const options = await OptionsPage.open(browser);
    for (const name of SOURCES) expect((await options.liveSource(name)).on).toBe(false);
    await options.clickLiveSource('Wikipedia');
    // The request is open: the switch says it waits for the browser, and stays off.
    await options.page.waitFor(() =>
      document.querySelector('.live-source[data-source="wikipedia"] [data-note="asking"]'),
    );
    expect(await options.liveSource('Wikipedia')).toMatchObject({ on: false, disabled: true });
    expect(await options.hasHostPermission(FAKE_HOSTS)).toBe(false);
    // Nothing stored says it is on (a fresh profile stores no settings at all).
    const { liveSources } = await options.stored();
    expect((liveSources as { wikipedia?: boolean } | undefined)?.wikipedia ?? false).toBe(false);
    await options.close();
  });
});

describe.each(BROWSERS)('live sources in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const origin = inject('origin');
  const fake = new LiveFakeControl(inject('liveControl'));
  const liveOrigin = inject('liveOrigin');
  const articleUrl = `${origin}/live/2021.html`;
  const opened: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    await fake.reset();
    browser = await launchBrowser(browserName, { allowHosts: FAKE_HOSTS });
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
    await fake.start();
    await fake.reset();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openArticle() {
    const article = await ArticlePage.open(browser, articleUrl);
    opened.push(article);
    await article.waitForMarks((marks) =>
      ['Daraa', 'Bashar al-Assad', 'Syria', 'Jordan River'].every((name) =>
        markTexts(marks).includes(name),
      ),
    );
    return { article, card: new CardPage(article.page) };
  }

  async function openOptions() {
    const options = await OptionsPage.open(browser);
    opened.push(options);
    return options;
  }

  async function closeCard(article: ArticlePage, card: CardPage) {
    await article.page.press('Escape');
    await card.waitClosed();
    await article.page.mouseMove(5, 5);
  }

  it('with every source off, opening cards asks nothing at all', async () => {
    const { article, card } = await openArticle();
    for (const [id, name] of [
      ['lead', 'Daraa'],
      ['leader', 'Bashar al-Assad'],
      ['country', 'Syria'],
      ['river', 'Jordan River'],
    ] as const) {
      await card.hover(id, name);
      const view = await card.read();
      expect(view.title).toBe(name);
      expect(view.picture).toBeNull();
      expect(view.coverage).toEqual([]);
      expect(view.liveNote).toBeNull();
      // The search link is always there: nothing is sent until it is clicked.
      expect(view.searchLinks.map((link) => link.text)).toContain(
        `Search earlier coverage of ${name} on 127.0.0.1, before this article`,
      );
      await closeCard(article, card);
    }
    expect(await fake.requests()).toEqual([]);
  });

  it('turning each source on asks for its host then and there; the Guardian key stays on this device', async () => {
    const options = await openOptions();
    expect(await options.hasHostPermission(FAKE_HOSTS)).toBe(false);
    const text = await options.page.evaluate(
      () => document.querySelector('.live-sources')?.textContent ?? '',
    );
    expect(text).toContain(
      "Sends the names Backstory finds, never the page's address, to Wikipedia.",
    );
    expect(text).toContain('to the GDELT Project.');
    if (browserName === 'firefox') expect(await options.holdsDataConsent()).toBe(false);
    await options.setLiveSource('Wikipedia', true);
    expect(await options.hasHostPermission(FAKE_HOSTS)).toBe(true);
    // Firefox asks for its built-in data consent ("website content") with the hosts.
    if (browserName === 'firefox') expect(await options.holdsDataConsent()).toBe(true);
    await options.setLiveSource('Wikidata', true);
    await options.setLiveSource('GDELT', true);
    // The Guardian needs the reader's own key first.
    expect((await options.liveSource('The Guardian')).disabled).toBe(true);
    await options.saveGuardianKey('test-key');
    await options.setLiveSource('The Guardian', true);
    // The switch shows at once; the settings are written to storage just after.
    await expect
      .poll(async () => (await options.stored()).liveSources, { timeout: 10_000 })
      .toEqual({ wikipedia: true, wikidata: true, gdelt: true, guardian: true });
    const stored = await options.stored();
    expect(stored.guardianKey).toBe('test-key');
    expect(stored.sync).not.toContain('test-key');
    expect(await fake.requests()).toEqual([]);
  });

  it('fills a card from the sources: description, picture, dated facts then and since, earlier coverage', async () => {
    const { article, card } = await openArticle();

    await card.hover('country', 'Syria');
    const syria = await readUntil(
      card,
      (view) => !!view.picture?.loaded && view.factsSince.length > 0,
    );
    expect(syria.picture?.src).toBe(`${liveOrigin}/media/Flag_of_Syria.png`);
    expect(syria.credit).toEqual({ text: 'Syria', href: 'https://en.wikipedia.org/wiki/Syria' });
    // Wikidata's dated facts, as they stood on the article's day and what changed since.
    expect(syria.facts).toContain('Head of state: Bashar al-Assad (until 8 Dec 2024)');
    expect(syria.factsSince).toContain('Head of state: Ahmed al-Sharaa (since 29 Jan 2025)');
    await docScreenshot(browserName, article.page, 'card-live.png');
    await closeCard(article, card);

    await card.hover('river', 'Jordan River');
    const river = await readUntil(card, (view) => !!view.credit);
    // A popular title: the pack knows only the name; Wikipedia gives the description.
    expect(river.text).toContain('River in the Middle East flowing into the Dead Sea');
    expect(river.text).not.toContain('Popular English Wikipedia article');
    await closeCard(article, card);

    await card.hover('lead', 'Daraa');
    const daraa = await readUntil(card, (view) => view.coverage.length > 0);
    expect(daraa.text).toMatch(/Earlier coverage from the news/i);
    expect(daraa.coverage.every((item) => item.date < ARTICLE_DAY)).toBe(true);
    const outlets = new Set(daraa.coverage.map((item) => item.outlet));
    expect(outlets.has('The Guardian')).toBe(true);
    expect(outlets.has('levant-monitor.example')).toBe(true);
    expect(daraa.coverage.map((item) => item.title)).not.toContain(
      'Ceasefire agreed for Daraa al-Balad',
    );
    expect(daraa.text).toContain('GDELT only reliably covers the last three months');
    expect(daraa.liveNote).toBeNull();
    await closeCard(article, card);

    // What left the browser: names, ids and dates, never the page's address, no cookies.
    const sent = await fake.serviceRequests();
    expect(new Set(sent.map((request) => request.service))).toEqual(
      new Set(['wikipedia-rest', 'wikipedia-api', 'wikidata', 'gdelt', 'guardian']),
    );
    for (const request of sent) {
      const everything = JSON.stringify(request);
      expect(everything).not.toContain('/live/2021.html');
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
      if (request.service.startsWith('wiki'))
        expect(request.headers['api-user-agent']).toMatch(
          /^Backstory\/\d+\.\d+\.\d+ \(https:\/\/github\.com\/backstory-news\/backstory; /,
        );
    }
    // The news archives get one quoted name and a window ending at the article's day.
    const names = new Set(['"Daraa"', '"Syria"', '"Jordan River"']);
    for (const request of sent.filter((each) => each.service === 'gdelt')) {
      expect(names.has(request.query.query ?? '')).toBe(true);
      expect(request.query.enddatetime).toBe('20210822000000');
    }
    for (const request of sent.filter((each) => each.service === 'guardian')) {
      expect(names.has(request.query.q ?? '')).toBe(true);
      expect(request.query['to-date']).toBe('2021-08-21');
    }
    // Asked once: opening Syria again is answered from the cache.
    const before = sent.length;
    await card.hover('country', 'Syria');
    await readUntil(card, (view) => !!view.credit && view.factsSince.length > 0);
    expect(await fake.serviceRequests()).toHaveLength(before);
  });

  it('waits out a 429 as the service asks, and the card still fills', async () => {
    const options = await openOptions();
    await options.forgetLiveAnswers();
    await fake.reset();
    await fake.mode({
      kind: 'rate-limit',
      retryAfterSeconds: 1,
      times: 1,
      service: 'wikipedia-rest',
    });
    const { card } = await openArticle();
    await card.hover('country', 'Syria');
    const view = await readUntil(card, (seen) => !!seen.picture?.loaded);
    expect(view.credit?.text).toBe('Syria');
    expect(view.liveNote).toBeNull();
    const summaries = (await fake.serviceRequests()).filter(
      (request) => request.service === 'wikipedia-rest',
    );
    // Refused once with Retry-After: 1, asked again after the wait, answered.
    expect(summaries.map((request) => request.path)).toEqual([
      '/wikipedia/en/api/rest_v1/page/summary/Syria',
      '/wikipedia/en/api/rest_v1/page/summary/Syria',
    ]);
  });

  it('with the services down, the pack card stays, with a quiet note', async () => {
    const options = await openOptions();
    await options.forgetLiveAnswers();
    await fake.stop();
    const { card } = await openArticle();
    await card.hover('lead', 'Daraa');
    const view = await readUntil(card, (seen) => seen.liveNote !== null);
    expect(view.liveNote).toBe('Live background unavailable.');
    expect(view.state).toBe('ready');
    // The pack's own card, whole.
    expect(view.text).toContain('City in south-western Syria');
    expect(view.articleDate).toBe('This article · 22 Aug 2021');
    expect(view.picture).toBeNull();
  });

  it('turning the sources off gives the access back, and nothing more is asked', async () => {
    const options = await openOptions();
    for (const name of SOURCES) await options.setLiveSource(name, false);
    await options.forgetLiveAnswers();
    if (browserName === 'firefox') {
      // Given back once each switch is off: the switch shows first.
      await expect.poll(() => options.hasHostPermission(FAKE_HOSTS)).toBe(false);
      await expect.poll(() => options.holdsDataConsent()).toBe(false);
    } else {
      // Chrome refuses `permissions.remove` here ("You cannot remove required permissions"): the
      // content script's http(s)://*/* already covers every host. The switch is off, the note says
      // the browser kept the access, and nothing is sent (below).
      await options.page.waitFor(() => document.querySelector('[data-note="kept"]'));
      expect(await options.hasHostPermission(FAKE_HOSTS)).toBe(true);
    }
    await fake.reset();
    const { article, card } = await openArticle();
    for (const [id, name] of [
      ['country', 'Syria'],
      ['lead', 'Daraa'],
    ] as const) {
      await card.hover(id, name);
      const view = await card.read();
      expect(view.picture).toBeNull();
      await closeCard(article, card);
    }
    expect(await fake.requests()).toEqual([]);
  });
});
