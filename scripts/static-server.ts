import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A folder served under a URL prefix, with optional extra response headers (CSP tests). */
export interface Mount {
  prefix: string;
  dir: string;
  headers?: Record<string, string>;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve local folders on 127.0.0.1 (never a public interface), on a free port unless one is
 * given. Used by `npm start` for the demo article and by the e2e suite for fixture pages.
 */
export async function startStaticServer(mounts: Mount[], port = 0): Promise<StaticServer> {
  const handlers = mounts.map((mount) => ({
    mount,
    serve: sirv(mount.dir, { dev: true, etag: false }),
  }));
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
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
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
