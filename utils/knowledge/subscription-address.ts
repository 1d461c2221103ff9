import { E2E_MODE } from '../live/build-config';
import { hostPattern } from '../live/endpoints';
import { MANIFEST_FILE } from './dist/manifest';

/**
 * Where a subscription's pack lives: the address of its `manifest.json`, over https. Only a build
 * made in the `e2e` mode (the end-to-end suite's) also accepts `http://127.0.0.1:<port>/…`, so
 * tests can publish a pack on a local static server; production builds stay strict.
 */

/** The optional host permission every subscription draws on (asked one site at a time). */
export const SUBSCRIPTION_HOSTS = ['https://*/*'] as const;
/** The loopback host an e2e build may also subscribe on. */
export const LOOPBACK_HOST = 'http://127.0.0.1/*';

/** Does a build in this mode accept loopback subscriptions? Only the e2e mode. */
export function allowsLoopback(mode: string | undefined): boolean {
  return mode === E2E_MODE;
}

/** The optional host permissions the manifest declares for subscriptions in this build. */
export function subscriptionHosts(loopback: boolean): string[] {
  return loopback ? [...SUBSCRIPTION_HOSTS, LOOPBACK_HOST] : [...SUBSCRIPTION_HOSTS];
}

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d{2,5}\//;

/**
 * A pack address as typed or pasted, checked: https (or, with `loopback`, the local static
 * server), no user name or password, no fragment; a folder address gets `manifest.json`. The
 * address in its canonical form, or why it cannot be one.
 */
export function subscriptionAddress(
  raw: string,
  loopback: boolean,
): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: 'This is not a web address.' };
  }
  const secure = url.protocol === 'https:';
  if (!secure && !(loopback && LOOPBACK.test(url.href)))
    return { ok: false, error: 'Packs are fetched over https only.' };
  if (url.username || url.password)
    return { ok: false, error: 'The address may not carry a user name or password.' };
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += MANIFEST_FILE;
  return { ok: true, url: url.href };
}

/** The host permission a subscription needs: its site's, any port (`https://packs.example.org/*`). */
export function hostPermissionOf(url: string): string {
  return hostPattern(url);
}

/** The address of a pack's file, next to its manifest. */
export function fileAddress(manifestUrl: string, name: string): string {
  return new URL(name, manifestUrl).href;
}
