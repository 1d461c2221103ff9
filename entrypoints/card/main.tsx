import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EntityCard } from '@/components/EntityCard';
import { I18n } from '@/components/i18n';
import { LOCATOR_CSS } from '@/components/locator-css';
import { CardFrame } from '@/utils/card/card-frame';
import { extensionTranslator } from '@/utils/i18n/browser-catalogues';
import { readerLanguage } from '@/utils/i18n/languages';
import { applyLanguage } from '@/utils/i18n/load';
import { LIVE_BUILD } from '@/utils/live/this-build';
import { askBackground, unwrap } from '@/utils/messages/client';
import { readSettings } from '@/utils/settings/storage';
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
  readerLanguage: async () =>
    readerLanguage((await readSettings()).language, browser.i18n.getUILanguage()),
  translator: extensionTranslator,
  live: async (id, part) => unwrap(await askBackground(send, 'card:live', { id, part })),
  correctionOptions: async (id, surface) =>
    unwrap(await askBackground(send, 'correction:options', { id, surface })),
  correct: async (request) => unwrap(await askBackground(send, 'correction:add', request)),
  imageOrigins: LIVE_BUILD.imageOrigins,
  render: (model, look) => {
    applyLanguage(document, look.t);
    document.title = look.t.t('card_frame_title');
    render(
      model ? (
        <I18n.Provider value={look.t}>
          <div class="frame">
            <EntityCard
              model={model}
              onClose={look.onClose}
              scheme={look.scheme}
              maxWidth={look.maxWidth}
              maxHeight={look.maxHeight}
              {...(look.correction ? { correction: look.correction } : {})}
            />
          </div>
        </I18n.Provider>
      ) : null,
      root,
    );
  },
  cardElement: () => root.querySelector<HTMLElement>('.card'),
  box: () => root.querySelector<HTMLElement>('.frame'),
  now: () => Date.now(),
});
window.addEventListener('message', (event) => void frame.accept(event));
