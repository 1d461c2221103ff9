import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupModel } from '@/components/Popup';
import { askBackground } from '@/utils/messages/client';
import '@/components/ui.css';

const root = document.getElementById('app');
const optionsUrl = browser.runtime.getURL('/options.html');
const show = (model: PopupModel) =>
  root && render(<Popup model={model} optionsUrl={optionsUrl} />, root);

/** The tab this popup is about: `?tab=` when opened as a page (tests, options), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function load() {
  show({ state: 'loading', page: null });
  const tabId = await targetTabId();
  if (tabId === undefined) return show({ state: 'ready', page: null });
  const status = await askBackground((m) => browser.runtime.sendMessage(m), 'tab:status', {
    tabId,
  });
  if (status.ok) show({ state: 'ready', page: status.value });
  else
    show({
      state: 'unavailable',
      page: null,
      message: `Backstory is not answering: ${status.error}`,
    });
}

void load();
