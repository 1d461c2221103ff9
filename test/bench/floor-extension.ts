/**
 * The minimal extension every page figure is a ratio to (the "floor"): a content script that walks
 * the page's text, sends it to its background in one message and paints the offsets it gets back
 * as one CSS highlight (`floor/content.js`), and a background that finds the same names mark.js is
 * given (`floor/background.js`). Written out per run, as Manifest V3 for Chromium and V2 for Firefox,
 * the way Backstory is built for each.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserName } from '../e2e/harness/browsers';

const SOURCE = resolve('test/bench/floor');

/** Write the floor extension for `browser` into `dir`, finding `names` (longest first wins). */
export function writeFloorExtension(dir: string, browser: BrowserName, names: string[]): string {
  mkdirSync(dir, { recursive: true });
  for (const file of ['content.js', 'background.js', 'floor.css'])
    copyFileSync(join(SOURCE, file), join(dir, file));
  const longestFirst = [...new Set(names)].sort((a, b) => b.length - a.length);
  writeFileSync(join(dir, 'names.js'), `globalThis.NAMES = ${JSON.stringify(longestFirst)};\n`);
  const contentScript = {
    matches: ['http://*/*', 'https://*/*'],
    run_at: 'document_idle',
    js: ['content.js'],
    css: ['floor.css'],
  };
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'Floor',
          version: '1.0',
          background: { service_worker: 'background.js' },
          content_scripts: [contentScript],
        }
      : {
          manifest_version: 2,
          name: 'Floor',
          version: '1.0',
          background: { scripts: ['names.js', 'background.js'] },
          content_scripts: [contentScript],
          browser_specific_settings: { gecko: { id: 'floor@backstory.bench' } },
        };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
