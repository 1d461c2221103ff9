import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Localised } from '@/components/Localised';
import { PopupContainer } from '@/components/PopupContainer';
import { extensionTranslator } from '@/utils/i18n/browser-catalogues';
import { askContent } from '@/utils/messages/client';
import { readSettings, watchSettings, writeSettings } from '@/utils/settings/storage';
import '@/components/ui.css';

/** The tab this popup is about: `?tab=` when opened as a page (tests), else the active tab. */
async function tabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

const root = document.getElementById('app');
if (root) {
  render(
    <Localised
      title="ext_name"
      deps={{
        readSettings,
        watchSettings,
        browserLanguage: browser.i18n.getUILanguage(),
        load: extensionTranslator,
        doc: document,
      }}
    >
      <PopupContainer
        deps={{
          readSettings,
          writeSettings,
          watchSettings,
          tabId,
          askTab: (id, name, payload) =>
            askContent((message) => browser.tabs.sendMessage(id, message), name, payload),
          optionsUrl: browser.runtime.getURL('/options.html'),
        }}
      />
    </Localised>,
    root,
  );
}
