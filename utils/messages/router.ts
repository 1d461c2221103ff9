import {
  ALLOWED_SENDERS,
  type Envelope,
  isEnvelope,
  type MessageName,
  type RequestOf,
  type ResponseOf,
  type Result,
} from './protocol';
import { type SenderInfo, senderRole } from './sender';

/** A handler gets the checked payload and the sender, and returns the response value. */
export type Handler<N extends MessageName> = (
  payload: RequestOf<N>,
  sender: SenderInfo,
) => ResponseOf<N> | Promise<ResponseOf<N>>;

export type Handlers = { [N in MessageName]: Handler<N> };

/**
 * Build the background's `runtime.onMessage` listener. Messages that are not ours are left
 * for other listeners (`undefined`); ours from a sender the protocol does not allow get an
 * error result and never reach a handler.
 */
export function createRouter(handlers: Handlers, ownId: string, ownOrigin: string) {
  return (message: unknown, sender: SenderInfo): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const role = senderRole(sender, ownId, ownOrigin);
    const allowed = ALLOWED_SENDERS[message.name];
    if (role === null || !allowed.includes(role)) {
      return Promise.resolve({
        ok: false,
        error: `${message.name} is not allowed from this sender`,
      });
    }
    return dispatch(handlers, message, sender);
  };
}

async function dispatch(
  handlers: Handlers,
  message: Envelope,
  sender: SenderInfo,
): Promise<Result<unknown>> {
  const handler = handlers[message.name] as Handler<MessageName>;
  try {
    return { ok: true, value: await handler(message.payload, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
