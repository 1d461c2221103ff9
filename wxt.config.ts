import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GECKO_ID } from './utils/extension-ids';
import { allowsLoopback, subscriptionHosts } from './utils/knowledge/subscription-address';
import { extensionPagesCsp, FIREFOX_LIVE_DATA, liveBuildConfig } from './utils/live/build-config';
import { allHostPermissions } from './utils/live/sources';

/** What pages may load from the extension: the card frame, and the on-demand part of the page script. */
const WEB_ACCESSIBLE = ['card.html', 'in-page-on-demand.js'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a newcomer can follow every name to its file.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode, manifestVersion }) => {
    // The live sources' services: the real ones, or (e2e builds only) the local fake's loopback
    // address. Throws when WXT_LIVE_ENDPOINTS is set for any other build.
    const live = liveBuildConfig(mode, process.env.WXT_LIVE_ENDPOINTS);
    const liveHosts = allHostPermissions(live.endpoints);
    // Subscriptions: any https site, asked one site at a time when the reader subscribes there.
    const optionalHosts = [...new Set([...liveHosts, ...subscriptionHosts(allowsLoopback(mode))])];
    return {
      // Name, description, title and command descriptions come from public/_locales/<language>/.
      default_locale: 'en',
      name: '__MSG_ext_name__',
      description: '__MSG_ext_description__',
      // unlimitedStorage: packs of up to 200,000 entities and their compiled matcher live in
      // IndexedDB; without it the browser may refuse a large import or evict the store.
      // alarms: subscribed packs are checked for updates on a schedule.
      // contextMenus (Firefox: menus): "Explain with Backstory" and "Add to my entities" on a
      // selection; the menu gives the selected words only when the reader clicks an item.
      permissions: [
        'storage',
        'unlimitedStorage',
        'alarms',
        browser === 'firefox' ? 'menus' : 'contextMenus',
      ],
      // The script in pages is an unlisted WXT script, registered here by hand: WXT's
      // content-script wrapper brings a context that a page can end with a forged DOM event.
      content_scripts: [
        {
          matches: ['http://*/*', 'https://*/*'],
          run_at: 'document_idle',
          js: ['in-page.js'],
          css: ['assets/in-page.css'],
        },
      ],
      // The opt-in live sources' hosts, asked for one source at a time when the reader turns it on,
      // and subscriptions' sites, asked for one at a time when the reader subscribes.
      ...(manifestVersion === 3
        ? { optional_host_permissions: optionalHosts }
        : { optional_permissions: optionalHosts }),
      // Pictures on cards only from Wikimedia's image host; otherwise WXT's default policy.
      content_security_policy: { extension_pages: extensionPagesCsp(live, manifestVersion) },
      // The card frame: an extension page inside news pages; and the part of the script in pages
      // loaded on demand (a content script may import only web-accessible files). Chrome serves
      // both under a per-session id (use_dynamic_url), so their address says nothing lasting about
      // the reader, and a page cannot probe for them.
      web_accessible_resources:
        browser === 'firefox'
          ? ([...WEB_ACCESSIBLE] as unknown as { resources: string[]; matches: string[] }[])
          : [
              {
                resources: [...WEB_ACCESSIBLE],
                matches: ['http://*/*', 'https://*/*'],
                use_dynamic_url: true,
              },
            ],
      action: { default_title: '__MSG_ext_name__' },
      commands: {
        'toggle-highlights': {
          suggested_key: { default: 'Alt+Shift+B' },
          description: '__MSG_command_toggle__',
        },
        'next-mention': {
          suggested_key: { default: 'Alt+Shift+N' },
          description: '__MSG_command_next__',
        },
        'previous-mention': {
          suggested_key: { default: 'Alt+Shift+P' },
          description: '__MSG_command_previous__',
        },
        'explain-selection': {
          suggested_key: { default: 'Alt+Shift+E' },
          description: '__MSG_command_explain__',
        },
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                // 140: CSS Custom Highlight API and data_collection_permissions.
                strict_min_version: '140.0',
                // Nothing leaves the browser unless the reader turns a live source on; then the
                // names it looks up are sent, so Firefox asks for this consent with its hosts.
                data_collection_permissions: {
                  required: ['none'],
                  optional: [...FIREFOX_LIVE_DATA],
                },
              },
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
  zip: {
    // The Firefox sources zip is for reviewers: code and build config, not tests or fixtures.
    excludeSources: ['test/**', 'demo/**', 'docs/**', '.ci/**', 'coverage/**', 'vitest*.ts'],
  },
  webExt: { disabled: true },
  hooks: {
    // The script in pages runs on every page, so it speaks the browsers' own promise-based API
    // instead of carrying webextension-polyfill (9.5 kB); everything else keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'in-page')) return;
      const native = fileURLToPath(new URL('./utils/page/native-browser.ts', import.meta.url));
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'backstory:native-browser-in-content-script',
          enforce: 'pre',
          resolveId: (id) =>
            id === '@wxt-dev/webextension-polyfill/browser' || id === 'webextension-polyfill'
              ? native
              : null,
        },
      ];
    },
    // The default pack is built from packs/ and data packages into public/packs/ (cached).
    'build:before': async () => {
      const { ensureDefaultPack } = await import('./scripts/pack/build');
      await ensureDefaultPack();
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('packs/default/manifest.json', 'map/countries-50m.json');
    },
    // Natural Earth outlines for locator maps, copied from world-atlas as they are published.
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'),
        relativeDest: 'map/countries-50m.json',
      });
    },
  },
});
