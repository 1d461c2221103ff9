import * as v from 'valibot';
import { issueLine } from './problem';
import {
  type Envelope,
  isEnvelope,
  type MessageSpecs,
  type ProtocolMap,
  type Result,
} from './protocol';
import { type SenderInfo, senderRole } from './sender';

/** A handler gets the checked payload and the sender, and returns the response value. */
export type Handler<P extends ProtocolMap, N extends keyof P> = (
  payload: P[N]['request'],
  sender: SenderInfo,
) => P[N]['response'] | Promise<P[N]['response']>;

export type Handlers<P extends ProtocolMap> = { [N in keyof P]: Handler<P, N> };

/** A failure that carries every problem found, so the reader sees each one. */
export class ProblemsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Most problems listed for one payload: enough to fix it, not a flood. */
const MAX_PROBLEMS = 20;

/**
 * Build a `runtime.onMessage` listener for one protocol. Messages that are not ours are left
 * for other listeners (`undefined`); ours from a sender the message does not allow, or with a
 * payload its schema refuses, get an error result and never reach a handler.
 */
export function createRouter<P extends ProtocolMap>(
  handlers: Handlers<P>,
  specs: MessageSpecs<P>,
  ownId: string,
) {
  return (message: unknown, sender: SenderInfo): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(message, specs)) return undefined;
    const spec = specs[message.name];
    const role = senderRole(sender, ownId);
    if (role === null || !spec.senders.includes(role)) {
      return Promise.resolve({
        ok: false,
        errors: [`${String(message.name)} is not allowed from this sender`],
      });
    }
    const checked = v.safeParse(spec.request, message.payload);
    if (!checked.success) {
      return Promise.resolve({
        ok: false,
        errors: checked.issues
          .slice(0, MAX_PROBLEMS)
          .map((issue) => issueLine(`message ${String(message.name)}`, issue)),
      });
    }
    return dispatch(handlers, message.name, checked.output, sender);
  };
}

async function dispatch<P extends ProtocolMap>(
  handlers: Handlers<P>,
  name: keyof P,
  payload: unknown,
  sender: SenderInfo,
): Promise<Result<unknown>> {
  const handler = handlers[name] as Handler<P, keyof P>;
  try {
    return { ok: true, value: await handler(payload as Envelope<P>['payload'], sender) };
  } catch (error) {
    if (error instanceof ProblemsError) return { ok: false, errors: error.problems };
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}
