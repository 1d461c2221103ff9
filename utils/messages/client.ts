import type { Envelope, MessageName, RequestOf, ResponseOf, Result } from './protocol';

/** The one browser call a client needs; a seam so tests can pass a fake. */
export type SendFn = (message: Envelope) => Promise<unknown>;

/**
 * Send a typed message to the background and get its {@link Result}. A missing or broken
 * answer (the background restarting, the extension updating) becomes an error result.
 */
export async function request<N extends MessageName>(
  send: SendFn,
  name: N,
  payload: RequestOf<N>,
): Promise<Result<ResponseOf<N>>> {
  try {
    const answer = (await send({ backstory: 1, name, payload } as Envelope)) as
      | Result<ResponseOf<N>>
      | undefined;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return { ok: false, error: `No answer to ${name}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
