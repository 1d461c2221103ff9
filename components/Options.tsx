import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ListedCorrection } from '@/utils/corrections/correction-store';
import type { VisitedPage } from '@/utils/history/history-store';
import { KIND_LABELS } from '@/utils/i18n/kinds';
import type { PacksOverview } from '@/utils/knowledge/pack-service';
import type { Entity } from '@/utils/knowledge/schema';
import type { Settings } from '@/utils/settings/settings';
import { Corrections } from './Corrections';
import { EntityForm } from './EntityForm';
import { Message, useI18n } from './i18n';
import { LanguageChoice } from './LanguageChoice';
import { SettingsControls } from './SettingsControls';
import { Switch } from './Switch';

/** What the options page shows. */
export interface OptionsModel {
  version: string;
  /** The browser's interface language (what "the browser's language" means). */
  browserLanguage?: string;
  settings: Settings | null;
  packs: PacksOverview | null;
  history: VisitedPage[];
  /** Result of the last pack import: the pack's name, or every problem found. */
  importResult: { ok: true | 'working'; message: string } | { ok: false; errors: string[] } | null;
  entityErrors: string[];
  /** The reader's corrections of marks. */
  corrections?: ListedCorrection[];
  /** A name to open the entity form with ("Add to my entities" on a selection). */
  prefillName?: string;
}

export interface OptionsActions {
  onSettings(settings: Settings): void;
  onImport(file: File): void;
  onRemovePack(id: string): void;
  onExport(): void;
  onSaveEntity(candidate: unknown, done: () => void): void;
  onDeleteEntity(id: string): void;
  onClearHistory(): void;
  onUndoCorrection?(id: string): void;
  onUndoAllCorrections?(): void;
}

/**
 * Pure view of the options page, section by section (`live`, `subscriptions`: sections with their
 * own state).
 */
export function Options({
  model,
  actions,
  live,
  subscriptions,
}: {
  model: OptionsModel;
  actions: OptionsActions;
  live?: ComponentChildren;
  subscriptions?: ComponentChildren;
}) {
  const { settings } = model;
  const t = useI18n();
  return (
    <main class="options">
      <h1>{t.t('options_title')}</h1>
      {settings && (
        <section aria-labelledby="highlighting">
          <h2 id="highlighting">{t.t('options_highlighting')}</h2>
          <Switch
            label={t.t('popup_highlight')}
            hint={t.t('options_highlight_hint')}
            checked={settings.enabled}
            onChange={(enabled) => actions.onSettings({ ...settings, enabled })}
          />
          <SettingsControls idPrefix="options" settings={settings} onChange={actions.onSettings} />
        </section>
      )}
      {settings && (
        <LanguageChoice
          settings={settings}
          browserLanguage={model.browserLanguage ?? 'en'}
          onChange={actions.onSettings}
        />
      )}
      {settings && <Sites settings={settings} onChange={actions.onSettings} />}
      {live}
      <YourEntities model={model} actions={actions} />
      <Corrections
        corrections={model.corrections ?? []}
        onUndo={(id) => actions.onUndoCorrection?.(id)}
        onUndoAll={() => actions.onUndoAllCorrections?.()}
      />
      {subscriptions}
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
  const t = useI18n();
  return (
    <section aria-labelledby="sites">
      <h2 id="sites">{t.t('options_sites')}</h2>
      <fieldset class="controls__group">
        <legend>{t.t('options_sites_where')}</legend>
        <label class="check">
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'all'}
            onChange={() => onChange({ ...settings, siteMode: 'all' })}
          />
          {t.t('options_sites_all')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'allowed'}
            onChange={() => onChange({ ...settings, siteMode: 'allowed' })}
          />
          {t.t('options_sites_allowed_only')}
        </label>
      </fieldset>
      <h3>
        {t.t(settings.siteMode === 'allowed' ? 'options_allowed_sites' : 'options_blocked_sites')}
      </h3>
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
  const t = useI18n();
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
          {t.t('options_site')}{' '}
          <input
            value={host}
            name={name}
            placeholder="example.com"
            dir="ltr"
            onInput={(event) => setHost(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t.t('options_add')}</button>
      </form>
      {sites.length === 0 ? (
        <p class="muted">{t.t('options_none_yet')}</p>
      ) : (
        <ul class="plain-list">
          {sites.map((site) => (
            <li key={site}>
              <bdi>{site}</bdi>{' '}
              <button
                type="button"
                aria-label={t.t('options_remove_named', site)}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                {t.t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function YourEntities({ model, actions }: { model: OptionsModel; actions: OptionsActions }) {
  const [editing, setEditing] = useState<Entity | 'new' | null>(model.prefillName ? 'new' : null);
  const entities = model.packs?.user ?? [];
  const taken = new Set(entities.map((entity) => entity.id));
  const t = useI18n();
  return (
    <section aria-labelledby="your-entities">
      <h2 id="your-entities">{t.t('options_your_entities')}</h2>
      <p class="muted">{t.t('options_your_entities_intro')}</p>
      {model.settings && (
        <Switch
          label={t.t('options_mark_own')}
          hint={t.t('options_mark_own_hint')}
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
              <strong>
                <bdi>{entity.name}</bdi>
              </strong>{' '}
              <span class="muted">{t.t('options_entity_kind', t.t(KIND_LABELS[entity.kind]))}</span>{' '}
              <button
                type="button"
                aria-label={t.t('options_edit_named', entity.name)}
                onClick={() => setEditing(entity)}
              >
                {t.t('options_edit')}
              </button>{' '}
              <button
                type="button"
                aria-label={t.t('options_delete_named', entity.name)}
                onClick={() => actions.onDeleteEntity(entity.id)}
              >
                {t.t('options_delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing === null ? (
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t.t('options_add_entity')}
        </button>
      ) : (
        <EntityForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          {...(editing === 'new' && model.prefillName ? { prefill: model.prefillName } : {})}
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
  const t = useI18n();
  return (
    <section aria-labelledby="packs">
      <h2 id="packs">{t.t('options_packs')}</h2>
      <p class="muted">{t.t('options_packs_intro')}</p>
      <div class="pack-actions">
        <label class="file-button">
          {t.t('options_import')}
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
          disabled={(model.packs?.user.length ?? 0) === 0 && (model.corrections ?? []).length === 0}
        >
          {t.t('options_export')}
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
          <p>{t.t('options_import_failed')}</p>
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
              <strong>
                <bdi>{pack.name}</bdi>
              </strong>{' '}
              <span class="muted">
                <Message id="options_pack_line" count={pack.entities} values={[pack.version]} />
              </span>{' '}
              <button
                type="button"
                aria-label={t.t('options_remove_named', pack.name)}
                onClick={() => actions.onRemovePack(pack.id)}
              >
                {t.t('options_remove')}
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
  const t = useI18n();
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t.t('options_history')}</h2>
      <p class="muted">{t.t('options_history_intro')}</p>
      <Switch
        label={t.t('options_record')}
        hint={t.t('options_record_hint')}
        checked={!settings.historyPaused}
        onChange={(on) => actions.onSettings({ ...settings, historyPaused: !on })}
      />
      <h3>{t.t('options_never_record')}</h3>
      <SiteList
        name="history-site"
        sites={settings.historyExcludedSites}
        onChange={(sites) => actions.onSettings({ ...settings, historyExcludedSites: sites })}
      />
      <p data-testid="history-count">{t.plural('options_history_count', pages.length)}</p>
      {pages.length > 0 && (
        <>
          <ul class="plain-list history-list">
            {pages.slice(0, 50).map((page) => (
              <li key={page.url}>
                <a href={page.url} target="_blank" rel="noopener noreferrer" dir="auto">
                  {page.title || page.url}
                </a>{' '}
                <span class="muted">
                  <Message id="card_where_when" values={[page.site, t.day(page.visitedAt)]} />
                </span>
              </li>
            ))}
          </ul>
          <button type="button" class="danger" onClick={actions.onClearHistory}>
            {t.t('options_clear_history')}
          </button>
        </>
      )}
    </section>
  );
}

function About({ model }: { model: OptionsModel }) {
  const pack = model.packs?.builtIn;
  const t = useI18n();
  return (
    <section aria-labelledby="about">
      <h2 id="about">{t.t('options_about')}</h2>
      <p>
        <Message id="options_about_text" values={[model.version]} />
      </p>
      {pack && (
        <>
          <p data-testid="pack-version">
            <Message
              id="options_builtin_pack"
              count={pack.entities}
              values={[pack.name, pack.version]}
            />
          </p>
          <h3>{t.t('options_sources')}</h3>
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
                {source.licence && (
                  <span class="muted"> {t.t('options_source_licence', source.licence)}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
