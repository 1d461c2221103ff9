/**
 * `npm start`: build the Chrome extension, serve the demo article on 127.0.0.1 and open Chromium
 * with Backstory loaded on it. Without a display (a server, CI) Chromium runs headless, saves a
 * screenshot and exits; `--once` does the same with a display.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, loadExtensionFlags } from './browsers';
import { startStaticServer } from './static-server';

const once = process.argv.includes('--once');
const hasDisplay =
  process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const headless = once || !hasDisplay;

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'Backstory: no Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or point CHROME_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}

console.log('Backstory: building the Chrome extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const extensionDir = resolve('.output/chrome-mv3');
const server = await startStaticServer(
  [{ prefix: '/', dir: resolve('demo') }],
  Number(process.env.PORT ?? 0),
);
const articleUrl = `${server.origin}/article.html`;

const context = await chromium.launchPersistentContext(
  mkdtempSync(join(tmpdir(), 'backstory-start-')),
  {
    executablePath,
    headless: false,
    viewport: null,
    args: [
      ...(headless ? ['--headless=new', '--window-size=1280,900'] : []),
      ...CHROMIUM_FLAGS,
      ...loadExtensionFlags(extensionDir),
    ],
  },
);
if (!context.serviceWorkers().length)
  await context.waitForEvent('serviceworker', { timeout: 15_000 });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(articleUrl);

if (headless) {
  const shot = resolve('.output/start-screenshot.png');
  // The screenshot shows the article as a reader sees it: once its names are marked (a loaded
  // machine may take a few seconds), or after 20 s without them.
  const marks = await page
    .waitForFunction(
      () => {
        let count = 0;
        for (const highlight of CSS.highlights?.values() ?? []) count += highlight.size;
        return count;
      },
      undefined,
      { timeout: 20_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => 0);
  await page.screenshot({ path: shot });
  console.log(
    `Backstory: ${hasDisplay ? '' : 'no display found, so '}Chromium ran headless on ${articleUrl}.\n` +
      `  Screenshot: ${shot} (${marks} marks on the page)\n` +
      '  To see the window, run `npm start` on a desktop session (or under xvfb-run with a VNC viewer).',
  );
  await context.close();
  await server.close();
} else {
  console.log(
    `Backstory: Chromium is open on ${articleUrl}. Close the window or press Ctrl+C to stop.`,
  );
  const stop = async () => {
    await context.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  context.on('close', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
