import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers } from '@/utils/background/handlers';
import { HistoryStore } from '@/utils/history/history-store';
import { PackService, type StoredMatcherRecord } from '@/utils/knowledge/pack-service';
import { readerPackStore } from '@/utils/knowledge/reader-pack-store';
import type { KnowledgePack } from '@/utils/knowledge/schema';
import { readerPackList } from '@/utils/knowledge/user-packs';
import { LocatorService } from '@/utils/map/locator-service';
import { createAtlasLoader } from '@/utils/map/world';
import { askContent } from '@/utils/messages/client';
import { BACKGROUND_SENDERS, type BackgroundProtocol } from '@/utils/messages/protocol';
import { createRouter } from '@/utils/messages/router';
import { readSettings } from '@/utils/settings/storage';

export default defineBackground(() => {
  const readerPacks = readerPackStore();
  const packs = new PackService({
    loadDefaultPack: async () =>
      (await fetch(browser.runtime.getURL('/packs/default.json'))).json() as Promise<KnowledgePack>,
    loadUserPacks: async () => {
      const { packs, warnings } = await readerPacks.read();
      for (const warning of warnings) console.warn(`Backstory: ${warning}`);
      return readerPackList(packs);
    },
    readStoredMatcher: () => storage.getItem<StoredMatcherRecord>('local:matcher'),
    writeStoredMatcher: (record) => storage.setItem('local:matcher', record),
  });
  const action = browser.action ?? browser.browserAction;
  const maps = new LocatorService({
    entities: () => packs.all(),
    loadAtlas: createAtlasLoader(async () =>
      (await fetch(browser.runtime.getURL('/map/countries-50m.json'))).json(),
    ),
  });

  const router = createRouter<BackgroundProtocol>(
    backgroundHandlers({
      packs,
      maps,
      readerPacks,
      history: new HistoryStore(),
      readSettings,
      setBadge: (tabId, text) => {
        void action.setBadgeText({ tabId, text });
        void action.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' });
      },
      now: () => Date.now(),
    }),
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
    } else if (command === 'toggle-highlights') {
      await askContent(send, 'content:toggle', {});
    }
  });
  // Compile ahead of the first page after install, update and browser start.
  browser.runtime.onInstalled.addListener(() => void packs.ensureMatcher());
  browser.runtime.onStartup.addListener(() => void packs.ensureMatcher());
});
