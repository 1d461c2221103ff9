import { readFileSync } from 'node:fs';
import type { LiveEndpoints } from '../../utils/live/endpoints';

/**
 * What one live source's fake is: the part of the local fake server (`live-server.ts`) that
 * answers as that service does, in its documented format, from fixtures written by us. The
 * server asks each source's fake (`sources/index.ts`, one per registered source) where it lives
 * and what it answers.
 */

export type Json = Record<string, unknown>;

/** An HTTP answer. */
export interface Reply {
  status: number;
  body: string | Buffer;
  type: string;
  headers?: Record<string, string>;
}

/** Which of a fake's services a request is for. */
export interface FakeRoute<S extends string = string> {
  service: S;
  /** A wiki's language, for Wikimedia's per-language hosts. */
  lang?: string;
  /** The rest of the path (a page title, a search path). */
  rest: string;
}

export interface FakeSource<S extends string = string> {
  /** The services it answers, as the request log names them. */
  services: readonly S[];
  /** Its endpoints on the fake at `origin`. */
  endpoints(origin: string): Partial<LiveEndpoints>;
  /** The service a path is for, or null when it is not one of this source's. */
  route(path: string): FakeRoute<S> | null;
  /** The answer, as the real service would give it. */
  answer(route: FakeRoute<S>, query: Record<string, string>, origin: string): Reply;
  /** How this service says "slow down" (429). */
  tooMany?(retryAfterSeconds: number): Reply;
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(body),
  type: 'application/json; charset=utf-8',
  ...(headers ? { headers } : {}),
});

export const html = (text: string, status = 200): Reply => ({
  status,
  body: `<!DOCTYPE html><html><body>${text}</body></html>`,
  type: 'text/html; charset=utf-8',
});

const fixtures = new URL('./fixtures/', import.meta.url);

/** A JSON fixture under `fixtures/`. */
export function fixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as T;
}

/** Fills `{origin}` in fixture strings (thumbnails point back at the fake). */
export function withOrigin(value: unknown, origin: string): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll('{origin}', origin));
}

/** Quoted phrases of a query, lower-cased: `("Daraa" OR "Deraa") sourcelang:english` → daraa, deraa. */
export function phrases(query: string): string[] {
  return [...query.matchAll(/"([^"]*)"/g)].map((match) => (match[1] ?? '').toLowerCase());
}
