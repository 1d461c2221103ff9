import type { PageDiagnostics } from '../../../utils/messages/protocol';
import { SETTINGS_VERSION } from '../../../utils/settings/storage';
import type { ExtensionBrowser, TestPage } from './browsers';

/** The little of the extension API a test probe needs: `browser` in Firefox, `chrome` in Chromium. */
interface ProbeApi {
  tabs: {
    query(filter: object): Promise<{ id?: number; lastAccessed?: number }[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    update(tabId: number, change: { active: boolean }): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    sync: { get(key: string | null): Promise<unknown>; set(items: object): Promise<void> };
    local: { get(key: string | null): Promise<unknown> };
  };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
}
interface ExtensionGlobals {
  browser?: ProbeApi;
  chrome?: ProbeApi;
}

/** A news article open in a tab, as a reader sees it. */
export class ArticlePage {
  constructor(
    readonly page: TestPage,
    readonly url: string,
    /** The browser it is open in: a wait that fails asks its content script what it did. */
    private readonly browser?: ExtensionBrowser,
  ) {}

  static async open(browser: ExtensionBrowser, url: string): Promise<ArticlePage> {
    const page = await browser.newPage();
    await page.goto(url);
    return new ArticlePage(page, url, browser);
  }

  /** The page's visible text, exactly as the reader would copy it. */
  text(): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what the reader sees.
    return this.page.evaluate(() => document.body.innerText);
  }

  bodyHtml(): Promise<string> {
    return this.page.evaluate(() => document.body.innerHTML);
  }

  /**
   * The live body serialised next to the same URL fetched again and parsed without running
   * anything: equal when nothing (extension included) has added, removed or changed a node.
   */
  async liveAndSourceBodies(): Promise<{ live: string; source: string }> {
    return this.page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return { live: document.body.innerHTML, source: parsed.body.innerHTML };
    });
  }

  /** Every painted mark, as "highlight-name: text", in registry order. */
  marks(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
        .highlights;
      for (const [name, highlight] of registry ?? []) {
        for (const range of highlight) {
          // new Range(), not document.createRange(): hostile pages rewrite the latter.
          const live = new Range();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          out.push(`${name}: ${live.toString()}`);
        }
      }
      return out;
    });
  }

  /** Wait until the marks satisfy `check` (Backstory paints shortly after the page settles). */
  async waitForMarks(check: (marks: string[]) => boolean, timeoutMs = 15_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    let marks = await this.marks();
    while (!check(marks)) {
      if (Date.now() > deadline)
        throw new Error(
          `Marks never matched; last seen: ${JSON.stringify(marks)}; ${await this.whatItDid()}`,
        );
      await new Promise((r) => setTimeout(r, 100));
      marks = await this.marks();
    }
    return marks;
  }

  /** What Backstory's content script on the page says it did (for a failing wait's message). */
  private async whatItDid(): Promise<string> {
    if (!this.browser) return 'no browser to ask';
    try {
      const { sessions, batches, mentions, firstConfigMs, refreshes, marking } =
        await diagnosticsOf(this.browser, this.url);
      return `the page began ${sessions} session(s), sent ${batches} batch(es), holds ${mentions} mention(s), first answer after ${Math.round(firstConfigMs)} ms; asked again how to mark it ${refreshes} time(s), and is ${marking ? '' : 'not '}being marked`;
    } catch (error) {
      return `its content script did not answer (${error instanceof Error ? error.message : error})`;
    }
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** Just the text of each mark. */
export const markTexts = (marks: string[]) =>
  marks.map((mark) => mark.slice(mark.indexOf(': ') + 2));

/**
 * Backstory's settings, written the way the popup and options page write them: the value with its
 * version beside it (WXT's storage item keeps it under `settings$`). Without the version, the next
 * page of the extension to read the settings takes them for the first version's, "migrates" them
 * and writes back what it read: the probe page itself did so while this wrote, and a clean-clone
 * CI lost a switch turned back on.
 */
export async function writeSettings(
  browser: ExtensionBrowser,
  patch: Record<string, unknown>,
): Promise<void> {
  await withProbe(browser, (probe) =>
    probe.evaluate(
      async ({ changes, version }) => {
        const api =
          (globalThis as ExtensionGlobals).browser ?? (globalThis as ExtensionGlobals).chrome;
        if (!api) throw new Error('No extension API on the options page');
        const { settings } = (await api.storage.sync.get('settings')) as {
          settings?: Record<string, unknown>;
        };
        // A setting not stored takes its default (`parseSettings`): a fresh profile needs nothing here.
        const base = settings ?? {};
        await api.storage.sync.set({
          settings: { ...base, ...changes },
          settings$: { v: version },
        });
      },
      { changes: patch, version: SETTINGS_VERSION },
    ),
  );
}

/**
 * Send a content-protocol message to the tab showing `articleUrl`, from an extension page, the
 * way the background relays a keyboard command or the popup asks its tab. Those reach the tab in
 * front, so the tab is brought to the front first: the probe page opened to send it would
 * otherwise be in front, and which tab comes back when it closes is the browser's choice (a card
 * opened from the keyboard only holds the focus in the tab in front).
 */
export async function sendToTab(
  browser: ExtensionBrowser,
  articleUrl: string,
  name: string,
  payload: unknown,
): Promise<unknown> {
  return withProbe(browser, async (probe) => {
    const tabId = await tabIdIn(probe, articleUrl);
    return messageTab(probe, tabId, { backstory: 1, name, payload }, true);
  });
}

/**
 * Send a content-protocol message the way a keyboard command reaches a page: the reader's tab is
 * in front of the focused window when the background relays it. The probe that sends it is
 * opened first, then the article is brought to the front (and holds the focus), so the message
 * arrives in a focused page rather than behind the probe.
 */
export async function sendFromFront(
  browser: ExtensionBrowser,
  article: ArticlePage,
  name: string,
  payload: unknown,
): Promise<unknown> {
  return withProbe(browser, async (probe) => {
    const tabId = await tabIdIn(probe, article.url);
    await article.page.bringToFront();
    await article.page.waitFor(() => document.hasFocus(), undefined, 5000);
    return messageTab(probe, tabId, { backstory: 1, name, payload }, false);
  });
}

/** Send `message` to a tab from the probe page, bringing the tab to the front first if `activate`. */
function messageTab(
  probe: TestPage,
  tabId: number,
  message: unknown,
  activate: boolean,
): Promise<unknown> {
  return probe.evaluate(
    async ({ tabId, message, activate }) => {
      const api =
        (globalThis as ExtensionGlobals).browser ?? (globalThis as ExtensionGlobals).chrome;
      if (activate) await api?.tabs.update(tabId, { active: true });
      return api?.tabs.sendMessage(tabId, message);
    },
    { tabId, message, activate },
  );
}

/** How Backstory is doing on the page in the tab showing `articleUrl` (its own diagnostics). */
export async function diagnosticsOf(
  browser: ExtensionBrowser,
  articleUrl: string,
): Promise<PageDiagnostics> {
  const answer = (await sendToTab(browser, articleUrl, 'content:diagnostics', {})) as
    | { ok: true; value: PageDiagnostics }
    | { ok: false; errors: string[] };
  if (!answer.ok) throw new Error(`No diagnostics: ${answer.errors.join('; ')}`);
  return answer.value;
}

/** The toolbar popup, opened as a page and pointed at one article's tab. */
export class PopupPage {
  constructor(readonly page: TestPage) {}

  /** Open the popup for the tab showing `articleUrl` (the popup reads `?tab=`). */
  static async openFor(browser: ExtensionBrowser, articleUrl: string): Promise<PopupPage> {
    const tabId = await tabIdOf(browser, articleUrl);
    const popup = new PopupPage(await browser.openExtensionPage(`popup.html?tab=${tabId}`));
    await popup.status();
    return popup;
  }

  /** Wait until the page section settles and return its text. */
  async status(): Promise<string> {
    await this.page.waitFor(() => {
      const el = document.querySelector('[data-testid="page-status"]');
      return el && !el.textContent?.includes('Looking at this page');
    });
    return this.page.evaluate(
      () => document.querySelector('[data-testid="page-status"]')?.textContent ?? '',
    );
  }

  heading(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('h1')?.textContent ?? '');
  }

  /** Is the switch with this label on? */
  isOn(label: string): Promise<boolean> {
    return this.page.evaluate(
      (name) =>
        document
          .querySelector(`[role="switch"][aria-label="${name}"]`)
          ?.getAttribute('aria-checked') === 'true',
      label,
    );
  }

  /** Click a switch, as a reader would. */
  async flip(label: string): Promise<void> {
    const before = await this.isOn(label);
    await this.page.clickOn(`[role="switch"][aria-label="${label}"]`);
    await this.page.waitFor(
      ({ name, was }) =>
        document
          .querySelector(`[role="switch"][aria-label="${name}"]`)
          ?.getAttribute('aria-checked') !== String(was),
      { name: label, was: before },
    );
  }

  /** The "N entities on this page" line, as a number (0 when absent). */
  async entityTotal(): Promise<number> {
    const text = await this.page.evaluate(
      () => document.querySelector('.entity-list__total')?.textContent ?? '',
    );
    return Number(/^(\d+)/.exec(text)?.[1] ?? 0);
  }

  /** The entity buttons, as "name count" (the count as shown; screen readers hear a sentence). */
  entities(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.entity-button')].map(
        (button) =>
          `${button.querySelector('.entity-button__name')?.textContent ?? ''} ${button.querySelector('.count [aria-hidden="true"]')?.textContent ?? ''}`,
      ),
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The options page. */
export class OptionsPage {
  constructor(readonly page: TestPage) {}

  static async open(browser: ExtensionBrowser): Promise<OptionsPage> {
    const page = await browser.openExtensionPage('options.html');
    await page.waitFor(() => document.querySelector('[data-testid="pack-version"]'));
    return new OptionsPage(page);
  }

  /** Choose a pack file to import and wait for the verdict. */
  async importPack(path: string, timeoutMs = 15_000): Promise<{ ok: boolean; text: string }> {
    await this.startImport(path);
    return this.importVerdict(timeoutMs);
  }

  /** Choose a pack file to import, without waiting for the verdict. */
  async startImport(path: string): Promise<void> {
    await this.page.evaluate(() => {
      for (const el of document.querySelectorAll('.notice, .form-errors')) el.remove();
    });
    await this.page.upload('input[name="pack-file"]', path);
  }

  /** Wait for the verdict of the import under way. */
  async importVerdict(timeoutMs = 15_000): Promise<{ ok: boolean; text: string }> {
    await this.page.waitFor(
      () => document.querySelector('.notice, .form-errors[role="alert"]'),
      undefined,
      timeoutMs,
    );
    return this.page.evaluate(() => {
      const ok = document.querySelector('.notice');
      const error = document.querySelector('.form-errors[role="alert"]');
      return { ok: !!ok, text: (ok ?? error)?.textContent ?? '' };
    });
  }

  /** Names of the imported packs listed. */
  importedPacks(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('section[aria-labelledby="packs"] li strong')].map(
        (el) => el.textContent ?? '',
      ),
    );
  }

  /** Add one of the reader's own entities through the form. */
  async addEntity(fields: {
    name: string;
    kind: string;
    aliases?: string;
    description: string;
  }): Promise<void> {
    await this.page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Add an entity',
      );
      (button as HTMLButtonElement | undefined)?.click();
    });
    await this.page.waitFor(() => document.querySelector('form.entity-form'));
    await this.page.fill('form.entity-form input[name="name"]', fields.name);
    await this.page.evaluate((kind) => {
      const select = document.querySelector(
        'form.entity-form select[name="kind"]',
      ) as HTMLSelectElement;
      select.value = kind;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, fields.kind);
    if (fields.aliases)
      await this.page.fill('form.entity-form input[name="aliases"]', fields.aliases);
    await this.page.fill('form.entity-form input[name="description"]', fields.description);
    await this.page.clickOn('form.entity-form button[type="submit"]');
    await this.page.waitFor(
      (name) =>
        !document.querySelector('form.entity-form') && document.body.textContent?.includes(name),
      fields.name,
    );
  }

  /** A live source's switch as the reader sees it: on, usable, and the line said under it. */
  liveSource(name: string): Promise<{ on: boolean; disabled: boolean; note: string | null }> {
    return this.page.evaluate((label) => {
      const row = [...document.querySelectorAll('.live-source')].find(
        (el) => el.querySelector('[role="switch"]')?.getAttribute('aria-label') === label,
      );
      const toggle = row?.querySelector('[role="switch"]') as HTMLButtonElement | undefined;
      if (!row || !toggle) throw new Error(`No live source ${label}`);
      return {
        on: toggle.getAttribute('aria-checked') === 'true',
        disabled: toggle.disabled,
        note: row.querySelector('.live-source__note')?.getAttribute('data-note') ?? null,
      };
    }, name);
  }

  /** Click a live source's switch with the mouse (the permission request needs a real click). */
  async clickLiveSource(name: string): Promise<void> {
    await this.page.clickOn(`.live-source [role="switch"][aria-label="${name}"]`);
  }

  /** Click a live source's switch and wait until it shows `on` (or a note, when `until` says so). */
  async setLiveSource(name: string, on: boolean): Promise<void> {
    await this.clickLiveSource(name);
    await this.page.waitFor(
      ({ label, want }) =>
        [...document.querySelectorAll('.live-source [role="switch"]')].some(
          (el) =>
            el.getAttribute('aria-label') === label &&
            el.getAttribute('aria-checked') === String(want),
        ),
      { label: name, want: on },
    );
  }

  /** Paste a Guardian key and save it. */
  async saveGuardianKey(key: string): Promise<void> {
    await this.page.fill('input[name="guardian-key"]', key);
    await this.page.clickOn('.live-source__key button[type="submit"]');
    await this.page.waitFor(
      () =>
        document.querySelector('[data-testid="guardian-key-status"]')?.textContent ===
        'A key is saved on this device.',
    );
  }

  /** Press "Forget live answers" and wait for it to be done. */
  async forgetLiveAnswers(): Promise<void> {
    await this.page.evaluate(() => {
      const button = [...document.querySelectorAll('.live-sources button')].find(
        (b) => b.textContent === 'Forget live answers',
      ) as HTMLButtonElement | undefined;
      button?.click();
    });
    await this.page.waitFor(() =>
      document.querySelector('.live-sources')?.textContent?.includes('Forgotten.'),
    );
  }

  /** Does the browser hold these host permissions for the extension (asked from this page)? */
  hasHostPermission(origins: string[]): Promise<boolean> {
    return this.page.evaluate(async (wanted) => {
      const api =
        (globalThis as ExtensionGlobals).browser ?? (globalThis as ExtensionGlobals).chrome;
      return (await api?.permissions.contains({ origins: wanted })) ?? false;
    }, origins);
  }

  /** Firefox: has the reader given the data consent live sources need (`websiteContent`)? */
  holdsDataConsent(): Promise<boolean> {
    return this.page.evaluate(async () => {
      const api = (globalThis as ExtensionGlobals).browser as unknown as {
        permissions: { contains(set: { data_collection: string[] }): Promise<boolean> };
      };
      return api.permissions.contains({ data_collection: ['websiteContent'] });
    });
  }

  /** What is stored: the synced settings' live switches, and every key in sync and local storage. */
  stored(): Promise<{
    liveSources: unknown;
    syncKeys: string[];
    sync: string;
    guardianKey: unknown;
  }> {
    return this.page.evaluate(async () => {
      const api =
        (globalThis as ExtensionGlobals).browser ?? (globalThis as ExtensionGlobals).chrome;
      if (!api) throw new Error('No extension API');
      const sync = (await api.storage.sync.get(null)) as Record<string, unknown>;
      const local = (await api.storage.local.get('liveGuardianKey')) as Record<string, unknown>;
      return {
        liveSources: (sync.settings as Record<string, unknown> | undefined)?.liveSources,
        syncKeys: Object.keys(sync),
        sync: JSON.stringify(sync),
        guardianKey: local.liveGuardianKey,
      };
    });
  }

  /** The "N pages recorded" line. */
  historyLine(): Promise<string> {
    return this.page.evaluate(
      () => document.querySelector('[data-testid="history-count"]')?.textContent ?? '',
    );
  }

  /** Addresses of the pages the history lists. */
  historyUrls(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.history-list a')].map((a) => a.getAttribute('href') ?? ''),
    );
  }

  /** Titles of the pages the history lists. */
  historyTitles(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.history-list a')].map((a) => a.textContent ?? ''),
    );
  }

  async clearHistory(): Promise<void> {
    await this.page.clickOn('button.danger');
    await this.page.waitFor(
      () =>
        document.querySelector('[data-testid="history-count"]')?.textContent ===
        'No pages recorded.',
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** Run `work` in one extension page (the probe), closed afterwards. */
async function withProbe<T>(
  browser: ExtensionBrowser,
  work: (probe: TestPage) => Promise<T>,
): Promise<T> {
  const probe = await browser.openExtensionPage('options.html');
  try {
    return await work(probe);
  } finally {
    // Opening the probe put it in front: the tab in front before it goes back there, rather than
    // whichever tab the browser picks when the probe closes.
    await probe.evaluate(giveBackTheFront).catch(() => {});
    await probe.close();
  }
}

/** Bring the most recently used tab other than this one to the front. */
async function giveBackTheFront(): Promise<void> {
  const api = (globalThis as ExtensionGlobals).browser ?? (globalThis as ExtensionGlobals).chrome;
  if (!api) return;
  const self = await api.tabs.getCurrent();
  let last: { id?: number; lastAccessed?: number } | undefined;
  for (const tab of await api.tabs.query({}))
    if (tab.id !== self?.id && (tab.lastAccessed ?? 0) >= (last?.lastAccessed ?? 0)) last = tab;
  if (last?.id !== undefined) await api.tabs.update(last.id, { active: true });
}

/** The tab id showing `articleUrl`, asked of the tabs' content scripts from a probe page. */
async function tabIdIn(probe: TestPage, articleUrl: string): Promise<number> {
  const tabId = await probe.evaluate(findTabByUrl, articleUrl);
  if (tabId === null) throw new Error(`No tab's content script reported ${articleUrl}`);
  return tabId;
}

/** The tab id showing `articleUrl`. */
export function tabIdOf(browser: ExtensionBrowser, articleUrl: string): Promise<number> {
  return withProbe(browser, (probe) => tabIdIn(probe, articleUrl));
}

/** The toolbar badge of the tab showing `articleUrl`. */
export function badgeOf(browser: ExtensionBrowser, articleUrl: string): Promise<string> {
  return withProbe(browser, async (probe) => {
    const tabId = await tabIdIn(probe, articleUrl);
    return probe.evaluate(async (id) => {
      const api = ((globalThis as ExtensionGlobals).browser ??
        (globalThis as ExtensionGlobals).chrome) as unknown as {
        action?: { getBadgeText(details: object): Promise<string> };
        browserAction?: { getBadgeText(details: object): Promise<string> };
      };
      return (api.action ?? api.browserAction)?.getBadgeText({ tabId: id }) ?? '';
    }, tabId);
  });
}

/**
 * Runs inside an extension page: ask each tab's content script for its page until one reports
 * the URL (the same question the popup asks). Without the `tabs` permission the tab list has ids
 * but no URLs. Retries while the content script may still be starting.
 */
async function findTabByUrl(url: string): Promise<number | null> {
  const api = (globalThis as ExtensionGlobals).browser ?? (globalThis as ExtensionGlobals).chrome;
  if (!api) return null;
  for (let attempt = 0; attempt < 50; attempt++) {
    const tabs = await api.tabs.query({});
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      const answer = (await api.tabs
        .sendMessage(tab.id, { backstory: 1, name: 'content:summary', payload: {} })
        .catch(() => null)) as { ok: boolean; value?: { url: string } } | null;
      if (answer?.ok && answer.value?.url === url) return tab.id;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}
