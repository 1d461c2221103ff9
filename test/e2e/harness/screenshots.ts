import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserName, TestPage } from './browsers';

/**
 * Where the e2e run leaves the pictures the README shows. They stay in the build output, so a
 * test run never changes a tracked file; `npm run screenshots` copies them into docs/screenshots.
 */
export const SCREENSHOT_DIR = resolve('.output/screenshots');

/**
 * Take one of the README's screenshots, in Chromium only: the docs show one browser, so the
 * pictures look the same from one refresh to the next.
 */
export async function docScreenshot(
  browser: BrowserName,
  page: TestPage,
  name: `${string}.png`,
  fullPage = false,
): Promise<void> {
  if (browser !== 'chromium') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Not mid-way through the card's fade-in: every frame's running animations have finished.
  await Promise.all(
    page.frames().map((frame) =>
      frame
        .evaluate(async () => {
          // A spinner that runs for ever is left running.
          const ending = document
            .getAnimations()
            .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
          await Promise.all(ending.map((animation) => animation.finished));
        })
        .catch(() => {
          // A frame that went away, or an animation cancelled meanwhile: nothing left to wait for.
        }),
    ),
  );
  await page.screenshot(join(SCREENSHOT_DIR, name), fullPage);
}
