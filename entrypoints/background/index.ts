import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { PackService, type StoredMatcherRecord } from '@/utils/knowledge/pack-service';
import type { KnowledgePack } from '@/utils/knowledge/schema';
import { askContent } from '@/utils/messages/client';
import {
  BACKGROUND_SENDERS,
  type BackgroundProtocol,
  type TabStatus,
} from '@/utils/messages/protocol';
import { createRouter } from '@/utils/messages/router';

export default defineBackground(() => {
  const tabs = new Map<number, TabStatus>();
  const packs = new PackService({
    loadDefaultPack: async () =>
      (await fetch(browser.runtime.getURL('/packs/default.json'))).json() as Promise<KnowledgePack>,
    loadUserPacks: async () => [],
    readStoredMatcher: () => storage.getItem<StoredMatcherRecord>('local:matcher'),
    writeStoredMatcher: (record) => storage.setItem('local:matcher', record),
  });

  const router = createRouter<BackgroundProtocol>(
    {
      'page:ready': (payload, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined)
          tabs.set(tabId, { url: payload.url, title: payload.title, readyAt: Date.now() });
        return { ok: true };
      },
      'page:summary': () => ({ ok: true }),
      'tab:status': ({ tabId }) => tabs.get(tabId) ?? null,
      'matcher:ensure': async () => ({ key: await packs.ensureMatcher() }),
    },
    BACKGROUND_SENDERS,
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );

  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const send = (message: unknown) => browser.tabs.sendMessage(tab.id as number, message);
    if (command === 'next-mention' || command === 'previous-mention') {
      await askContent(send, 'content:step', { direction: command === 'next-mention' ? 1 : -1 });
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
  // Compile ahead of the first page after install, update and browser start.
  browser.runtime.onInstalled.addListener(() => void packs.ensureMatcher());
  browser.runtime.onStartup.addListener(() => void packs.ensureMatcher());
});
