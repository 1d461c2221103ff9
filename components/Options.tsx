import type { ComponentChildren } from 'preact';
import type { VisitedPage } from '@/utils/history/history-store';
import type { Settings } from '@/utils/settings/settings';
import { Corrections } from './Corrections';
import { Message, useI18n } from './i18n';
import { LanguageChoice } from './LanguageChoice';
import type { OptionsActions, OptionsModel } from './options-model';
import { Packs, YourEntities } from './PackSettings';
import { SettingsControls } from './SettingsControls';
import { SiteList, Sites } from './SiteSettings';
import { Switch } from './Switch';

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
