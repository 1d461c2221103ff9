import { describe, expect, it } from 'vitest';
import { refreshPages } from '@/utils/background/page-refresh';
import type { Envelope } from '@/utils/messages/protocol';

describe('telling pages that settings or packs changed', () => {
  it('asks every tab’s content script to refresh, and shrugs off tabs without one', async () => {
    const told: [number, string][] = [];
    await refreshPages(
      async () => [1, 2, 3],
      (tab) => async (message) => {
        if (tab === 2)
          throw new Error('Could not establish connection. Receiving end does not exist.');
        told.push([tab, (message as Envelope).name as string]);
        return { ok: true, value: { active: true } };
      },
    );
    expect(told).toEqual([
      [1, 'content:refresh'],
      [3, 'content:refresh'],
    ]);
  });
});
