import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:port of the fixture server. */
    origin: string;
  }
}

/**
 * Build both browsers' extensions (unless E2E_SKIP_BUILD=1) and serve the fixture pages and the
 * demo article on 127.0.0.1 for the whole e2e run.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    for (const args of [['build'], ['build', '-b', 'firefox']]) {
      execFileSync('npx', ['wxt', ...args], { stdio: 'ignore' });
    }
  }
  const server = await startStaticServer([
    { prefix: '/demo/', dir: resolve('demo') },
    // The strictest policy a page can set: no scripts, no styles, nothing from anywhere.
    {
      prefix: '/csp/',
      dir: resolve('test/fixtures/pages/csp'),
      headers: { 'Content-Security-Policy': "default-src 'none'" },
    },
    { prefix: '/', dir: resolve('test/fixtures/pages') },
  ]);
  project.provide('origin', server.origin);
  return () => server.close();
}
