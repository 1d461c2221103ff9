import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeTitle } from '@/utils/background/badge-title';
import { composeBackground } from '@/utils/background/compose';
import type { DiscoveredTab } from '@/utils/background/live-discovery';
import { refreshPages } from '@/utils/background/page-refresh';
import type { TabState } from '@/utils/background/page-sessions';
import { addEntityUrl, SELECTION_MENU } from '@/utils/background/selection-menu';
import { TabStorage } from '@/utils/background/tab-storage';
import { extensionTranslator } from '@/utils/i18n/browser-catalogues';
import { readerLanguage } from '@/utils/i18n/languages';
import { packageBuiltIn } from '@/utils/knowledge/dist/package-pack';
import { allowsLoopback, hostPermissionOf } from '@/utils/knowledge/subscription-address';
import { SUBSCRIPTION_ALARM } from '@/utils/knowledge/subscriptions';
import { LIVE_CONTACT, livePermissions } from '@/utils/live/build-config';
import { LIVE_BUILD } from '@/utils/live/this-build';
import { createAtlasLoader } from '@/utils/map/world';
import { askContent } from '@/utils/messages/client';
import { readGuardianKey } from '@/utils/settings/guardian-key';
import { readSettings, watchSettings } from '@/utils/settings/storage';

/** What `permissions.request` and `contains` take (Firefox's `data_collection` is not in the types yet). */
type PermissionSet = Parameters<typeof browser.permissions.contains>[0];

export default defineBackground(() => {
  const fetchJson = async <T>(path: string) =>
    (await fetch(browser.runtime.getURL(path as '/'))).json() as Promise<T>;
  /** Every tab's content script asks again how to mark its page (settings or packs changed). */
  const tellPages = () =>
    refreshPages(
      async () =>
        (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
      (tab) => (message) => browser.tabs.sendMessage(tab, message),
    );
  const tabStorage = new TabStorage();
  const action = browser.action ?? browser.browserAction;

  const { router, packs, sessions, subscriptions, discovery } = composeBackground({
    runtimeId: browser.runtime.id,
    version: browser.runtime.getManifest().version,
    contact: LIVE_CONTACT,
    now: () => Date.now(),
    today: () => new Date(),
    readSettings,
    // Read in place from the package: nothing is copied at install.
    builtIn: () => packageBuiltIn((path) => fetch(browser.runtime.getURL(path as '/'))),
    // Earlier versions kept the reader's packs in local storage: moved into the store once.
    takeLegacyReaderPacks: async () => {
      const { readerPacks } = await browser.storage.local.get('readerPacks');
      if (readerPacks !== undefined) await browser.storage.local.remove(['readerPacks', 'matcher']);
      return readerPacks;
    },
    // Pages match again with the new packs (and cards' maps are drawn again).
    onMatcherChanged: () => void tellPages(),
    tabStates: tabStorage.kind<TabState>('tab'),
    cardTokens: tabStorage.kind<string>('card'),
    discovered: tabStorage.kind<DiscoveredTab>('discovered'),
    fetch: (input, init) => fetch(input, init),
    live: {
      config: LIVE_BUILD,
      // Firefox: the hosts and the reader's data consent, as the options page asked for them.
      permitted: (origins) =>
        browser.permissions.contains(
          livePermissions(origins, import.meta.env.FIREFOX) as PermissionSet,
        ),
      sourceKey: (id) => (id === 'guardian' ? readGuardianKey() : Promise.resolve('')),
    },
    // The host the options page asked for when the reader subscribed (given back on unsubscribing).
    packPermitted: (url) => browser.permissions.contains({ origins: [hostPermissionOf(url)] }),
    wakeAt: (when) =>
      void (when === null
        ? browser.alarms.clear(SUBSCRIPTION_ALARM)
        : browser.alarms.create(SUBSCRIPTION_ALARM, { when })),
    loopback: allowsLoopback(import.meta.env.MODE),
    loadAtlas: createAtlasLoader(() => fetchJson('/map/countries-50m.json')),
    // Applied at once in every open tab: each matches its page again with the corrections.
    onCorrected: () => void tellPages(),
    setBadge: (tabId, text, count) => {
      void action.setBadgeText({ tabId, text });
      void action.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' });
      if (!count) return;
      void readSettings()
        .then(({ language }) =>
          extensionTranslator(readerLanguage(language, browser.i18n.getUILanguage())),
        )
        .then((t) => action.setTitle({ tabId, title: badgeTitle(t, count) }))
        .catch(() => {});
    },
  });
  const checkSubscriptions = () =>
    void subscriptions.checkDue().catch((error) => console.warn('Backstory:', error));

  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
  watchSettings(() => void tellPages());
  browser.tabs.onRemoved.addListener((tab) => {
    sessions.forget(tab);
    discovery.forget(tab);
    void tabStorage.forget(tab);
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const send = (message: unknown) => browser.tabs.sendMessage(tab.id as number, message);
    if (command === 'next-mention' || command === 'previous-mention') {
      await askContent(send, 'content:step', { direction: command === 'next-mention' ? 1 : -1 });
    } else if (command === 'toggle-highlights') {
      await askContent(send, 'content:toggle', {});
    } else if (command === 'explain-selection') {
      await askContent(send, 'content:explain', {});
    }
  });
  // "Explain with Backstory" and "Add to my entities" on a selection (Firefox calls the API menus).
  const menus =
    (browser as unknown as { menus?: typeof browser.contextMenus }).menus ?? browser.contextMenus;
  if (menus) {
    void menus.removeAll().then(() => {
      for (const [id, title] of SELECTION_MENU)
        menus.create({ id, title: browser.i18n.getMessage(title), contexts: ['selection'] });
    });
    menus.onClicked.addListener(async (info, tab) => {
      if (info.menuItemId === 'explain-selection' && tab?.id !== undefined) {
        const id = tab.id;
        await askContent(
          (message) => browser.tabs.sendMessage(id, message, { frameId: 0 }),
          'content:explain',
          {},
        );
      } else if (info.menuItemId === 'add-entity') {
        await browser.tabs.create({
          url: addEntityUrl(browser.runtime.getURL('/options.html'), info.selectionText ?? ''),
        });
      }
    });
  }
  // Read the matchers ahead of the first page after install, update and start.
  const warm = () => void packs.matcher().catch((error) => console.warn('Backstory:', error));
  browser.runtime.onInstalled.addListener(warm);
  browser.runtime.onStartup.addListener(warm);
  // Subscriptions: checked when due (the alarm), and on start, since Firefox forgets its alarms
  // when it closes.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SUBSCRIPTION_ALARM) checkSubscriptions();
  });
  browser.runtime.onInstalled.addListener(checkSubscriptions);
  browser.runtime.onStartup.addListener(checkSubscriptions);
});
