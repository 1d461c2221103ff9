// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveSourcesDeps } from '@/components/LiveSourcesContainer';
import { Localised } from '@/components/Localised';
import { OptionsContainer, type OptionsDeps } from '@/components/OptionsContainer';
import { ENGLISH } from '@/utils/i18n/english';
import { hostPermissions, LIVE_SOURCES } from '@/utils/live/sources';
import { cleanGuardianKey } from '@/utils/settings/guardian-key';
import { axeViolations } from '../../support/axe';
import { builtInPack, inProcessBackground } from '../../support/background';
import { readerClicks } from '../../support/gesture';
import { testTranslator } from '../../support/i18n';

let background = inProcessBackground(builtInPack([], '1'));
afterEach(async () => {
  cleanup();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  await background.close();
  background = inProcessBackground(builtInPack([], '1'));
});

/** A browser's permissions API, answering requests as `answer` says. */
function browserPermissions(answer: (origins: string[]) => Promise<boolean>) {
  const granted = new Set<string>();
  const listeners = new Set<() => void>();
  const clicks = readerClicks();
  const calls: {
    request: string[][];
    requestedDuringClick: boolean[];
    remove: [string[], boolean][];
  } = {
    request: [],
    requestedDuringClick: [],
    remove: [],
  };
  const changed = () => {
    for (const listener of listeners) listener();
  };
  let keptByBrowser = false;
  let key = '';
  const deps: LiveSourcesDeps = {
    origins: (id) => hostPermissions(id),
    request: (origins) => {
      calls.request.push(origins);
      calls.requestedDuringClick.push(clicks.during());
      return answer(origins).then((yes) => {
        if (yes) for (const origin of origins) granted.add(origin);
        changed();
        return yes;
      });
    },
    remove: async (origins, last) => {
      calls.remove.push([origins, last]);
      // Chrome: "You cannot remove required permissions" (the content script covers the host).
      if (keptByBrowser) throw new Error('You cannot remove required permissions.');
      for (const origin of origins) granted.delete(origin);
      changed();
      return true;
    },
    contains: async (origins) => origins.every((origin) => granted.has(origin)),
    watchPermissions: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readGuardianKey: async () => key,
    writeGuardianKey: async (raw) => {
      key = cleanGuardianKey(raw);
      return key;
    },
    forgetAnswers: async () => {
      const answer = await background.ask('live:clear', {});
      if (!answer.ok) throw new Error(answer.errors.join());
    },
  };
  return {
    deps,
    calls,
    granted,
    keepOnRemove: () => {
      keptByBrowser = true;
    },
    /** Click as a reader does: the browser counts the handler's synchronous work as the gesture. */
    click: clicks.click,
  };
}

/** The options page with its live section, in the browser's language as the page has it (English unless said). */
function options(live: LiveSourcesDeps, browserLanguage = 'en-GB') {
  const deps: OptionsDeps = {
    version: '0.1.0',
    readSettings: async () => background.settings(),
    writeSettings: async (next) => background.setSettings(next),
    watchSettings: () => () => {},
    download: () => {},
    ask: (name, payload) => background.ask(name, payload),
    stage: async () => 'import-none-00000000',
    live,
  };
  return render(
    <Localised
      title="options_title"
      deps={{
        readSettings: deps.readSettings,
        watchSettings: deps.watchSettings,
        browserLanguage,
        load: testTranslator,
        doc: document,
      }}
    >
      <OptionsContainer deps={{ ...deps, browserLanguage }} />
    </Localised>,
  );
}

const switchFor = (name: string) => screen.getByRole('switch', { name }) as HTMLButtonElement;
const rowOf = (id: string) =>
  document.querySelector(`.live-source[data-source="${id}"]`) as HTMLElement;

describe('options: live sources', () => {
  it('lists every source off, each with the one sentence of what it sends where', async () => {
    const { container } = options(browserPermissions(async () => true).deps);
    expect(await screen.findByRole('heading', { name: 'Live sources' })).toBeTruthy();
    for (const source of LIVE_SOURCES) {
      expect(switchFor(ENGLISH.t(source.nameKey)).getAttribute('aria-checked')).toBe('false');
      expect(rowOf(source.id).textContent).toContain(ENGLISH.t(source.sendsKey));
      expect(rowOf(source.id).textContent).toContain(ENGLISH.t(source.addsKey));
    }
    expect(
      switchFor('Wikipedia').closest('.switch-row')?.querySelector('.switch-row__hint')
        ?.textContent,
    ).toBe("Sends the names Backstory finds, never the page's address, to Wikipedia.");
    expect(await axeViolations(container)).toEqual([]);
  });

  it('asks for the source’s hosts inside the click, and turns it on only when granted', async () => {
    const browser = browserPermissions(async () => true);
    options(browser.deps);
    browser.click(await screen.findByRole('switch', { name: 'Wikipedia' }));
    expect(browser.calls.request).toEqual([['https://*.wikipedia.org/*']]);
    expect(browser.calls.requestedDuringClick).toEqual([true]);
    await waitFor(() => expect(switchFor('Wikipedia').getAttribute('aria-checked')).toBe('true'));
    expect(background.settings().liveSources).toMatchObject({ wikipedia: true, wikidata: false });
  });

  it('a refused request leaves the switch off with a quiet note', async () => {
    const browser = browserPermissions(async () => false);
    options(browser.deps);
    browser.click(await screen.findByRole('switch', { name: 'GDELT' }));
    await waitFor(() =>
      expect(rowOf('gdelt').querySelector('[data-note="refused"]')?.textContent).toBe(
        'Access was not granted, so this source stays off.',
      ),
    );
    expect(switchFor('GDELT').getAttribute('aria-checked')).toBe('false');
    expect(background.settings().liveSources.gdelt).toBe(false);
  });

  it('says it waits while the browser’s prompt is open', async () => {
    const browser = browserPermissions(() => new Promise(() => {}));
    options(browser.deps);
    browser.click(await screen.findByRole('switch', { name: 'Wikidata' }));
    await waitFor(() =>
      expect(rowOf('wikidata').querySelector('[data-note="asking"]')).toBeTruthy(),
    );
    expect(switchFor('Wikidata').disabled).toBe(true);
    expect(background.settings().liveSources.wikidata).toBe(false);
  });

  it('turning off stops at once and gives back the hosts no other source needs', async () => {
    const browser = browserPermissions(async () => true);
    options(browser.deps);
    for (const name of ['Wikipedia', 'GDELT']) {
      browser.click(await screen.findByRole('switch', { name }));
      await waitFor(() => expect(switchFor(name).getAttribute('aria-checked')).toBe('true'));
    }
    browser.click(switchFor('GDELT'));
    expect(background.settings().liveSources.gdelt).toBe(false);
    // Wikipedia stays on: the consents all sources share are kept (last: false).
    await waitFor(() =>
      expect(browser.calls.remove).toEqual([[['https://api.gdeltproject.org/*'], false]]),
    );
    expect(browser.granted.has('https://api.gdeltproject.org/*')).toBe(false);
    expect(browser.granted.has('https://*.wikipedia.org/*')).toBe(true);
  });

  it('says so when the browser keeps the access (Chrome), and the source is off all the same', async () => {
    const browser = browserPermissions(async () => true);
    browser.keepOnRemove();
    options(browser.deps);
    browser.click(await screen.findByRole('switch', { name: 'Wikipedia' }));
    await waitFor(() => expect(switchFor('Wikipedia').getAttribute('aria-checked')).toBe('true'));
    browser.click(switchFor('Wikipedia'));
    await waitFor(() =>
      expect(rowOf('wikipedia').querySelector('[data-note="kept"]')).toBeTruthy(),
    );
    expect(switchFor('Wikipedia').getAttribute('aria-checked')).toBe('false');
    expect(background.settings().liveSources.wikipedia).toBe(false);
  });

  it('a source on in the synced settings but not granted here shows off, saying why', async () => {
    background.setSettings({
      ...background.settings(),
      liveSources: { ...background.settings().liveSources, wikidata: true },
    });
    options(browserPermissions(async () => true).deps);
    await waitFor(() =>
      expect(rowOf('wikidata').querySelector('[data-note="elsewhere"]')).toBeTruthy(),
    );
    expect(switchFor('Wikidata').getAttribute('aria-checked')).toBe('false');
  });

  it('The Guardian needs a key first; the key is stored on this device, cleaned', async () => {
    const browser = browserPermissions(async () => true);
    options(browser.deps);
    expect(
      (await screen.findByRole('switch', { name: 'The Guardian' })).hasAttribute('disabled'),
    ).toBe(true);
    const field = screen.getByLabelText('Your Guardian API key') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: '  0f1e2d3c-aaaa-bbbb-cccc-1234567890ab  ' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    await waitFor(() => expect(switchFor('The Guardian').disabled).toBe(false));
    expect(await browser.deps.readGuardianKey()).toBe('0f1e2d3c-aaaa-bbbb-cccc-1234567890ab');
    expect(JSON.stringify(background.settings())).not.toContain('0f1e2d3c');
    browser.click(switchFor('The Guardian'));
    await waitFor(() => expect(background.settings().liveSources.guardian).toBe(true));
    expect(cleanGuardianKey('not a key; drop table')).toBe('');
  });

  it('forgets the stored live answers', async () => {
    const forget = vi.spyOn(background.live, 'clear');
    options(browserPermissions(async () => true).deps);
    fireEvent.click(await screen.findByRole('button', { name: 'Forget live answers' }));
    await waitFor(() => expect(screen.getByText('Forgotten.')).toBeTruthy());
    expect(forget).toHaveBeenCalled();
  });
});

describe('options: live sources in Arabic', () => {
  it('says everything in Arabic, right to left, naming the services as the Arabic press does', async () => {
    const { container } = options(browserPermissions(async () => true).deps, 'ar-SY');
    const heading = await screen.findByRole('heading', { name: 'المصادر المباشرة' });
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    const section = heading.closest('section') as HTMLElement;
    expect(section.textContent).toContain('هذه المصادر متوقفة ما لم تشغّلها.');
    for (const name of ['ويكيبيديا', 'ويكي بيانات', 'GDELT', 'ذا غارديان'])
      expect(switchFor(name).getAttribute('aria-checked')).toBe('false');
    expect(rowOf('wikipedia').querySelector('.switch-row__hint')?.textContent).toBe(
      'يرسل إلى ويكيبيديا الأسماء التي يجدها Backstory، ولا يرسل عنوان الصفحة أبداً.',
    );
    expect(rowOf('guardian').querySelector('.live-source__adds')?.textContent).toBe(
      'مقالات سابقة من ذا غارديان عن هذا الاسم، رجوعاً حتى عام 1999.',
    );
    expect(screen.getByLabelText('مفتاحك لواجهة ذا غارديان البرمجية (API)')).toBeTruthy();
    expect(screen.getByTestId('guardian-key-status').textContent).toMatch(/الصق مفتاحاً أولاً\.$/);
    expect(screen.getByRole('button', { name: 'حفظ المفتاح' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'مسح إجابات المصادر المباشرة' })).toBeTruthy();
    // Nothing of the section is left in English (brand names aside).
    const latin = (section.textContent ?? '')
      .replace(/Backstory|GDELT|Guardian Open Platform|API/g, '')
      .match(/[A-Za-z]{3,}/g);
    expect(latin).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says in Arabic why a source stays off, and that the answers were forgotten', async () => {
    const browser = browserPermissions(async () => false);
    options(browser.deps, 'ar-SY');
    browser.click(await screen.findByRole('switch', { name: 'GDELT' }));
    await waitFor(() =>
      expect(rowOf('gdelt').querySelector('[data-note="refused"]')?.textContent).toBe(
        'لم يُمنح الإذن، لذا يبقى هذا المصدر متوقفاً.',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'مسح إجابات المصادر المباشرة' }));
    await waitFor(() => expect(screen.getByText('مُسحت.')).toBeTruthy());
    fireEvent.input(screen.getByLabelText('مفتاحك لواجهة ذا غارديان البرمجية (API)'), {
      target: { value: '0f1e2d3c-aaaa-bbbb-cccc-1234567890ab' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'حفظ المفتاح' }));
    await waitFor(() =>
      expect(screen.getByTestId('guardian-key-status').textContent).toBe(
        'هناك مفتاح محفوظ على هذا الجهاز.',
      ),
    );
    expect(screen.getByRole('button', { name: 'حذف المفتاح' })).toBeTruthy();
  });
});
