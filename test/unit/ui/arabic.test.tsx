// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageChoice } from '@/components/LanguageChoice';
import { Localised, type LocalisedDeps } from '@/components/Localised';
import { PopupContainer, type PopupDeps } from '@/components/PopupContainer';
import type { PageSummary } from '@/utils/messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { axeViolations } from '../../support/axe';
import { testTranslator } from '../../support/i18n';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
});

const SUMMARY: PageSummary = {
  active: true,
  host: 'news.example',
  url: 'https://news.example/ar/daraa',
  title: 'درعا',
  entities: [
    { id: 'Q238217', name: 'درعا', kind: 'place', count: 4 },
    { id: 'bs:daraa-al-balad', name: 'درعا البلد', kind: 'place', count: 2 },
    { id: 'Q44329', name: 'Bashar al-Assad', kind: 'person', count: 1 },
  ],
};

/** Settings kept in memory, with watchers, as storage would keep them. */
function store(initial: Partial<Settings>) {
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...initial };
  const listeners = new Set<(s: Settings) => void>();
  return {
    readSettings: async () => settings,
    writeSettings: async (next: Settings) => {
      settings = next;
      for (const listener of listeners) listener(next);
    },
    watchSettings: (listener: (s: Settings) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function localised(settings: ReturnType<typeof store>, browserLanguage = 'en-US'): LocalisedDeps {
  return { ...settings, browserLanguage, load: testTranslator, doc: document };
}

describe('extension pages in Arabic', () => {
  it('shows the popup in Arabic, right to left, when the reader chose Arabic', async () => {
    const settings = store({ language: 'ar' });
    const deps: PopupDeps = {
      ...settings,
      tabId: async () => 7,
      askTab: (async () => ({ ok: true, value: SUMMARY })) as PopupDeps['askTab'],
      optionsUrl: 'chrome-extension://x/options.html',
    };
    render(
      <Localised deps={localised(settings)} title="ext_name">
        <PopupContainer deps={deps} />
      </Localised>,
    );
    await screen.findByText('3 أسماء معروفة في هذه الصفحة');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(screen.getByRole('switch', { name: 'إبراز الأسماء' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /أماكن 2/ })).toBeTruthy();
    expect(screen.getByText('ذُكر 4 مرات')).toBeTruthy();
    // Names keep their own direction inside the Arabic text.
    expect(screen.getByText('Bashar al-Assad').tagName).toBe('BDI');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('follows the browser’s language until the reader picks one, then switches at once', async () => {
    const settings = store({});
    render(
      <Localised deps={localised(settings, 'ar-SY')} title="options_title">
        <Chooser settings={settings} />
      </Localised>,
    );
    await screen.findByText('لغة قوائم Backstory وبطاقاته');
    expect(screen.getByLabelText('لغة المتصفح (العربية)')).toBeTruthy();
    expect(document.title).toBe('خيارات Backstory');
    fireEvent.click(screen.getByLabelText('English'));
    await waitFor(() => expect(document.documentElement.getAttribute('dir')).toBe('ltr'));
    expect(screen.getByText("Language of Backstory's menus and cards")).toBeTruthy();
    expect((await settings.readSettings()).language).toBe('en');
    fireEvent.click(screen.getByLabelText('العربية'));
    await waitFor(() => expect(document.documentElement.getAttribute('lang')).toBe('ar'));
  });
});

/** The language choice wired to the in-memory settings, as the options page wires it. */
function Chooser({ settings }: { settings: ReturnType<typeof store> }) {
  const [current, setCurrent] = useSettings(settings);
  return current ? (
    <LanguageChoice
      settings={current}
      browserLanguage="ar-SY"
      onChange={(next) => {
        setCurrent(next);
        void settings.writeSettings(next);
      }}
    />
  ) : null;
}

function useSettings(settings: ReturnType<typeof store>) {
  const [current, setCurrent] = useState<Settings | null>(null);
  useEffect(() => {
    void settings.readSettings().then(setCurrent);
  }, [settings]);
  return [current, setCurrent] as const;
}
