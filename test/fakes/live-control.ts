import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveEndpoints } from '../../utils/live/endpoints';
import { type FakeMode, type FakeRequest, type LiveFake, startLiveFake } from './live-server';

/**
 * The live fake for a whole end-to-end run: started once by the global setup (so every test file's
 * browsers talk to the same address, the one baked into the e2e build), and steered by the tests
 * through a second small server on another port: read the request log, switch modes (429, 5xx),
 * forget the log, and really stop and restart the fake (the "offline" case).
 *
 * | control request      | does                                               |
 * | -------------------- | -------------------------------------------------- |
 * | `GET /requests`      | the fake's request log since the last reset (JSON) |
 * | `POST /reset`        | empty log, normal answers                          |
 * | `POST /mode` + JSON  | `setMode` (a {@link FakeMode})                     |
 * | `POST /stop`         | close the fake: its port refuses connections       |
 * | `POST /start`        | start it again on the same port                    |
 */

export interface ControlledFake {
  /** The fake's own origin, `http://127.0.0.1:<port>`. */
  origin: string;
  endpoints: LiveEndpoints;
  /** The control server's origin. */
  control: string;
  close(): Promise<void>;
}

/** Start the fake (on `port` when given: an earlier build's) and its control server. */
export async function serveLiveFake(options: { port?: number } = {}): Promise<ControlledFake> {
  let fake: LiveFake | null = await startLiveFake(options);
  const { origin, endpoints } = fake;
  const port = Number(new URL(origin).port);
  let earlier: FakeRequest[] = [];

  const control = createServer((request, response) => {
    const reply = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const path = new URL(request.url ?? '/', 'http://control').pathname;
      try {
        if (request.method === 'GET' && path === '/requests')
          return reply(200, [...earlier, ...(fake?.requests ?? [])]);
        if (request.method !== 'POST') return reply(405, { error: 'POST only' });
        if (path === '/reset') {
          earlier = [];
          fake?.reset();
          return reply(200, { ok: true });
        }
        if (path === '/mode') {
          fake?.setMode(JSON.parse(Buffer.concat(chunks).toString('utf8')) as FakeMode);
          return reply(200, { ok: true });
        }
        if (path === '/stop') {
          if (fake) {
            earlier = [...earlier, ...fake.requests];
            await fake.close();
            fake = null;
          }
          return reply(200, { ok: true });
        }
        if (path === '/start') {
          fake ??= await startLiveFake({ port });
          return reply(200, { ok: true });
        }
        return reply(404, { error: 'no such control' });
      } catch (error) {
        return reply(500, { error: String(error) });
      }
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlOrigin = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  return {
    origin,
    endpoints,
    control: controlOrigin,
    async close() {
      control.closeAllConnections();
      await new Promise<void>((resolve) => control.close(() => resolve()));
      await fake?.close();
      fake = null;
    },
  };
}
