import type { FrameGreeting, FromFrame, ToFrame } from '../card/frame-messages';

/** The page side of the card frame: the element to place, and a private line to its document. */
export interface CardFrameLink {
  /** The frame element (positioned by the card host; holds nothing readable from the page). */
  frame: HTMLIFrameElement;
  /** The element in the page that holds it (what the page sees as focused while the card is). */
  host: HTMLElement;
  post(message: ToFrame): void;
  onMessage(listener: (message: FromFrame) => void): void;
  remove(): void;
}

/** Properties set on the frame through the CSSOM: no stylesheet a page's CSP could block. */
const FRAME_STYLE: Record<string, string> = {
  position: 'fixed',
  inset: 'auto',
  left: '0px',
  top: '0px',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  // Same scheme as the card's document, so Chromium draws no opaque backdrop behind it.
  'color-scheme': 'normal',
  overflow: 'hidden',
  'max-width': 'none',
  'max-height': 'none',
  'z-index': '2147483647',
  visibility: 'hidden',
};

/**
 * Create the card frame: an extension page in an iframe, inside a closed shadow root on a plain
 * `<div>` after `<body>` (a `<div>` cannot be claimed by a custom element the page defined first).
 * The page sees an empty frame whose document it cannot read. Once the frame has loaded, it is
 * given one end of a MessageChannel with the token the background also hands it, so the frame
 * can tell this greeting from any the page might post.
 * @param src the card page's URL (`runtime.getURL('/card.html')`; in Chrome a per-session one)
 * @param origin the origin the card's document ends up at (in Chrome the extension's own, since
 *   the per-session address leads there): the greeting goes to that document and no other
 */
export async function createCardFrame(
  doc: Document,
  src: string,
  origin: string,
  token: string,
  signal: AbortSignal,
  /** The frame's accessible name, in the browser's language. */
  title = 'Backstory card',
): Promise<CardFrameLink> {
  const host = doc.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.title = title;
  if (typeof frame.showPopover === 'function') frame.setAttribute('popover', 'manual');
  else frame.hidden = true;
  for (const [name, value] of Object.entries(FRAME_STYLE)) frame.style.setProperty(name, value);
  frame.src = src;
  shadow.append(frame);
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  doc.documentElement.append(host);
  await loaded;
  const channel = new MessageChannel();
  const greeting: FrameGreeting = { backstoryCard: 1, token };
  frame.contentWindow?.postMessage(greeting, origin, [channel.port2]);
  const port = channel.port1;
  const remove = () => {
    port.close();
    host.remove();
  };
  signal.addEventListener('abort', remove, { once: true });
  return {
    frame,
    host,
    post: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.onmessage = (event: MessageEvent<FromFrame>) => listener(event.data);
    },
    remove,
  };
}

/** Show the frame in the top layer where the browser has popovers; else as a fixed, topmost box. */
export function showInTopLayer(frame: HTMLElement): void {
  if (typeof frame.showPopover !== 'function') frame.hidden = false;
  else if (!isShown(frame)) frame.showPopover();
}

/** Take the frame out of the top layer (or hide it). */
export function hideFromTopLayer(frame: HTMLElement): void {
  if (typeof frame.hidePopover !== 'function') frame.hidden = true;
  else if (isShown(frame)) frame.hidePopover();
}

/** Is a popover shown? (`:popover-open` where the popover API exists, else not `hidden`.) */
function isShown(frame: HTMLElement): boolean {
  try {
    return frame.matches(':popover-open');
  } catch {
    return !frame.hidden;
  }
}
