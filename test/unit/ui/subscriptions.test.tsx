// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Localised } from '@/components/Localised';
import { OptionsContainer } from '@/components/OptionsContainer';
import type { SubscriptionsDeps } from '@/components/SubscriptionsContainer';
import { fingerprintOf, type SigningKey } from '@/utils/knowledge/dist/signature';
import { axeViolations } from '../../support/axe';
import { builtInPack, inProcessBackground } from '../../support/background';
import { readerClicks } from '../../support/gesture';
import { testTranslator } from '../../support/i18n';
import { FakePackHost, PACK_URL, packInput, publisherKey } from '../../support/pack-host';

const SITE = 'https://packs.example.org/*';
let host: FakePackHost;
let key: SigningKey;
let background: ReturnType<typeof inProcessBackground>;

beforeEach(async () => {
  host = new FakePackHost();
  key = await publisherKey();
  await host.publish(packInput(), key);
  background = inProcessBackground(builtInPack([]), {}, { packFetch: host.fetch });
});
afterEach(async () => {
  cleanup();
  await background.close();
});

/** A browser's permissions API that answers `yes`, noting whether each request came inside a click. */
function browserPermissions(yes: boolean, keepOnRemove = false) {
  const granted = new Set<string>();
  const clicks = readerClicks();
  const calls = {
    request: [] as string[][],
    duringClick: [] as boolean[],
    remove: [] as string[][],
  };
  const deps: SubscriptionsDeps = {
    loopback: false,
    request: async (origins) => {
      calls.request.push(origins);
      calls.duringClick.push(clicks.during());
      if (yes) for (const origin of origins) granted.add(origin);
      return yes;
    },
    remove: async (origins) => {
      calls.remove.push(origins);
      if (keepOnRemove) throw new Error('You cannot remove required permissions.');
      for (const origin of origins) granted.delete(origin);
      return true;
    },
    contains: async (origins) => origins.every((origin) => granted.has(origin)),
  };
  return {
    deps,
    calls,
    granted,
    click: clicks.click,
  };
}

function options(subscriptions: SubscriptionsDeps, language = 'en-GB') {
  const readSettings = async () => background.settings();
  return render(
    <Localised
      title="options_title"
      deps={{
        readSettings,
        watchSettings: () => () => {},
        browserLanguage: language,
        load: testTranslator,
        doc: document,
      }}
    >
      <OptionsContainer
        deps={{
          version: '0.1.0',
          browserLanguage: language,
          readSettings,
          writeSettings: async (next) => background.setSettings(next),
          watchSettings: () => () => {},
          download: () => {},
          ask: (name, payload) => background.ask(name, payload),
          stage: async () => 'import-none-00000000',
          subscriptions,
        }}
      />
    </Localised>,
  );
}

/** Type an address and press Subscribe, as a reader does. */
async function subscribeTo(browser: ReturnType<typeof browserPermissions>, address: string) {
  const input = (await screen.findByLabelText('Pack address')) as HTMLInputElement;
  fireEvent.input(input, { target: { value: address } });
  browser.click(screen.getByRole('button', { name: 'Subscribe' }));
}

const status = () => document.querySelector('.subscriptions [data-outcome]');
const fact = (name: string) =>
  document.querySelector(`.subscription [data-fact="${name}"]`)?.textContent ?? '';

describe('options: subscriptions', () => {
  it('asks for the pack’s site inside the click, then lists the pack with all it should say', async () => {
    const browser = browserPermissions(true);
    const { container } = options(browser.deps);
    expect(await screen.findByRole('heading', { name: 'Subscriptions' })).toBeTruthy();
    await subscribeTo(browser, PACK_URL);
    expect(browser.calls.request).toEqual([[SITE]]);
    expect(browser.calls.duringClick).toEqual([true]);
    await waitFor(() =>
      expect(status()?.textContent).toBe('Subscribed to “Example newsroom pack”.'),
    );
    const item = document.querySelector('.subscription') as HTMLElement;
    expect(item.querySelector('h3')?.textContent).toBe('Example newsroom pack');
    expect(item.textContent).toContain('Published by Example Newsroom · 8 entities, version 1');
    expect(fact('size')).toMatch(/^\d+(\.\d)? kB$/);
    expect(fact('licence')).toBe('CC BY 4.0');
    expect(fact('address')).toBe(PACK_URL);
    expect(fact('checked')).toMatch(/1970/);
    expect(fact('due')).toMatch(/1970/);
    expect(fact('status')).toBe('Up to date.');
    expect(fact('fingerprint')).toContain(await fingerprintOf(key.publicKey));
    expect(screen.getByRole('button', { name: 'Check Example newsroom pack now' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('subscribes to nothing when the site’s access is refused, or the address is not https', async () => {
    const browser = browserPermissions(false);
    options(browser.deps);
    await subscribeTo(browser, 'http://packs.example.org/news/manifest.json');
    expect(status()?.getAttribute('data-outcome')).toBe('bad-address');
    expect(browser.calls.request).toEqual([]);
    await subscribeTo(browser, PACK_URL);
    await waitFor(() =>
      expect(status()?.textContent).toBe(
        'Access to packs.example.org was not granted, so nothing was subscribed.',
      ),
    );
    expect(host.requests).toEqual([]);
    expect(document.querySelector('.subscription')).toBeNull();
  });

  it('names every problem of a refused pack and gives the site back', async () => {
    host.put('/news/entities-001.bin', 'not the shard the manifest lists');
    const browser = browserPermissions(true);
    options(browser.deps);
    await subscribeTo(browser, PACK_URL);
    await waitFor(() => expect(status()?.getAttribute('data-outcome')).toBe('failed'));
    expect(status()?.textContent).toContain('Not subscribed; nothing changed. Problems found:');
    expect(status()?.textContent).toMatch(/entities-001\.bin is \d+ bytes, the manifest says \d+/);
    await waitFor(() => expect(browser.calls.remove).toEqual([[SITE]]));
    expect(browser.granted.size).toBe(0);
  });

  it('checks now, showing the problem and that the old pack stays, then unsubscribes', async () => {
    const browser = browserPermissions(true);
    options(browser.deps);
    await subscribeTo(browser, PACK_URL);
    await waitFor(() => expect(fact('status')).toBe('Up to date.'));
    host.down = true;
    fireEvent.click(screen.getByRole('button', { name: 'Check Example newsroom pack now' }));
    await waitFor(() => expect(fact('status')).toMatch(/^The last check failed/));
    expect(fact('status')).toContain('the pack you had stays in use until the next try');
    expect(fact('status')).toContain('could not be fetched from packs.example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe from Example newsroom pack' }));
    await waitFor(() =>
      expect(status()?.textContent).toBe(
        'Unsubscribed from “Example newsroom pack”; its data is removed.',
      ),
    );
    expect(document.querySelector('.subscription')).toBeNull();
    expect(browser.calls.remove).toEqual([[SITE]]);
    expect(await background.store.layer('news.example.pack')).toBeNull();
  });

  it('says so when the browser keeps the site’s access (Chrome)', async () => {
    const browser = browserPermissions(true, true);
    options(browser.deps);
    await subscribeTo(browser, PACK_URL);
    await waitFor(() => expect(fact('status')).toBe('Up to date.'));
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe from Example newsroom pack' }));
    await waitFor(() =>
      expect(status()?.textContent).toContain(
        'Your browser keeps access to its site as part of reading pages',
      ),
    );
  });

  it('speaks Arabic, right to left, with the address and fingerprint left to right', async () => {
    const browser = browserPermissions(true);
    options(browser.deps, 'ar');
    expect(await screen.findByRole('heading', { name: 'الاشتراكات' })).toBeTruthy();
    const input = (await screen.findByLabelText('عنوان الحزمة')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: PACK_URL } });
    browser.click(screen.getByRole('button', { name: 'اشترك' }));
    await waitFor(() => expect(fact('status')).toBe('محدَّثة.'));
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.querySelector('[data-fact="address"]')?.getAttribute('dir')).toBe('ltr');
    expect(document.querySelector('[data-fact="fingerprint"] code')?.getAttribute('dir')).toBe(
      'ltr',
    );
  });
});
