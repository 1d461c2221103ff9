import {
  type AllowedSenders,
  type Envelope,
  isEnvelope,
  type ProtocolMap,
  type Result,
} from './protocol';
import { type SenderInfo, senderRole } from './sender';

/** A handler gets the payload and the sender, and returns the response value. */
export type Handler<P extends ProtocolMap, N extends keyof P> = (
  payload: P[N]['request'],
  sender: SenderInfo,
) => P[N]['response'] | Promise<P[N]['response']>;

export type Handlers<P extends ProtocolMap> = { [N in keyof P]: Handler<P, N> };

/**
 * Build a `runtime.onMessage` listener for one protocol. Messages that are not ours are left
 * for other listeners (`undefined`); ours from a sender the protocol does not allow get an
 * error result and never reach a handler.
 */
export function createRouter<P extends ProtocolMap>(
  handlers: Handlers<P>,
  allowed: AllowedSenders<P>,
  ownId: string,
  ownOrigin: string,
) {
  return (message: unknown, sender: SenderInfo): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(message, allowed)) return undefined;
    const role = senderRole(sender, ownId, ownOrigin);
    if (role === null || !allowed[message.name].includes(role)) {
      return Promise.resolve({
        ok: false,
        error: `${String(message.name)} is not allowed from this sender`,
      });
    }
    return dispatch(handlers, message, sender);
  };
}

async function dispatch<P extends ProtocolMap>(
  handlers: Handlers<P>,
  message: Envelope<P>,
  sender: SenderInfo,
): Promise<Result<unknown>> {
  const handler = handlers[message.name] as Handler<P, keyof P>;
  try {
    return { ok: true, value: await handler(message.payload, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
