import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { VisitedPage } from '@/utils/history/history-store';
import type { PacksOverview } from '@/utils/knowledge/pack-service';
import type { Entity } from '@/utils/knowledge/schema';
import type { Settings } from '@/utils/settings/settings';
import { EntityForm } from './EntityForm';
import { SettingsControls } from './SettingsControls';
import { Switch } from './Switch';

/** What the options page shows. */
export interface OptionsModel {
  version: string;
  settings: Settings | null;
  packs: PacksOverview | null;
  history: VisitedPage[];
  /** Result of the last pack import: the pack's name, or every problem found. */
  importResult: { ok: true | 'working'; message: string } | { ok: false; errors: string[] } | null;
  entityErrors: string[];
}

export interface OptionsActions {
  onSettings(settings: Settings): void;
  onImport(file: File): void;
  onRemovePack(id: string): void;
  onExport(): void;
  onSaveEntity(candidate: unknown, done: () => void): void;
  onDeleteEntity(id: string): void;
  onClearHistory(): void;
}

/** Pure view of the options page, section by section (`live`: the live sources section, with its own state). */
export function Options({
  model,
  actions,
  live,
}: {
  model: OptionsModel;
  actions: OptionsActions;
  live?: ComponentChildren;
}) {
  const { settings } = model;
  return (
    <main class="options">
      <h1>Backstory options</h1>
      {settings && (
        <section aria-labelledby="highlighting">
          <h2 id="highlighting">Highlighting</h2>
          <Switch
            label="Highlight entities"
            hint="Mark people, places, organisations and events on the pages you read"
            checked={settings.enabled}
            onChange={(enabled) => actions.onSettings({ ...settings, enabled })}
          />
          <SettingsControls idPrefix="options" settings={settings} onChange={actions.onSettings} />
        </section>
      )}
      {settings && <Sites settings={settings} onChange={actions.onSettings} />}
      {live}
      <YourEntities model={model} actions={actions} />
      <Packs model={model} actions={actions} />
      {settings && <History settings={settings} pages={model.history} actions={actions} />}
      <About model={model} />
    </main>
  );
}

function Sites({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (settings: Settings) => void;
}) {
  const listKey = settings.siteMode === 'allowed' ? 'allowedSites' : 'blockedSites';
  return (
    <section aria-labelledby="sites">
      <h2 id="sites">Sites</h2>
      <fieldset class="controls__group">
        <legend>Where Backstory marks pages</legend>
        <label class="check">
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'all'}
            onChange={() => onChange({ ...settings, siteMode: 'all' })}
          />
          Everywhere except the blocked sites
        </label>
        <label class="check">
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'allowed'}
            onChange={() => onChange({ ...settings, siteMode: 'allowed' })}
          />
          Only on the allowed sites
        </label>
      </fieldset>
      <h3>{settings.siteMode === 'allowed' ? 'Allowed sites' : 'Blocked sites'}</h3>
      <SiteList
        name="site"
        sites={settings[listKey]}
        onChange={(sites) => onChange({ ...settings, [listKey]: sites })}
      />
    </section>
  );
}

/** A list of sites the reader edits: add by typing a host (or pasting an address), remove each. */
function SiteList({
  name,
  sites,
  onChange,
}: {
  /** The input's name (forms and tests find it by this). */
  name: string;
  sites: string[];
  onChange: (sites: string[]) => void;
}) {
  const [host, setHost] = useState('');
  const add = () => {
    const site = host
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '')
      .replace(/^www\./, '');
    if (!/^[a-z0-9.-]{1,253}$/.test(site) || sites.includes(site)) return;
    onChange([...sites, site]);
    setHost('');
  };
  return (
    <>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label>
          Site{' '}
          <input
            value={host}
            name={name}
            placeholder="example.com"
            onInput={(event) => setHost(event.currentTarget.value)}
          />
        </label>
        <button type="submit">Add</button>
      </form>
      {sites.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="plain-list">
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" onClick={() => onChange(sites.filter((s) => s !== site))}>
                Remove <span class="visually-hidden">{site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function YourEntities({ model, actions }: { model: OptionsModel; actions: OptionsActions }) {
  const [editing, setEditing] = useState<Entity | 'new' | null>(null);
  const entities = model.packs?.user ?? [];
  const taken = new Set(entities.map((entity) => entity.id));
  return (
    <section aria-labelledby="your-entities">
      <h2 id="your-entities">Your entities</h2>
      <p class="muted">
        People, places and groups you want marked too. They take precedence over the built-in pack.
      </p>
      {model.settings && (
        <Switch
          label="Mark your own entities on pages"
          hint="A page can see which of its words are marked, though never which entity or kind. Turn this off if even that should not reveal the names you added."
          checked={model.settings.markOwnEntities}
          onChange={(markOwnEntities) =>
            model.settings && actions.onSettings({ ...model.settings, markOwnEntities })
          }
        />
      )}
      {entities.length > 0 && (
        <ul class="plain-list">
          {entities.map((entity) => (
            <li key={entity.id}>
              <strong>{entity.name}</strong> <span class="muted">({entity.kind})</span>{' '}
              <button type="button" onClick={() => setEditing(entity)}>
                Edit <span class="visually-hidden">{entity.name}</span>
              </button>{' '}
              <button type="button" onClick={() => actions.onDeleteEntity(entity.id)}>
                Delete <span class="visually-hidden">{entity.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing === null ? (
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          Add an entity
        </button>
      ) : (
        <EntityForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          taken={taken}
          errors={model.entityErrors}
          onSave={(candidate) => actions.onSaveEntity(candidate, () => setEditing(null))}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function Packs({ model, actions }: { model: OptionsModel; actions: OptionsActions }) {
  const result = model.importResult;
  return (
    <section aria-labelledby="packs">
      <h2 id="packs">Knowledge packs</h2>
      <p class="muted">
        Import a pack file (JSON, Backstory pack format) or export your own entities as one.
      </p>
      <div class="pack-actions">
        <label class="file-button">
          Import a pack…
          <input
            type="file"
            class="file-input"
            accept="application/json,.json"
            name="pack-file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) actions.onImport(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
        <button
          type="button"
          onClick={actions.onExport}
          disabled={(model.packs?.user.length ?? 0) === 0}
        >
          Export your entities
        </button>
      </div>
      {result?.ok === true && (
        <p class="notice" role="status">
          {result.message}
        </p>
      )}
      {result?.ok === 'working' && (
        <p class="muted" role="status" aria-busy="true">
          {result.message}
        </p>
      )}
      {result?.ok === false && (
        <div class="form-errors" role="alert">
          <p>The file was not imported; nothing changed. Problems found:</p>
          <ul>
            {result.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {model.packs?.warnings.map((warning) => (
        <p class="form-errors" role="alert" key={warning}>
          {warning}
        </p>
      ))}
      {model.packs && model.packs.imported.length > 0 && (
        <ul class="plain-list">
          {model.packs.imported.map((pack) => (
            <li key={pack.id}>
              <strong>{pack.name}</strong>{' '}
              <span class="muted">
                {pack.entities} entities, version {pack.version}
              </span>{' '}
              <button type="button" onClick={() => actions.onRemovePack(pack.id)}>
                Remove <span class="visually-hidden">{pack.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({
  settings,
  pages,
  actions,
}: {
  settings: Settings;
  pages: VisitedPage[];
  actions: OptionsActions;
}) {
  return (
    <section aria-labelledby="history">
      <h2 id="history">Reading history</h2>
      <p class="muted">
        Kept on this device only, so cards can show what you read before. It never leaves your
        browser.
      </p>
      <Switch
        label="Record reading history"
        hint="A page is recorded once you have read it: after some seconds in view, or when you scroll, click or type on it. Addresses are kept without their query strings."
        checked={!settings.historyPaused}
        onChange={(on) => actions.onSettings({ ...settings, historyPaused: !on })}
      />
      <h3>Never record these sites</h3>
      <SiteList
        name="history-site"
        sites={settings.historyExcludedSites}
        onChange={(sites) => actions.onSettings({ ...settings, historyExcludedSites: sites })}
      />
      <p data-testid="history-count">
        {pages.length === 0
          ? 'No pages recorded.'
          : `${pages.length} ${pages.length === 1 ? 'page' : 'pages'} recorded.`}
      </p>
      {pages.length > 0 && (
        <>
          <ul class="plain-list history-list">
            {pages.slice(0, 50).map((page) => (
              <li key={page.url}>
                <a href={page.url} target="_blank" rel="noopener noreferrer">
                  {page.title || page.url}
                </a>{' '}
                <span class="muted">
                  {page.site} · {new Date(page.visitedAt).toLocaleDateString()}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" class="danger" onClick={actions.onClearHistory}>
            Clear history
          </button>
        </>
      )}
    </section>
  );
}

function About({ model }: { model: OptionsModel }) {
  const pack = model.packs?.builtIn;
  return (
    <section aria-labelledby="about">
      <h2 id="about">About</h2>
      <p>
        Backstory {model.version} marks the people, places, organisations and events in the news you
        read and explains them on hover. Everything runs in your browser; nothing leaves it unless
        you turn on a live source.
      </p>
      {pack && (
        <>
          <p data-testid="pack-version">
            Built-in pack: {pack.name}, version {pack.version}, {pack.entities.toLocaleString('en')}{' '}
            entities.
          </p>
          <h3>Sources and licences</h3>
          <ul class="plain-list">
            {pack.sources.map((source) => (
              <li key={source.title}>
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.title}
                  </a>
                ) : (
                  source.title
                )}
                {source.licence && <span class="muted"> ({source.licence})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
