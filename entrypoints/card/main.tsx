import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EntityCard } from '@/components/EntityCard';
import { LOCATOR_CSS } from '@/components/locator-css';
import { CardFrame } from '@/utils/card/card-frame';
import { LIVE_BUILD } from '@/utils/live/this-build';
import { askBackground, unwrap } from '@/utils/messages/client';
import '@/components/card.css';
import '@/components/live-card.css';

const send = (message: unknown) => browser.runtime.sendMessage(message);
const root = document.getElementById('app') as HTMLElement;
const style = document.createElement('style');
style.textContent = LOCATOR_CSS;
document.head.append(style);

const frame = new CardFrame({
  win: window,
  token: async () => {
    const answer = await askBackground(send, 'card:hello', {});
    return answer.ok ? answer.value.token : null;
  },
  card: async (id) => unwrap(await askBackground(send, 'card:data', { id })),
  map: async (id) => unwrap(await askBackground(send, 'map:locator', { id })),
  live: async (id, part) => unwrap(await askBackground(send, 'card:live', { id, part })),
  imageOrigins: LIVE_BUILD.imageOrigins,
  render: (model, look) =>
    render(
      model ? (
        <div class="frame">
          <EntityCard
            model={model}
            onClose={look.onClose}
            scheme={look.scheme}
            maxWidth={look.maxWidth}
            maxHeight={look.maxHeight}
          />
        </div>
      ) : null,
      root,
    ),
  cardElement: () => root.querySelector<HTMLElement>('.card'),
  box: () => root.querySelector<HTMLElement>('.frame'),
  now: () => Date.now(),
});
window.addEventListener('message', (event) => void frame.accept(event));
