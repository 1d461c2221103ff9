import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabStorage } from '@/utils/background/tab-storage';

describe('per-tab session storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each kind apart, per tab, and forgets every kind of a closed tab together', async () => {
    const tabs = new TabStorage();
    const states = tabs.kind<{ key: string }>('tab');
    const tokens = tabs.kind<string>('card');
    await states.set(7, { key: 'k' });
    await tokens.set(7, 'token');
    await states.set(8, { key: 'other' });
    expect(await states.get(7)).toEqual({ key: 'k' });
    expect(await tokens.get(7)).toBe('token');
    expect(await tokens.get(8)).toBeNull();

    await tabs.forget(7);
    expect(await states.get(7)).toBeNull();
    expect(await tokens.get(7)).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'tab:8': { key: 'other' } });
  });

  it('refuses a kind declared twice (two owners would overwrite each other)', () => {
    const tabs = new TabStorage();
    tabs.kind<string>('card');
    expect(() => tabs.kind<number>('card')).toThrow(/declared twice/);
  });
});
