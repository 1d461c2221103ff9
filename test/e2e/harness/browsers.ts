import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  chromium,
  type Frame as PlaywrightFrame,
  type Page as PlaywrightPage,
} from 'playwright-core';
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type Frame as PuppeteerFrame,
  type Page as PuppeteerPage,
} from 'puppeteer-core';
import {
  CHROMIUM_FLAGS,
  findChromium,
  findFirefox,
  loadExtensionFlags,
} from '../../../scripts/browsers';
import { GECKO_ID } from '../../../utils/extension-ids';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** Where each browser's e2e build lands (`wxt build --mode e2e`, with `-b firefox`), see global-setup.ts. */
export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3-e2e'),
  firefox: resolve('.output/firefox-mv2-e2e'),
};

/** Where the production builds land (`wxt build`, `wxt build -b firefox`): what the benchmarks measure. */
export const PRODUCTION_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3'),
  firefox: resolve('.output/firefox-mv2'),
};

/** A fixed UUID so the Firefox extension's pages have a known moz-extension:// origin. */
const FIREFOX_EXTENSION_UUID = '6b1d2e3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

/** A frame inside a page (the card frame is one): look inside it, and where it sits in the page. */
export interface TestFrame {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Run a script's source in the frame (axe-core), as a debugger would: not subject to its CSP. */
  runScript(source: string): Promise<void>;
  /** The frame element's box in the page's viewport (null when it is not laid out). */
  box(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** A DevTools protocol session on the frame (Chromium only; benchmarks read its heap). */
  cdp?: () => Promise<CdpSession>;
}

/** The little of a DevTools protocol session the benchmarks use. */
export interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (params: unknown) => void): void;
}

/** The same small API over a Playwright page (Chromium) and a Puppeteer page (Firefox). */
export interface TestPage {
  /** Every frame of the page, the page's own first. */
  frames(): TestFrame[];
  /** Run a script in the page's world before its own scripts, on every navigation. */
  addInitScript(source: string): Promise<void>;
  /** A DevTools protocol session on the page (Chromium only; benchmarks profile with it). */
  cdp?: () => Promise<CdpSession>;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Poll `fn` in the page until it returns something truthy. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Click the centre of the first element matching a selector, with the mouse. */
  clickOn(selector: string): Promise<void>;
  /** Type into a form field (replacing what is there). */
  fill(selector: string, text: string): Promise<void>;
  /** Choose a file in a file input. */
  upload(selector: string, path: string): Promise<void>;
  /** Bring the tab to the front (extension pages opened by tests take the focus). */
  bringToFront(): Promise<void>;
  /** Add a script file to the page's own world (axe-core for accessibility checks). */
  addScript(path: string): Promise<void>;
  close(): Promise<void>;
}

/** A real browser with the built extension installed. */
export interface ExtensionBrowser {
  name: BrowserName;
  /** `runtime.id` as the extension sees it (Chrome's extension id; Firefox's gecko id). */
  runtimeId: string;
  /** The extension's own origin (Chrome's id, or Firefox's per-install UUID, in a URL). */
  origin: string;
  newPage(): Promise<TestPage>;
  /** Open one of the extension's own pages (popup.html, options.html). */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Stop the extension's service worker, as Chrome does when it idles (Chromium only). */
  stopWorker?: () => Promise<void>;
  /**
   * Send a WebDriver BiDi command (Firefox only; started with system access, so `moz:scope:
   * chrome` contexts are reachable: the benchmarks drive the Gecko profiler with it).
   */
  bidi?: (method: string, params: object) => Promise<unknown>;
  /**
   * The operating system's ids of the extension's own processes (its background, and its pages
   * while open): what the benchmarks read the background's memory from.
   */
  extensionProcesses?: () => Promise<number[]>;
  close(): Promise<void>;
}

/** Send a WebDriver BiDi command. */
export type Bidi = (method: string, params: object) => Promise<unknown>;

/** Evaluate an expression in Firefox's own chrome window (the browser was started with system access). */
export async function evaluateInChrome(bidi: Bidi, expression: string): Promise<unknown> {
  const tree = (await bidi('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result: { contexts: { context: string }[] };
  };
  const context = tree.result.contexts[0]?.context;
  if (!context) throw new Error('No chrome window to evaluate in');
  const answer = (await bidi('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: unknown } };
  if (answer.result.type !== 'success')
    throw new Error(`In Firefox's chrome: ${JSON.stringify(answer.result.exceptionDetails)}`);
  return answer.result.result?.value;
}

/** Chromium's extension processes of the browser using this profile, from their command lines. */
function chromiumExtensionProcesses(profile: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      // Chromium rewrites its processes' titles: the arguments are joined by spaces there.
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/);
    } catch {
      continue;
    }
    if (args.includes('--extension-process') && args.includes(`--user-data-dir=${profile}`))
      pids.push(Number(entry));
  }
  return pids;
}

const DEFAULT_TIMEOUT = 15_000;

/**
 * Poll a function in the page from the test side. Not waitForFunction: that runs helper code in
 * the page's world, which hostile test pages break on purpose (they replace MutationObserver).
 */
async function pollInPage<A>(
  evaluate: (fn: (arg: A) => unknown, arg: A) => Promise<unknown>,
  fn: (arg: A) => unknown,
  arg: A,
  timeoutMs = DEFAULT_TIMEOUT,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Truthiness is judged in the page: an element does not survive the trip back over BiDi.
  const truthy = new Function('arg', `return !!(${fn.toString()})(arg);`) as (arg: A) => boolean;
  let lastError: unknown = null;
  for (;;) {
    const value = await evaluate(truthy, arg).catch((error: unknown) => {
      lastError = error;
      return false;
    });
    if (value) return;
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${String(lastError).slice(0, 200)})` : '';
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${fn.toString().slice(0, 120)}${why}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function wrapPlaywrightFrame(frame: PlaywrightFrame, context: BrowserContext): TestFrame {
  return {
    cdp: () => context.newCDPSession(frame) as Promise<CdpSession>,
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    runScript: async (source) => void (await frame.evaluate(source)),
    box: async () => shownBox(await frame.frameElement().catch(() => null)),
  };
}

/** The box of a frame element that is shown (visible, and in the top layer where it is a popover). */
async function shownBox(
  element: {
    evaluate(fn: (el: Element) => boolean): Promise<boolean>;
    boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  } | null,
) {
  if (!element) return null;
  const shown = await element.evaluate(
    (el) =>
      getComputedStyle(el).visibility === 'visible' &&
      (!el.hasAttribute('popover') || el.matches(':popover-open')),
  );
  return shown ? element.boundingBox() : null;
}

function wrapPuppeteerFrame(frame: PuppeteerFrame): TestFrame {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    runScript: async (source) => void (await frame.evaluate(source)),
    box: async () => shownBox((await frame.frameElement().catch(() => null)) as never),
  };
}

function wrapPlaywright(page: PlaywrightPage): TestPage {
  const context = page.context();
  return {
    frames: () => page.frames().map((frame) => wrapPlaywrightFrame(frame, context)),
    addInitScript: async (source) => void (await page.addInitScript(source)),
    cdp: () => context.newCDPSession(page) as Promise<CdpSession>,
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeout) =>
      pollInPage(page.evaluate.bind(page) as never, fn, arg as never, timeout),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    addScript: async (path) => void (await page.addScriptTag({ path })),
    clickOn: (selector) => page.click(selector),
    fill: (selector, text) => page.fill(selector, text),
    upload: (selector, path) => page.setInputFiles(selector, path),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

function wrapPuppeteer(page: PuppeteerPage): TestPage {
  return {
    frames: () => page.frames().map(wrapPuppeteerFrame),
    addInitScript: async (source) => void (await page.evaluateOnNewDocument(source)),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeout) =>
      pollInPage(page.evaluate.bind(page) as never, fn, arg as never, timeout),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path, fullPage = false) =>
      void (await page.screenshot({ path: path as `${string}.png`, fullPage })),
    setViewport: (width, height) => page.setViewport({ width, height }),
    addScript: async (path) => void (await page.addScriptTag({ path })),
    clickOn: (selector) => page.click(selector),
    fill: async (selector, text) => {
      await page.click(selector, { count: 3 });
      await page.keyboard.press('Backspace');
      await page.type(selector, text);
    },
    upload: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`No ${selector}`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** How the browser presents itself to pages. */
export interface LaunchOptions {
  /** The reader's colour scheme, as `prefers-color-scheme` reports it. */
  colorScheme?: 'light' | 'dark';
  /** Without Backstory (benchmarks' baseline and peer). Default: with it. */
  plain?: boolean;
  /** The production build instead of the e2e build (benchmarks). */
  production?: boolean;
  /** Another unpacked extension instead of Backstory (the benchmarks' minimal extension). */
  extensionDir?: string;
  /**
   * Answer "allow" for the extension's optional host permissions on these hosts, the way a reader
   * would, since headless browsers show the prompt to nobody. The extension still has to ask
   * (`permissions.request` on a real click) before it holds them:
   * - Firefox: the pref `extensions.webextOptionalPermissionPrompts` is false, so every request
   *   made while handling a click is granted without a prompt;
   * - Chromium: the hosts are granted beforehand through chrome://extensions' own API
   *   (`developerPrivate.addHostPermission`, what its "site access" controls call); Chrome then
   *   answers the extension's later request from that grant without a dialog.
   */
  allowHosts?: string[];
  /**
   * Take any certificate, as from a host the reader trusts: the benchmarks serve a pack over
   * https on 127.0.0.1 with a certificate of their own, so the production build (https only)
   * can subscribe to it.
   */
  trustAnyCertificate?: boolean;
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it or set CHROME_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const dir = options.extensionDir ?? (options.production ? PRODUCTION_DIRS : BUILD_DIRS).chromium;
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    args: [
      '--headless=new',
      ...CHROMIUM_FLAGS,
      ...(options.plain ? [] : loadExtensionFlags(dir)),
      ...(options.trustAnyCertificate ? ['--ignore-certificate-errors'] : []),
    ],
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  if (options.plain) return plainChromium(context, profile);
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  if (options.allowHosts?.length) {
    const settingsPage = await context.newPage();
    await settingsPage.goto('chrome://extensions');
    await settingsPage.evaluate(
      async ({ id, hosts }) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
            };
          }
        ).chrome.developerPrivate;
        for (const host of hosts) await api.addHostPermission(id, host);
      },
      { id: extensionId, hosts: options.allowHosts },
    );
    await settingsPage.close();
  }
  if (process.env.E2E_SW_LOG)
    // E2E_SW_LOG=1 relays the background's console, for debugging a failing test.
    worker.on('console', (m) => console.log('SW:', m.text().slice(0, 800)));
  return {
    name: 'chromium',
    runtimeId: extensionId,
    origin: `chrome-extension://${extensionId}`,
    stopWorker: async () => {
      // From a page of the extension's own origin, whose DevTools session sees its worker.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      const session = await context.newCDPSession(page);
      const status = new Map<string, string>();
      session.on('ServiceWorker.workerVersionUpdated', (event) => {
        for (const version of event.versions) status.set(version.versionId, version.runningStatus);
      });
      await session.send('ServiceWorker.enable');
      await pollUntil(async () => status.size > 0);
      for (const versionId of status.keys())
        await session.send('ServiceWorker.stopWorker', { versionId });
      await pollUntil(async () => [...status.values()].every((state) => state === 'stopped'));
      await session.detach();
      await page.close();
    },
    extensionProcesses: async () => chromiumExtensionProcesses(profile),
    newPage: async () => wrapPlaywright(await context.newPage()),
    openExtensionPage: async (path) => {
      const page = wrapPlaywright(await context.newPage());
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A Chromium without the extension: pages only. */
function plainChromium(context: BrowserContext, profile: string): ExtensionBrowser {
  return {
    name: 'chromium',
    runtimeId: '',
    origin: '',
    newPage: async () => wrapPlaywright(await context.newPage()),
    openExtensionPage: () => Promise.reject(new Error('No extension in this browser')),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error('Firefox not found: install firefox-esr or set FIREFOX_PATH');
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: options.trustAnyCertificate ?? false,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // 0 dark, 1 light: what pages (and the card's media queries) see as the reader's scheme.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      ...(options.allowHosts?.length
        ? { 'extensions.webextOptionalPermissionPrompts': false }
        : {}),
    },
  });
  if (!options.plain)
    await browser.installExtension(
      options.extensionDir ?? (options.production ? PRODUCTION_DIRS : BUILD_DIRS).firefox,
    );
  const connection = (
    browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }
  ).connection;
  return {
    name: 'firefox',
    runtimeId: GECKO_ID,
    origin: `moz-extension://${FIREFOX_EXTENSION_UUID}`,
    bidi: (method, params) => connection.send(method, params),
    // Firefox runs extensions in a process of their own, which its process list names.
    extensionProcesses: async () =>
      JSON.parse(
        (await evaluateInChrome(
          (method, params) => connection.send(method, params),
          `ChromeUtils.requestProcInfo().then((info) => JSON.stringify(
            info.children.filter((child) => child.type === 'extension').map((child) => child.pid)))`,
        )) as string,
      ) as number[],
    newPage: async () => wrapPuppeteer(await browser.newPage()),
    openExtensionPage: async (path) => {
      const raw = await browser.newPage();
      // Navigations to moz-extension:// never report "load" over BiDi: start it, then poll.
      raw.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`).catch(() => {});
      const page = wrapPuppeteer(raw);
      await pollUntil(async () =>
        raw
          .evaluate(
            () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
          )
          .catch(() => false),
      );
      return page;
    },
    close: () => browser.close(),
  };
}

async function pollUntil(check: () => Promise<boolean>, timeoutMs = DEFAULT_TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms`);
}

/**
 * Start a browser with the built extension loaded. Nothing waits for the extension to set up:
 * the built-in pack is read in place, so the first page after install is marked like any other.
 */
export async function launchBrowser(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}
