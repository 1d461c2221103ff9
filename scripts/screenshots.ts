/**
 * `npm run screenshots`: refresh the README's pictures in docs/screenshots from the ones the
 * end-to-end tests took in Chromium (`.output/screenshots`, see test/e2e/harness/screenshots.ts).
 * Tests never write into docs/, so a test run leaves the tree clean; this is the one command that
 * does. It copies what the last e2e run left; with `--take`, or when a picture is missing, it
 * first runs the Chromium half of the e2e files that take them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCREENSHOT_DIR } from '../test/e2e/harness/screenshots';

const DOCS = resolve('docs/screenshots');
const E2E = resolve('test/e2e');

const wanted = readdirSync(DOCS).filter((name) => name.endsWith('.png'));
const missing = () => wanted.filter((name) => !existsSync(join(SCREENSHOT_DIR, name)));

if (process.argv.includes('--take') || missing().length > 0) {
  // The files that take a picture for the docs, run in Chromium only (describe blocks end "in chromium").
  const files = readdirSync(E2E)
    .filter((name) => name.endsWith('.e2e.ts'))
    .filter((name) => readFileSync(join(E2E, name), 'utf8').includes('docScreenshot('))
    .map((name) => `test/e2e/${name}`);
  console.log(`Taking screenshots: ${files.join(' ')}`);
  // Only pictures of this run: a failed test must not leave an older one to be copied.
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  try {
    execFileSync(
      'npx',
      ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...files, '-t', 'in chromium'],
      { stdio: 'inherit' },
    );
  } catch {
    console.error('Some of those tests failed: copying the pictures the others took.');
    process.exitCode = 1;
  }
}

const still = missing();
if (still.length > 0) {
  console.error(`No fresh picture for ${still.join(', ')}: did its test fail?`);
  process.exitCode = 1;
}
for (const name of wanted.filter((each) => !still.includes(each))) {
  copyFileSync(join(SCREENSHOT_DIR, name), join(DOCS, name));
  console.log(`docs/screenshots/${name}`);
}
const taken = existsSync(SCREENSHOT_DIR) ? readdirSync(SCREENSHOT_DIR) : [];
const unused = taken.filter((name) => name.endsWith('.png') && !wanted.includes(name));
if (unused.length > 0)
  console.log(
    `Taken but not in docs/screenshots (copy by hand if the README should show them): ${unused.join(', ')}`,
  );
