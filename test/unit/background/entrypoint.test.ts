import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';

/**
 * The background's entrypoint itself, started on WXT's fake browser: what it does with the
 * browser's events (the composition it starts from is tested through `test/support/background.ts`).
 */

type CommandListener = (command: string) => Promise<void>;
type MenuListener = (
  info: { menuItemId: string; selectionText?: string },
  tab?: { id?: number },
) => Promise<void>;

describe('the background entrypoint', () => {
  let command: CommandListener | null = null;
  let menuClick: MenuListener | null = null;
  const sent: { tab: number; message: unknown }[] = [];
  const menus: { id: string; contexts: string[] }[] = [];

  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Backstory',
      version: '0.1.0',
    });
    // The fake browser has no keyboard commands; the listener is caught where it is added.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      command = listener as unknown as CommandListener;
    });
    menus.length = 0;
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name) => `«${name}»`);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => {
      menuClick = listener as unknown as MenuListener;
    });
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((item) => {
      menus.push(item as { id: string; contexts: string[] });
      return String(item.id);
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tab, message) => {
      sent.push({ tab, message });
      return { ok: true, value: { entity: null } };
    });
    background.main();
  });
  afterEach(() => {
    command = null;
    menuClick = null;
  });

  it('forgets a closed tab’s page session, card token and live finds, and only that tab’s', async () => {
    await fakeBrowser.storage.session.set({
      'tab:7': { key: 'k' },
      'card:7': 'token',
      'discovered:7': { found: [] },
      'tab:8': { key: 'other' },
    });
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'tab:8': { key: 'other' } }),
    );
  });

  it('sends each keyboard command to the active tab’s page, as the message it stands for', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({
      windowId: window?.id as number,
      url: 'https://news.example/a',
      active: true,
    });
    expect(command).not.toBeNull();
    await command?.('next-mention');
    await command?.('previous-mention');
    await command?.('toggle-highlights');
    await command?.('explain-selection');
    expect(sent.map(({ tab: to, message }) => [to, (message as { name: string }).name])).toEqual([
      [tab.id, 'content:step'],
      [tab.id, 'content:step'],
      [tab.id, 'content:toggle'],
      [tab.id, 'content:explain'],
    ]);
    expect(sent.map(({ message }) => (message as { payload: unknown }).payload)).toEqual([
      { direction: 1 },
      { direction: -1 },
      {},
      {},
    ]);
  });

  it('offers "Explain" and "Add to my entities" on a selection, and adding opens the options with it', async () => {
    await vi.waitFor(() =>
      expect(menus.map((item) => [item.id, item.contexts])).toEqual([
        ['explain-selection', ['selection']],
        ['add-entity', ['selection']],
      ]),
    );
    await menuClick?.({ menuItemId: 'add-entity', selectionText: 'Orchid Relief Network' });
    const tabs = await fakeBrowser.tabs.query({});
    const opened = tabs.map((tab) => tab.url ?? '').find((url) => url.includes('options.html'));
    expect(new URLSearchParams(new URL(opened as string).hash.slice(1)).get('add')).toBe(
      'Orchid Relief Network',
    );
  });
});
