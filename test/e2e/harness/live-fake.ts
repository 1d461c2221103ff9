import type { FakeMode, FakeRequest } from '../../fakes/live-server';

/**
 * The live fake of this e2e run, steered through its control server (`test/fakes/live-control.ts`):
 * what it was asked, how it answers, and whether it is there at all.
 */
export class LiveFakeControl {
  constructor(private readonly control: string) {}

  private async post(path: string, body?: unknown): Promise<void> {
    const response = await fetch(`${this.control}${path}`, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`live fake ${path}: ${await response.text()}`);
  }

  /** Every request since the last reset, oldest first. */
  async requests(): Promise<FakeRequest[]> {
    return (await fetch(`${this.control}/requests`)).json() as Promise<FakeRequest[]>;
  }

  /** Requests to the live services (pictures and anything else left out). */
  async serviceRequests(): Promise<FakeRequest[]> {
    return (await this.requests()).filter((request) => request.service !== 'other');
  }

  /** Empty log, normal answers. */
  reset(): Promise<void> {
    return this.post('/reset');
  }

  mode(mode: FakeMode): Promise<void> {
    return this.post('/mode', mode);
  }

  /** Close the fake: its port refuses connections, as a service that is down (or no network). */
  stop(): Promise<void> {
    return this.post('/stop');
  }

  start(): Promise<void> {
    return this.post('/start');
  }
}
