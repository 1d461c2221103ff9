import type { browser as typed } from 'wxt/browser';

type Api = typeof typed;

/**
 * The extension API as the browser gives it, for the content script only: it runs on every page,
 * so it carries no polyfill. Both browsers answer with promises (Chrome's Manifest V3 `chrome.*`,
 * Firefox's `browser.*`); the one difference that matters, answering a message, is handled where
 * the content script listens (it answers through `sendResponse`). `wxt.config.ts` points
 * `wxt/browser` here when building the content script.
 */
const api = globalThis as unknown as { browser?: Api; chrome?: Api };
export const browser: Api = (api.browser?.runtime?.id ? api.browser : api.chrome) as Api;
