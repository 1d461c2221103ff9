import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A folder served under a URL prefix, with optional extra response headers (CSP tests). */
export interface Mount {
  prefix: string;
  dir: string;
  headers?: Record<string, string>;
  /** Send ETags and answer a matching `If-None-Match` with 304, as web hosts do (pack tests). */
  etag?: boolean;
}

/** One request the server answered: its path and method, conditional header, and status. */
export interface ServedRequest {
  method: string;
  url: string;
  ifNoneMatch: string | null;
  status: number;
}

/** A certificate and its key (PEM) to serve https with (the benchmarks' pack host). */
export interface TlsPem {
  cert: string;
  key: string;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve local folders on 127.0.0.1 (never a public interface), on a free port unless one is
 * given; over https when `tls` is given. Used by `npm start` for the demo article, by the e2e
 * suite for fixture pages and published packs (`served` hears of every request once answered:
 * the tests' request log), and by the benchmark for its subscribed pack.
 */
export async function startStaticServer(
  mounts: Mount[],
  port = 0,
  served?: (request: ServedRequest) => void,
  tls?: TlsPem,
): Promise<StaticServer> {
  const handlers = mounts.map((mount) => ({
    mount,
    serve: sirv(mount.dir, { dev: true, etag: mount.etag ?? false }),
  }));
  const handle: Parameters<typeof createServer>[1] = (req, res) => {
    const url = req.url ?? '/';
    if (served) {
      const ifNoneMatch = req.headers['if-none-match'] ?? null;
      res.on('finish', () =>
        served({ method: req.method ?? 'GET', url, ifNoneMatch, status: res.statusCode }),
      );
    }
    const match = handlers.find(({ mount }) => url.startsWith(mount.prefix));
    if (!match) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    for (const [name, value] of Object.entries(match.mount.headers ?? {}))
      res.setHeader(name, value);
    req.url = `/${url.slice(match.mount.prefix.length)}`.replace(/^\/+/, '/');
    match.serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  };
  const server: Server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
