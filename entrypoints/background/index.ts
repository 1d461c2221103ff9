import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { TabStatus } from '@/utils/messages/protocol';
import { createRouter } from '@/utils/messages/router';

export default defineBackground(() => {
  const tabs = new Map<number, TabStatus>();

  const router = createRouter(
    {
      'page:ready': (payload, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined) {
          tabs.set(tabId, { url: payload.url, title: payload.title, readyAt: Date.now() });
        }
        return { enabled: true };
      },
      'tab:status': ({ tabId }) => tabs.get(tabId) ?? null,
    },
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );

  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
});
