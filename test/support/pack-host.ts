import type { DistInput } from '@/utils/knowledge/dist/build-dist';
import { publishDist } from '@/utils/knowledge/dist/publish-dist';
import {
  generateSigningKey,
  readSigningKey,
  type SigningKey,
} from '@/utils/knowledge/dist/signature';
import type { Entity } from '@/utils/knowledge/schema';
import { entity } from './entities';

/** Where the fake host publishes: a folder on a publisher's site. */
export const PACK_URL = 'https://packs.example.org/news/manifest.json';

/** A publisher's key, made once per call. */
export async function publisherKey(): Promise<SigningKey> {
  return readSigningKey((await generateSigningKey()).privateKeyPem);
}

/** Eight organisations no built-in test pack has, each with one alias. */
export const PUBLISHED_ENTITIES: Entity[] = [
  'Orchid Relief Network',
  'Cedar Valley Council',
  'Harbour Watch Group',
  'Saffron Media Collective',
  'Juniper Aid Alliance',
  'Basalt Plains Authority',
  'Meridian Water Board',
  'Olive Grove Union',
].map((name, i) => entity(`Q${9_100_000 + i}`, 'organisation', name, { en: [name] }));

/** A small pack's description, spread over four shards so an update can change only some. */
export function packInput(entities: Entity[] = PUBLISHED_ENTITIES, version = '1'): DistInput {
  return {
    id: 'news.example.pack',
    name: 'Example newsroom pack',
    publisher: 'Example Newsroom',
    version,
    built: '2026-12-06T00:00:00.000Z',
    expires: 86_400,
    licence: 'CC BY 4.0',
    sources: [{ title: 'Example Newsroom research desk', licence: 'CC BY 4.0' }],
    entities,
    entityShards: 4,
  };
}

/** One request the host saw. */
export interface HostRequest {
  path: string;
  ifNoneMatch: string | null;
  credentials: RequestCredentials | undefined;
}

/**
 * A static web host in memory, as a `fetch`: files by path, an ETag per file (a 304 when the
 * request's `If-None-Match` names it), a request log, and switches to go down or answer badly.
 */
export class FakePackHost {
  private readonly files = new Map<string, Uint8Array>();
  readonly requests: HostRequest[] = [];
  /** Every request fails as if the network were down. */
  down = false;
  /** Called before answering (a test holds a download here). */
  before?: (path: string) => Promise<void>;

  /** Publish a pack under `/news/`, signed with `key`; returns the files written. */
  async publish(input: DistInput, key?: SigningKey): Promise<Map<string, Uint8Array>> {
    const { published } = await publishDist(input, key);
    for (const name of [...this.files.keys()])
      if (name.startsWith('/news/')) this.files.delete(name);
    for (const [name, bytes] of published) this.files.set(`/news/${name}`, bytes);
    return published;
  }

  /** Replace (or with null, delete) one served file. */
  put(path: string, bytes: Uint8Array | string | null): void {
    if (bytes === null) this.files.delete(path);
    else this.files.set(path, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  }

  file(path: string): Uint8Array {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`no ${path}`);
    return bytes;
  }

  /** Paths asked for since the last call. */
  takeRequests(): string[] {
    return this.requests.splice(0).map((request) => request.path);
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    this.requests.push({
      path: url.pathname,
      ifNoneMatch: headers.get('if-none-match'),
      credentials: init?.credentials,
    });
    await this.before?.(url.pathname);
    if (this.down) throw new TypeError('Failed to fetch');
    const bytes = this.files.get(url.pathname);
    if (!bytes) return new Response('Not found', { status: 404 });
    const etag = `"${etagOf(bytes)}"`;
    if (headers.get('if-none-match') === etag) return new Response(null, { status: 304 });
    return new Response(bytes as BodyInit, {
      status: 200,
      headers: { etag, 'content-length': String(bytes.byteLength) },
    });
  };
}

function etagOf(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return `${(hash >>> 0).toString(16)}-${bytes.byteLength}`;
}
