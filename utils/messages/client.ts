import type { BackgroundProtocol } from './background-messages';
import type { ContentProtocol } from './content-messages';
import type { Envelope, ProtocolMap, Result } from './protocol';

/** The one browser call a client needs (`runtime.sendMessage`, or `tabs.sendMessage` bound to a tab). */
export type SendFn = (message: Envelope) => Promise<unknown>;

/**
 * Send a typed message and get its {@link Result}. A missing or broken answer (the receiver
 * restarting, the extension updating, no content script in the tab) becomes an error result.
 */
export async function request<P extends ProtocolMap, N extends keyof P & string>(
  send: SendFn,
  name: N,
  payload: P[N]['request'],
): Promise<Result<P[N]['response']>> {
  try {
    const answer = (await send({ backstory: 1, name, payload } as Envelope)) as
      | Result<P[N]['response']>
      | undefined;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return { ok: false, errors: [`No answer to ${name}`] };
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}

/** The value of a result, or an error naming every problem. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.errors.join('; '));
}

/** A message to the background. */
export const askBackground = <N extends keyof BackgroundProtocol & string>(
  send: SendFn,
  name: N,
  payload: BackgroundProtocol[N]['request'],
) => request<BackgroundProtocol, N>(send, name, payload);

/** A message to a tab's content script. */
export const askContent = <N extends keyof ContentProtocol & string>(
  send: SendFn,
  name: N,
  payload: ContentProtocol[N]['request'],
) => request<ContentProtocol, N>(send, name, payload);
