// @vitest-environment happy-dom

import { Blob as NodeBlob } from 'node:buffer';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsContainer, type OptionsDeps } from '@/components/OptionsContainer';
import { axeViolations } from '../../support/axe';
import { builtInPack, inProcessBackground } from '../../support/background';

let background = inProcessBackground(builtInPack([], '2026.11.25+abc'));
afterEach(async () => {
  cleanup();
  await background.close();
  background = inProcessBackground(builtInPack([], '2026.11.25+abc'));
});

/** The options page wired to the real background (in this process), as the extension wires it. */
async function options() {
  await background.history.record({
    url: 'https://a.example/1',
    title: 'One',
    site: 'a.example',
    entities: ['Q1'],
    visitedAt: 1,
  });
  const downloads: string[] = [];
  const deps: OptionsDeps = {
    version: '0.1.0',
    readSettings: async () => background.settings(),
    writeSettings: async (next) => background.setSettings(next),
    watchSettings: () => () => {},
    download: (name, contents) => downloads.push(`${name}:${contents}`),
    ask: (name, payload) => background.ask(name, payload),
    // The page stages the file in IndexedDB; Node's Blob stands in for the browser's there.
    stage: async (file) => {
      const key = `import-${crypto.randomUUID()}`;
      await background.store.stage(new NodeBlob([await file.text()]) as unknown as Blob, key);
      return key;
    },
  };
  const userEntities = async () => background.packs.userEntities();
  return { deps, downloads, userEntities };
}

const file = (contents: string) => new File([contents], 'pack.json', { type: 'application/json' });

async function chooseFile(contents: string) {
  const input = document.querySelector('input[name="pack-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file(contents)], configurable: true });
  fireEvent.change(input);
}

describe('options page', () => {
  it('shows the built-in pack and its sources', async () => {
    const { deps } = await options();
    render(<OptionsContainer deps={deps} />);
    await screen.findByText(/Built-in pack/);
    expect(document.querySelector('[data-testid="pack-version"]')?.textContent).toMatch(
      /^Built-in pack: Backstory default pack, version 2026.11.25\+abc, \d+ entit(y|ies)\.$/,
    );
    expect(screen.getByText('GeoNames')).toBeTruthy();
  });

  it('names the entity and field of an invalid import, and keeps the packs already there', async () => {
    const { deps } = await options();
    render(<OptionsContainer deps={deps} />);
    await screen.findByText(/Built-in pack/);
    const good = {
      format: 'backstory-pack',
      schemaVersion: 1,
      id: 'test.good',
      name: 'Good pack',
      version: '1',
      entities: [
        {
          id: 'Q1',
          kind: 'place',
          name: 'A',
          aliases: {},
          description: 'a',
          sources: [{ title: 's' }],
        },
      ],
    };
    await chooseFile(JSON.stringify(good));
    expect(await screen.findByText('Imported “Good pack” (1 entity).')).toBeTruthy();
    const bad = {
      ...good,
      id: 'test.bad',
      entities: [{ ...good.entities[0], id: 'Q2', name: 'B', kind: 'planet' }],
    };
    await chooseFile(JSON.stringify(bad));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nothing changed');
    expect(alert.textContent).toContain('entity Q2 (B), field kind');
    expect((await background.packs.overview()).imported.map((pack) => pack.id)).toEqual([
      'test.good',
    ]);
    await chooseFile('{ not json');
    expect((await screen.findByRole('alert')).textContent).toContain('not valid JSON');
  });

  it("adds a reader's own entity through the form, with errors by field", async () => {
    const { deps, downloads, userEntities } = await options();
    render(<OptionsContainer deps={deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add an entity' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Levant Ledger' } });
    fireEvent.input(screen.getByLabelText('Other names, comma-separated'), {
      target: { value: 'The Levant Ledger, Ledger' },
    });
    fireEvent.input(screen.getByLabelText('Source address (optional)'), {
      target: { value: 'javascript:alert(1)' },
    });
    fireEvent.input(screen.getByLabelText('One-line description'), {
      target: { value: 'A newspaper' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Add an entity' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/sources/);
    fireEvent.input(screen.getByLabelText('Source address (optional)'), {
      target: { value: 'https://ledger.example' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Add an entity' }));
    await waitFor(async () =>
      expect((await userEntities()).map((saved) => saved.id)).toEqual(['user:levant-ledger']),
    );
    expect((await userEntities())[0]?.aliases.en).toEqual(['The Levant Ledger', 'Ledger']);
    fireEvent.click(await screen.findByRole('button', { name: 'Export your entities' }));
    expect(downloads[0]).toMatch(/^backstory-my-entities\.json:.*"user:levant-ledger"/s);
  });

  it('edits site lists, keeps sites out of the history, and pauses and clears it', async () => {
    const { deps } = await options();
    const { container } = render(<OptionsContainer deps={deps} />);
    const [blocked, unrecorded] = (await screen.findAllByLabelText('Site')) as HTMLInputElement[];
    fireEvent.input(blocked as HTMLInputElement, {
      target: { value: 'https://www.example.com/news' },
    });
    fireEvent.submit(blocked?.closest('form') as HTMLFormElement);
    expect(background.settings().blockedSites).toEqual(['example.com']);
    fireEvent.input(unrecorded as HTMLInputElement, { target: { value: 'private.example' } });
    fireEvent.submit(unrecorded?.closest('form') as HTMLFormElement);
    expect(background.settings().historyExcludedSites).toEqual(['private.example']);
    fireEvent.click(screen.getByRole('switch', { name: 'Mark your own entities on pages' }));
    expect(background.settings().markOwnEntities).toBe(false);
    fireEvent.click(screen.getByRole('switch', { name: 'Record reading history' }));
    expect(background.settings().historyPaused).toBe(true);
    expect(await screen.findByText('1 page recorded.')).toBeTruthy();
    expect(container.querySelector('input[name="history-site"]')).toBe(unrecorded);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(await screen.findByText('No pages recorded.')).toBeTruthy();
  });

  it('passes an accessibility check', async () => {
    const { deps } = await options();
    const { container } = render(<OptionsContainer deps={deps} />);
    await screen.findByText(/Built-in pack/);
    expect(await axeViolations(container)).toEqual([]);
  });
});
