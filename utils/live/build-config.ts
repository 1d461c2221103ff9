import { DEFAULT_ENDPOINTS, type LiveEndpoints } from './endpoints';
import { GDELT_SPACING_MS } from './gdelt';

/**
 * Where this build's live sources go. Production builds always talk to the real services; only a
 * build made in the `e2e` mode (`wxt build --mode e2e`, which the end-to-end suite runs) may point
 * them at a local fake, given as JSON in the build-time variable `WXT_LIVE_ENDPOINTS`. Even then
 * only loopback addresses (`http://127.0.0.1:<port>`) are accepted, so a stray variable can never
 * send a reader's names to some other server.
 */

/** The build mode whose builds may use a local fake. */
export const E2E_MODE = 'e2e';

/**
 * How Backstory names itself to Wikimedia (`Api-User-Agent: Backstory/<version> (<contact>)`), as
 * their etiquette asks. The project's address and a maintainers' mailbox (placeholders until the
 * project has its public home; see README, "Live sources").
 */
export const LIVE_CONTACT =
  'https://github.com/backstory-news/backstory; maintainers@backstory.news';

/**
 * Firefox's built-in data consent: what a live source transmits (names found on the page the reader
 * is reading: "website content"), declared optional in the manifest and asked for together with a
 * source's hosts, so Firefox's prompt says both. Nothing is collected without it (`required: none`).
 */
export const FIREFOX_LIVE_DATA = ['websiteContent'] as const;

/**
 * The permissions a live source asks for: its hosts, and in Firefox the data consent too. Shared by
 * the options page (request, remove) and the background (contains), so both ask the same question.
 */
export function livePermissions(
  origins: string[],
  firefox: boolean,
): { origins: string[]; data_collection?: string[] } {
  return firefox ? { origins, data_collection: [...FIREFOX_LIVE_DATA] } : { origins };
}

/** Wikimedia's image host: the only place a card's picture may come from. */
export const WIKIMEDIA_IMAGES = 'https://upload.wikimedia.org';

export interface LiveBuildConfig {
  endpoints: LiveEndpoints;
  /** Origins a card may show a picture from (`img-src` in the extension pages' CSP too). */
  imageOrigins: string[];
  /** GDELT's request spacing (its own: 5 s; an e2e build may shorten it against the fake). */
  gdeltSpacingMs: number;
  /** True for an e2e build pointed at a fake. */
  fake: boolean;
}

const PRODUCTION: LiveBuildConfig = Object.freeze({
  endpoints: DEFAULT_ENDPOINTS,
  imageOrigins: [WIKIMEDIA_IMAGES],
  gdeltSpacingMs: GDELT_SPACING_MS,
  fake: false,
}) as LiveBuildConfig;

/** What the e2e global setup writes into `WXT_LIVE_ENDPOINTS`. */
export interface FakeEndpointsSpec {
  endpoints: LiveEndpoints;
  gdeltSpacingMs?: number;
}

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d{2,5}\//;

/**
 * The live configuration of a build in `mode` with the variable's value `raw`. Throws when the
 * variable is set outside the e2e mode or names anything but loopback addresses: a build that
 * means to use a fake and cannot is better stopped than shipped pointing somewhere else.
 */
export function liveBuildConfig(
  mode: string | undefined,
  raw: string | undefined,
): LiveBuildConfig {
  if (!raw) return PRODUCTION;
  if (mode !== E2E_MODE)
    throw new Error(`WXT_LIVE_ENDPOINTS is only read by builds in the "${E2E_MODE}" mode`);
  const spec = JSON.parse(raw) as FakeEndpointsSpec;
  const endpoints = {} as LiveEndpoints;
  for (const key of Object.keys(DEFAULT_ENDPOINTS) as (keyof LiveEndpoints)[]) {
    const value = spec.endpoints?.[key];
    if (typeof value !== 'string' || !LOOPBACK.test(value))
      throw new Error(`WXT_LIVE_ENDPOINTS: ${key} must be an http://127.0.0.1:<port>/ address`);
    endpoints[key] = value;
  }
  const origins = new Set(
    Object.values(endpoints).map((url) => new URL(url.replace('{lang}', 'en')).origin),
  );
  return {
    endpoints,
    imageOrigins: [WIKIMEDIA_IMAGES, ...origins],
    gdeltSpacingMs:
      typeof spec.gdeltSpacingMs === 'number' && spec.gdeltSpacingMs >= 0
        ? spec.gdeltSpacingMs
        : GDELT_SPACING_MS,
    fake: true,
  };
}

/**
 * A picture address a card may show: https from Wikimedia's image host (or, in an e2e build, the
 * fake's origin), nothing else. Null otherwise.
 */
export function allowedPicture(url: string | undefined, origins: readonly string[]): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return null;
    if (!origins.includes(parsed.origin)) return null;
    if (parsed.protocol !== 'https:' && !LOOPBACK.test(parsed.href)) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** The extension pages' CSP: WXT's default, plus pictures from {@link LiveBuildConfig.imageOrigins} only. */
export function extensionPagesCsp(config: LiveBuildConfig, manifestVersion: 2 | 3): string {
  const script =
    manifestVersion === 3 ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'";
  return `${script}; object-src 'self'; img-src 'self' ${config.imageOrigins.join(' ')};`;
}
