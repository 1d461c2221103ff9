import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Localised } from '@/components/Localised';
import { OptionsContainer } from '@/components/OptionsContainer';
import { extensionTranslator } from '@/utils/i18n/browser-catalogues';
import { KnowledgeStore } from '@/utils/knowledge/knowledge-store';
import { allowsLoopback } from '@/utils/knowledge/subscription-address';
import { livePermissions } from '@/utils/live/build-config';
import { hostPermissions } from '@/utils/live/sources';
import { LIVE_BUILD } from '@/utils/live/this-build';
import { askBackground, unwrap } from '@/utils/messages/client';
import { readGuardianKey, writeGuardianKey } from '@/utils/settings/guardian-key';
import { readSettings, watchSettings, writeSettings } from '@/utils/settings/storage';
import '@/components/ui.css';

/** What `permissions.request` and `contains` take (Firefox's `data_collection` is not in the types yet). */
type PermissionSet = Parameters<typeof browser.permissions.contains>[0];

function download(name: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const send = (message: unknown) => browser.runtime.sendMessage(message);
/** A source's permissions: its hosts, and in Firefox the data consent (see build-config.ts). */
const permissionsFor = (origins: string[], consent = true) =>
  livePermissions(origins, import.meta.env.FIREFOX && consent) as PermissionSet;

const root = document.getElementById('app');
// "Add to my entities" on a selection opens this page as options.html#add=<the words>.
const prefillName = new URLSearchParams(location.hash.slice(1)).get('add')?.trim() || undefined;
if (prefillName) history.replaceState(null, '', location.pathname);
const browserLanguage = browser.i18n.getUILanguage();
if (root) {
  render(
    <Localised
      title="options_title"
      deps={{
        readSettings,
        watchSettings,
        browserLanguage,
        load: extensionTranslator,
        doc: document,
      }}
    >
      <OptionsContainer
        deps={{
          version: browser.runtime.getManifest().version,
          browserLanguage,
          ...(prefillName ? { prefillName } : {}),
          readSettings,
          writeSettings,
          watchSettings,
          ask: (name, payload) => askBackground(send, name, payload),
          download,
          stage: async (file) => {
            const key = `import-${crypto.randomUUID()}`;
            const store = new KnowledgeStore();
            await store.stage(file, key);
            await store.close();
            return key;
          },
          live: {
            origins: (id) => hostPermissions(id, LIVE_BUILD.endpoints),
            request: (origins) => browser.permissions.request(permissionsFor(origins)),
            remove: (origins, last) => browser.permissions.remove(permissionsFor(origins, last)),
            contains: (origins) => browser.permissions.contains(permissionsFor(origins)),
            watchPermissions: (listener) => {
              browser.permissions.onAdded.addListener(listener);
              browser.permissions.onRemoved.addListener(listener);
              return () => {
                browser.permissions.onAdded.removeListener(listener);
                browser.permissions.onRemoved.removeListener(listener);
              };
            },
            readGuardianKey,
            writeGuardianKey,
            forgetAnswers: async () => void unwrap(await askBackground(send, 'live:clear', {})),
          },
          subscriptions: {
            loopback: allowsLoopback(import.meta.env.MODE),
            // The site's host only: a subscription sends nothing about the reader (no data consent).
            request: (origins) => browser.permissions.request({ origins }),
            remove: (origins) => browser.permissions.remove({ origins }),
            contains: (origins) => browser.permissions.contains({ origins }),
          },
        }}
      />
    </Localised>,
    root,
  );
}
