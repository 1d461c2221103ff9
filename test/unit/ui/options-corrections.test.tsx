// @vitest-environment happy-dom

import { Blob as NodeBlob } from 'node:buffer';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsContainer, type OptionsDeps } from '@/components/OptionsContainer';
import type { Correction } from '@/utils/corrections/correction';
import { axeViolations } from '../../support/axe';
import { builtInPack, inProcessBackground } from '../../support/background';
import { entity } from '../../support/entities';

const PACK = builtInPack([
  entity('Q3805', 'place', 'Amman', { en: ['Amman'] }),
  entity('Q472788', 'place', 'Amman Governorate', { en: ['Amman'] }),
]);
let background = inProcessBackground(PACK);
afterEach(async () => {
  cleanup();
  await background.close();
  background = inProcessBackground(PACK);
});

const CORRECTIONS: Correction[] = [
  {
    id: 'c-amman1',
    surface: 'Amman',
    folded: 'amman',
    site: 'news.example',
    action: 'choose',
    entity: 'Q472788',
    entityName: 'Amman Governorate',
    createdAt: Date.parse('2026-12-01T10:00:00Z'),
  },
  {
    id: 'c-gone1',
    surface: 'Hauran',
    folded: 'hauran',
    site: null,
    action: 'choose',
    entity: 'Q999999',
    entityName: 'Hauran',
    createdAt: Date.parse('2026-12-02T10:00:00Z'),
  },
  {
    id: 'c-pm01',
    surface: 'PM',
    folded: 'pm',
    site: null,
    action: 'never',
    createdAt: Date.parse('2026-12-03T10:00:00Z'),
  },
];

function deps(extra: Partial<OptionsDeps> = {}) {
  const downloads: string[] = [];
  const value: OptionsDeps = {
    version: '0.1.0',
    readSettings: async () => background.settings(),
    writeSettings: async (next) => background.setSettings(next),
    watchSettings: () => () => {},
    download: (_name, contents) => downloads.push(contents),
    ask: (name, payload) => background.ask(name, payload),
    stage: async (file) => {
      const key = `import-${crypto.randomUUID()}`;
      await background.store.stage(new NodeBlob([await file.text()]) as unknown as Blob, key);
      return key;
    },
    ...extra,
  };
  return { value, downloads };
}

const items = () =>
  [...document.querySelectorAll('[data-correction]')].map((item) => item.textContent ?? '');

describe('options page: your corrections', () => {
  it('lists each correction with where it holds and when, the stale one said so', async () => {
    await background.corrections.importList(CORRECTIONS);
    render(<OptionsContainer deps={deps().value} />);
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(items()[0]).toMatch(/^“PM” is not marked everywhere, since /);
    expect(items()[1]).toMatch(/“Hauran” means Hauran.*Stale/);
    expect(items()[2]).toMatch(/^“Amman” means Amman Governorate on news\.example, since /);
    expect(items()[2]).not.toMatch(/Stale/);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('undoes one correction, then all', async () => {
    await background.corrections.importList(CORRECTIONS);
    render(<OptionsContainer deps={deps().value} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo the correction of “PM”' }));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect((await background.corrections.list()).map((c) => c.id)).toEqual(['c-amman1', 'c-gone1']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo all corrections' }));
    await screen.findByText('No corrections yet.');
    expect(await background.corrections.list()).toEqual([]);
    expect(background.corrected()).toBe(2);
  });

  it('exports corrections with your entities; the file imports them again elsewhere', async () => {
    await background.corrections.importList(CORRECTIONS);
    const { value, downloads } = deps();
    render(<OptionsContainer deps={value} />);
    await waitFor(() => expect(items()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    const exported = JSON.parse(downloads[0] as string) as { corrections: Correction[] };
    expect(exported.corrections).toEqual(CORRECTIONS);
    cleanup();
    await background.close();
    background = inProcessBackground(PACK);
    render(<OptionsContainer deps={deps().value} />);
    await screen.findByText('No corrections yet.');
    const input = document.querySelector('input[name="pack-file"]') as HTMLInputElement;
    const file = new File([downloads[0] as string], 'mine.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() =>
      expect(document.body.textContent).toMatch(/Corrections taken from the file: 3/),
    );
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(await background.corrections.list()).toEqual(CORRECTIONS);
  });

  it('opens the entity form with the words a reader selected', async () => {
    render(<OptionsContainer deps={deps({ prefillName: 'Nasib crossing' }).value} />);
    const name = (await waitFor(() => {
      const input = document.querySelector('.entity-form input[name="name"]');
      if (!input) throw new Error('no form');
      return input;
    })) as HTMLInputElement;
    expect(name.value).toBe('Nasib crossing');
  });
});
