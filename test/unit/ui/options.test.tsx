// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsContainer, type OptionsDeps } from '@/components/OptionsContainer';
import type { Entity } from '@/utils/knowledge/schema';
import {
  checkImport,
  emptyUserPack,
  type ReaderPacks,
  withImported,
  withUserEntity,
} from '@/utils/knowledge/user-packs';
import type { PacksOverview } from '@/utils/messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { axeViolations } from '../../support/axe';

afterEach(cleanup);

/** A background stand-in that keeps reader packs with the real pack functions. */
function fakeBackground() {
  let packs: ReaderPacks = { imported: [], user: emptyUserPack() };
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);
  let history = [
    { url: 'https://a.example/1', title: 'One', site: 'a.example', entities: ['Q1'], visitedAt: 1 },
  ];
  const overview = (): PacksOverview => ({
    builtIn: {
      id: 'backstory.default',
      name: 'Backstory default pack',
      version: '2026.11.25+abc',
      entities: 2025,
      sources: [{ title: 'GeoNames', licence: 'CC BY 4.0' }],
    },
    imported: packs.imported.map((pack) => ({
      id: pack.id,
      name: pack.name,
      version: pack.version,
      entities: pack.entities.length,
      sources: [],
    })),
    user: packs.user.entities,
    warnings: [],
  });
  const downloads: string[] = [];
  const deps: OptionsDeps = {
    version: '0.1.0',
    readSettings: async () => settings,
    writeSettings: async (next) => {
      settings = next;
    },
    watchSettings: () => () => {},
    download: (name, contents) => downloads.push(`${name}:${contents}`),
    ask: (async (name: string, payload: Record<string, unknown>) => {
      switch (name) {
        case 'packs:list':
          return { ok: true, value: overview() };
        case 'packs:import': {
          const checked = checkImport(payload.data);
          if (!checked.ok) return { ok: false, error: checked.errors.join('\n') };
          packs = withImported(packs, checked.pack);
          return {
            ok: true,
            value: { name: checked.pack.name, entities: checked.pack.entities.length },
          };
        }
        case 'user:save': {
          const result = withUserEntity(packs, payload.entity, 1);
          if (!result.ok) return { ok: false, error: result.errors.join('\n') };
          packs = result.packs;
          return { ok: true, value: { id: (payload.entity as Entity).id } };
        }
        case 'history:list':
          return { ok: true, value: history };
        case 'history:clear':
          history = [];
          return { ok: true, value: { cleared: 1 } };
        default:
          return { ok: true, value: { removed: true } };
      }
    }) as OptionsDeps['ask'],
  };
  return { deps, packs: () => packs, settings: () => settings, downloads };
}

const file = (contents: string) => new File([contents], 'pack.json', { type: 'application/json' });

async function chooseFile(contents: string) {
  const input = document.querySelector('input[name="pack-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file(contents)], configurable: true });
  fireEvent.change(input);
}

describe('options page', () => {
  it('shows the built-in pack and its sources', async () => {
    const { deps } = fakeBackground();
    render(<OptionsContainer deps={deps} />);
    expect(
      await screen.findByText(/Built-in pack: Backstory default pack, version 2026.11.25\+abc/),
    ).toBeTruthy();
    expect(screen.getByText('GeoNames')).toBeTruthy();
  });

  it('names the entity and field of an invalid import, and keeps the packs already there', async () => {
    const bg = fakeBackground();
    render(<OptionsContainer deps={bg.deps} />);
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
    expect(await screen.findByText('Imported “Good pack” (1 entities).')).toBeTruthy();
    const bad = {
      ...good,
      id: 'test.bad',
      entities: [{ ...good.entities[0], id: 'Q2', name: 'B', kind: 'planet' }],
    };
    await chooseFile(JSON.stringify(bad));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nothing changed');
    expect(alert.textContent).toContain('entity Q2 (B), field kind');
    expect(bg.packs().imported.map((pack) => pack.id)).toEqual(['test.good']);
    await chooseFile('{ not json');
    expect((await screen.findByRole('alert')).textContent).toContain('not valid JSON');
  });

  it("adds a reader's own entity through the form, with errors by field", async () => {
    const bg = fakeBackground();
    render(<OptionsContainer deps={bg.deps} />);
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
    await waitFor(() =>
      expect(bg.packs().user.entities.map((entity) => entity.id)).toEqual(['user:levant-ledger']),
    );
    expect(bg.packs().user.entities[0]?.aliases.en).toEqual(['The Levant Ledger', 'Ledger']);
    fireEvent.click(await screen.findByRole('button', { name: 'Export your entities' }));
    expect(bg.downloads[0]).toMatch(/^backstory-my-entities\.json:.*"user:levant-ledger"/s);
  });

  it('edits site lists and pauses and clears the history', async () => {
    const bg = fakeBackground();
    render(<OptionsContainer deps={bg.deps} />);
    fireEvent.input(await screen.findByLabelText('Site'), {
      target: { value: 'https://www.example.com/news' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(bg.settings().blockedSites).toEqual(['example.com']);
    fireEvent.click(screen.getByRole('switch', { name: 'Record reading history' }));
    expect(bg.settings().historyPaused).toBe(true);
    expect(screen.getByText('1 page recorded.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(await screen.findByText('No pages recorded.')).toBeTruthy();
  });

  it('passes an accessibility check', async () => {
    const { deps } = fakeBackground();
    const { container } = render(<OptionsContainer deps={deps} />);
    await screen.findByText(/Built-in pack/);
    expect(await axeViolations(container)).toEqual([]);
  });
});
