import type { LiveHttp, RequestOptions } from '../live/http';
import {
  type DistFile,
  type DistManifest,
  MAX_FILE_BYTES,
  MAX_MANIFEST_BYTES,
  parseManifest,
  SIGNATURE_FILE,
} from './dist/manifest';
import { checkFile } from './dist/read-dist';
import { fingerprintOf, verifyBytes } from './dist/signature';
import { fileAddress } from './subscription-address';
import { type SubscriptionLimits, tooLarge } from './subscription-policy';

/**
 * Fetching a subscribed pack and trusting nothing of it until it is checked: the manifest must be
 * signed by the publisher's pinned key, be a well-formed manifest of the same pack, and fit the
 * limits (before any file is fetched); each file must have exactly the size and SHA-256 the signed
 * manifest lists. Every failure is a value with a sentence for the reader, never a throw.
 */

/**
 * Why a fetch gave nothing: `unreachable` (the network or the server failed: try again later) or
 * `refused` (the server answered with something Backstory will not take).
 */
export type FetchFailure = { ok: false; kind: 'unreachable' | 'refused'; problem: string };
export type Fetched<T> = { ok: true; value: T } | FetchFailure;

/** A manifest as fetched: unchanged since the validators given (a 304), or new and checked. */
export type ManifestAnswer =
  | { unchanged: true }
  | { unchanged: false; manifest: DistManifest; key: string; etag?: string; lastModified?: string };

export interface ManifestRequest {
  url: string;
  /** The pinned key (base64), or none when subscribing (the manifest's own key is taken then). */
  key?: string;
  /** The pack's id, once subscribed: a manifest of another pack is refused. */
  id?: string;
  /** The last answer's validators, for a conditional request. */
  etag?: string;
  lastModified?: string;
  limits: SubscriptionLimits;
}

/** A manifest takes seconds at most; a file may be 4 MB on a slow connection. */
const MANIFEST_TIMEOUT_MS = 20_000;
const FILE_TIMEOUT_MS = 120_000;

const unreachable = (problem: string): FetchFailure => ({
  ok: false,
  kind: 'unreachable',
  problem,
});
const refused = (problem: string): FetchFailure => ({ ok: false, kind: 'refused', problem });

interface Got {
  status: number;
  text: string;
  bytes?: Uint8Array;
  etag?: string;
  lastModified?: string;
}

/**
 * GET one address (`what` names it for the reader); a failure as the reader should read it. A
 * body over the request's bound is refused with `oversized`; a 404 is `missing` when given.
 */
async function get(
  http: LiveHttp,
  url: string,
  what: string,
  options: RequestOptions,
  problems: { oversized: string; missing?: string },
): Promise<Fetched<Got>> {
  const host = new URL(url).host;
  const answer = await http.get(url, options);
  if (!answer.ok) {
    const { detail, status } = answer.error;
    if (detail.startsWith('answer too large')) return refused(problems.oversized);
    return unreachable(
      `${what} could not be fetched from ${host}: ${status ? `the server answered HTTP ${status}` : detail}.`,
    );
  }
  const { status } = answer.value;
  if ((status === 404 || status === 410) && problems.missing) return refused(problems.missing);
  if (status !== 200 && status !== 304)
    return unreachable(
      `${what} could not be fetched from ${host}: the server answered HTTP ${status}.`,
    );
  return { ok: true, value: answer.value };
}

/**
 * Fetch a pack's manifest (conditionally, when validators are given) and its signature, and check
 * them: the signature with the pinned key (or, when subscribing, the manifest's own key), the
 * manifest's form, its id, and the limits.
 */
export async function fetchManifest(
  http: LiveHttp,
  request: ManifestRequest,
): Promise<Fetched<ManifestAnswer>> {
  const conditional: Record<string, string> = {};
  if (request.etag) conditional['If-None-Match'] = request.etag;
  if (request.lastModified) conditional['If-Modified-Since'] = request.lastModified;
  const answer = await get(
    http,
    request.url,
    'The manifest',
    {
      headers: { Accept: 'application/json', ...conditional },
      body: 'bytes',
      cache: 'no-store',
      maxChars: MAX_MANIFEST_BYTES,
      timeoutMs: MANIFEST_TIMEOUT_MS,
    },
    {
      oversized: `The manifest is over ${MAX_MANIFEST_BYTES / 1024 / 1024} MB, so it was refused.`,
    },
  );
  if (!answer.ok) return answer;
  if (answer.value.status === 304) return { ok: true, value: { unchanged: true } };
  const bytes = answer.value.bytes ?? new Uint8Array();

  const signature = await get(
    http,
    fileAddress(request.url, SIGNATURE_FILE),
    'The signature',
    {
      headers: { Accept: 'text/plain' },
      cache: 'no-store',
      maxChars: 1024,
      timeoutMs: MANIFEST_TIMEOUT_MS,
    },
    {
      oversized: `${SIGNATURE_FILE} is not a signature, so the manifest was refused.`,
      missing: `The pack has no ${SIGNATURE_FILE}: only signed packs are accepted.`,
    },
  );
  if (!signature.ok) return signature;

  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refused('The manifest is not valid JSON; the pack was not changed.');
  }
  const named = typeof data === 'object' && data !== null ? (data as { key?: unknown }).key : null;
  const key = request.key ?? (typeof named === 'string' ? named : null);
  if (!key)
    return refused(
      'The manifest names no publisher key, so it cannot be verified: only signed packs can be subscribed to.',
    );
  if (request.key && named !== request.key) {
    const now = typeof named === 'string' ? await fingerprintOf(named).catch(() => null) : null;
    return refused(
      `The publisher’s key has changed${now ? ` (to ${now})` : ''}, so this update was refused. If the publisher announced a new key, unsubscribe and subscribe again.`,
    );
  }
  if (!(await verifyBytes(key, bytes, signature.value.text)))
    return refused(
      'The manifest’s signature does not match the publisher’s key: it may have been tampered with, so it was refused.',
    );

  const parsed = parseManifest(data);
  if (!parsed.ok) return refused(`The manifest is broken: ${parsed.errors.join('; ')}`);
  const manifest = parsed.manifest;
  if (request.id && manifest.id !== request.id)
    return refused(
      `The manifest is for another pack (${manifest.id}, not ${request.id}), so it was refused.`,
    );
  const large = tooLarge(manifest, request.limits);
  if (large) return refused(large);
  const { etag, lastModified } = answer.value;
  return {
    ok: true,
    value: {
      unchanged: false,
      manifest,
      key,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    },
  };
}

/**
 * Fetch some of a pack's files, one after another, each checked against the (signed) manifest's
 * size and SHA-256 as it arrives. All of them, or the first failure.
 */
export async function fetchFiles(
  http: LiveHttp,
  manifestUrl: string,
  files: readonly DistFile[],
): Promise<Fetched<Map<string, Uint8Array>>> {
  const out = new Map<string, Uint8Array>();
  for (const file of files) {
    const answer = await get(
      http,
      fileAddress(manifestUrl, file.name),
      file.name,
      {
        headers: { Accept: 'application/octet-stream' },
        body: 'bytes',
        cache: 'no-store',
        // A file larger than the manifest says is cut off, not read whole.
        maxChars: Math.min(file.bytes, MAX_FILE_BYTES),
        timeoutMs: FILE_TIMEOUT_MS,
      },
      {
        oversized: `${file.name} is larger than the manifest says, so the pack was refused.`,
        missing: `${file.name} is missing on the server, so the pack was refused.`,
      },
    );
    if (!answer.ok) return answer;
    const bytes = answer.value.bytes ?? new Uint8Array();
    const problem = await checkFile(file, bytes);
    if (problem) return refused(`${problem}, so the pack was refused.`);
    out.set(file.name, bytes);
  }
  return { ok: true, value: out };
}
