import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server';
import { E2E_MODE, type FakeEndpointsSpec } from '../../utils/live/build-config';
import { serveLiveFake } from '../fakes/live-control';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:port of the fixture server. */
    origin: string;
    /** The live fake the e2e build talks to, and its control server (`test/fakes/live-control.ts`). */
    liveOrigin: string;
    liveControl: string;
  }
}

/** Where an e2e build records the fake's port, so `E2E_SKIP_BUILD=1` can start it there again. */
const FAKE_RECORD = resolve('.output/e2e-live-fake.json');

/**
 * Start the live fake, build both browsers' extensions in the e2e mode pointed at it (unless
 * E2E_SKIP_BUILD=1, which reuses the last build and its port), and serve the fixture pages and the
 * demo article on 127.0.0.1 for the whole e2e run.
 */
export default async function setup(project: TestProject) {
  const skip = process.env.E2E_SKIP_BUILD === '1';
  let port: number | undefined;
  if (skip) {
    if (!existsSync(FAKE_RECORD))
      throw new Error('No e2e build to reuse: run once without E2E_SKIP_BUILD=1');
    port = (JSON.parse(readFileSync(FAKE_RECORD, 'utf8')) as { port: number }).port;
  }
  const live = await serveLiveFake(port ? { port } : {}).catch((error: unknown) => {
    throw new Error(
      `The live fake cannot take port ${port} again (${error}); rebuild without E2E_SKIP_BUILD`,
    );
  });
  if (!skip) {
    // A short GDELT spacing: every service shares the fake's one host, so GDELT's real five
    // seconds would be counted from any request at all (the spacing itself has unit tests).
    const spec: FakeEndpointsSpec = { endpoints: live.endpoints, gdeltSpacingMs: 200 };
    const env = { ...process.env, WXT_LIVE_ENDPOINTS: JSON.stringify(spec) };
    for (const args of [['build'], ['build', '-b', 'firefox']]) {
      execFileSync('npx', ['wxt', ...args, '--mode', E2E_MODE], { stdio: 'ignore', env });
    }
    mkdirSync(resolve('.output'), { recursive: true });
    writeFileSync(FAKE_RECORD, JSON.stringify({ port: Number(new URL(live.origin).port) }));
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
  project.provide('liveOrigin', live.origin);
  project.provide('liveControl', live.control);
  return async () => {
    await server.close();
    await live.close();
  };
}
