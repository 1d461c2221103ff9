import { startCardFrame } from '@/components/card-frame-root';
import type { FromFrame, ToFrame } from '@/utils/card/frame-messages';
import { unwrap } from '@/utils/messages/client';
import type { CardFrameLink } from '@/utils/page/card-frame-link';
import type { inProcessBackground } from './background';
import { testTranslator } from './i18n';

/** One end of a message channel that delivers on the microtask queue (fake timers flush it). */
interface FakePort {
  postMessage(data: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

/** Two joined ports, like a MessageChannel's. */
export function portPair(): [FakePort, FakePort] {
  const make = (): FakePort & { other?: FakePort } => ({
    onmessage: null,
    postMessage(data) {
      const other = this.other;
      queueMicrotask(() => other?.onmessage?.({ data: structuredClone(data) }));
    },
    close() {},
  });
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

export const TOKEN = 'aaaaaaaa-1111-2222-3333-444444444444';

/**
 * The card frame (the extension page) as it runs, minus the iframe boundary: a real CardFrame
 * rendering the real EntityCard into its own container, fed by the real background for `tab`,
 * greeted through a port as the content script greets it.
 */
export async function connectFrame(
  background: ReturnType<typeof inProcessBackground>,
  tab = 1,
): Promise<{ link: CardFrameLink; frameDoc: HTMLElement; frameWin: EventTarget; sent: ToFrame[] }> {
  const frameDoc = document.createElement('div');
  const frameWin = new EventTarget();
  const card = { role: 'card' as const, tab };
  // The content script registers the frame's token for its tab, as it does before making the frame.
  unwrap(
    await background.ask(
      'card:register',
      { token: TOKEN },
      {
        role: 'content',
        tab,
        url: 'https://news.example/article',
      },
    ),
  );
  const frame = startCardFrame({
    win: frameWin as unknown as Window,
    root: frameDoc,
    ask: (name, payload) => background.ask(name, payload, card),
    readerLanguage: async () => 'en',
    translator: testTranslator,
    imageOrigins: background.live.imageOrigins,
    now: () => Date.parse('2026-11-30T12:00:00Z'),
  });
  const [page, framePort] = portPair();
  const accepted = await frame.accept(
    new MessageEvent('message', {
      data: { backstoryCard: 1, token: TOKEN },
      ports: [framePort as unknown as MessagePort],
    }),
  );
  if (!accepted) throw new Error('The frame refused the greeting');
  // A stand-in for the iframe element: happy-dom does not load frames, and the page side only
  // sizes, places, shows and focuses it.
  const iframe = document.createElement('div') as unknown as HTMLIFrameElement;
  const host = document.createElement('div');
  host.append(iframe);
  document.documentElement.append(host);
  const sent: ToFrame[] = [];
  return {
    frameDoc,
    frameWin,
    sent,
    link: {
      frame: iframe,
      host,
      post: (message) => {
        sent.push(message);
        page.postMessage(message);
      },
      onMessage: (listener) => {
        page.onmessage = (event) => listener(event.data as FromFrame);
      },
      remove: () => host.remove(),
    },
  };
}
