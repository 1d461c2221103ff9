import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm start (quick start)', () => {
  it('builds, serves the demo article and opens Chromium with Backstory on it', async () => {
    const shot = resolve('.output/start-screenshot.png');
    rmSync(shot, { force: true });
    const { stdout } = await run('npx', ['tsx', 'scripts/start.ts', '--once'], { timeout: 90_000 });
    expect(stdout).toMatch(/Chromium ran headless on http:\/\/127\.0\.0\.1:\d+\/article\.html/);
    expect(existsSync(shot)).toBe(true);
    // The screenshot was taken once the article was marked.
    const marked = Number(/\((\d+) marks on the page\)/.exec(stdout)?.[1] ?? 0);
    expect(marked).toBeGreaterThan(10);
  });
});
