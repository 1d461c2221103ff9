// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupContainer, type PopupDeps } from '@/components/PopupContainer';
import type { PageSummary } from '@/utils/messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { axeViolations } from '../../support/axe';

afterEach(cleanup);

const SUMMARY: PageSummary = {
  active: true,
  host: 'news.example',
  url: 'https://news.example/a',
  title: 'A',
  entities: [
    { id: 'Q238217', name: 'Daraa', kind: 'place', count: 4 },
    { id: 'Q810', name: 'Jordan', kind: 'place', count: 2 },
    { id: 'Q44329', name: 'Bashar al-Assad', kind: 'person', count: 1 },
  ],
};

function fakeDeps(page: PageSummary | null = SUMMARY) {
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const listeners: ((s: Settings) => void)[] = [];
  const asked: [string, unknown][] = [];
  const deps: PopupDeps = {
    readSettings: async () => settings,
    writeSettings: vi.fn(async (next: Settings) => {
      settings = next;
      for (const listener of listeners) listener(next);
    }),
    watchSettings: (listener) => {
      listeners.push(listener);
      return () => {};
    },
    tabId: async () => 7,
    askTab: (async (_tab: number, name: string, payload: unknown) => {
      asked.push([name, payload]);
      if (name === 'content:summary')
        return page ? { ok: true, value: page } : { ok: false, error: 'no content script' };
      return { ok: true, value: { found: true } };
    }) as PopupDeps['askTab'],
    optionsUrl: 'chrome-extension://x/options.html',
  };
  return { deps, asked, settings: () => settings };
}

describe('popup', () => {
  it('lists the page entities grouped by kind with counts, and reveals one on click', async () => {
    const { deps, asked } = fakeDeps();
    render(<PopupContainer deps={deps} />);
    await screen.findByText('3 entities on this page');
    // The list is the whole page's: a long page reads its unread end for it.
    expect(asked).toContainEqual(['content:summary', { whole: true }]);
    expect(screen.getByRole('heading', { name: /Places 2/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /People 1/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Daraa/ }));
    expect(asked).toContainEqual(['content:reveal', { id: 'Q238217' }]);
  });

  it('switches highlighting everywhere, and for this site only', async () => {
    const { deps, settings } = fakeDeps();
    render(<PopupContainer deps={deps} />);
    const everywhere = await screen.findByRole('switch', { name: 'Highlight entities' });
    expect(everywhere.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(everywhere);
    expect(settings().enabled).toBe(false);
    fireEvent.click(everywhere);
    const site = screen.getByRole('switch', { name: 'On news.example' });
    fireEvent.click(site);
    expect(settings().blockedSites).toEqual(['news.example']);
    await waitFor(() =>
      expect(
        screen.getByRole('switch', { name: 'On news.example' }).getAttribute('aria-checked'),
      ).toBe('false'),
    );
  });

  it('changes kinds, style and first-mention settings', async () => {
    const { deps, settings } = fakeDeps();
    render(<PopupContainer deps={deps} />);
    fireEvent.click(await screen.findByLabelText('Events'));
    expect(settings().kinds.event).toBe(false);
    fireEvent.click(screen.getByLabelText('Background'));
    expect(settings().style).toBe('background');
    fireEvent.click(screen.getByLabelText('Only the first mention of each'));
    expect(settings().firstMentionOnly).toBe(true);
  });

  it('says so on a page where Backstory cannot run', async () => {
    const { deps } = fakeDeps(null);
    render(<PopupContainer deps={deps} />);
    expect(await screen.findByText(/does not run on this page/)).toBeTruthy();
    expect(screen.queryByRole('switch', { name: /^On / })).toBeNull();
  });

  it('passes an accessibility check', async () => {
    const { deps } = fakeDeps();
    const { container } = render(<PopupContainer deps={deps} />);
    await screen.findByText('3 entities on this page');
    expect(await axeViolations(container)).toEqual([]);
  });
});
