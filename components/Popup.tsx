import { ENTITY_KINDS, type EntityKind } from '@/utils/knowledge/schema';
import type { PageEntity, PageSummary } from '@/utils/messages/protocol';
import type { Settings } from '@/utils/settings/settings';
import { Message, useI18n } from './i18n';
import { KIND_NAMES, SettingsControls } from './SettingsControls';
import { Switch } from './Switch';

/** What the popup shows; its container builds it from settings and the tab's content script. */
export interface PopupModel {
  state: 'loading' | 'ready';
  settings: Settings | null;
  /** The page in the reader's tab, when Backstory runs there (null on browser pages). */
  page: PageSummary | null;
  /** Is the tab's site switched on (for the site switch)? */
  siteOn: boolean;
}

export interface PopupActions {
  onSettings(settings: Settings): void;
  onSite(on: boolean): void;
  onReveal(id: string): void;
}

/** Pure view of the toolbar popup. */
export function Popup({
  model,
  actions,
  optionsUrl,
}: {
  model: PopupModel;
  actions: PopupActions;
  optionsUrl: string;
}) {
  const { settings, page } = model;
  const t = useI18n();
  return (
    <main class="popup" aria-busy={model.state === 'loading'}>
      <header class="popup__header">
        <h1 class="popup__title">{t.t('ext_name')}</h1>
      </header>
      {settings && (
        <section class="popup__switches">
          <Switch
            label={t.t('popup_highlight')}
            hint={t.t('popup_highlight_hint')}
            checked={settings.enabled}
            onChange={(enabled) => actions.onSettings({ ...settings, enabled })}
          />
          {page?.host && (
            <Switch
              label={t.t('popup_on_site', page.host)}
              hint={t.t('popup_site_hint')}
              checked={model.siteOn}
              disabled={!settings.enabled}
              onChange={actions.onSite}
            />
          )}
        </section>
      )}
      <section class="popup__page" aria-live="polite" data-testid="page-status">
        {model.state === 'loading' && <p>{t.t('popup_looking')}</p>}
        {model.state === 'ready' && !page && <p>{t.t('popup_not_here')}</p>}
        {model.state === 'ready' && page && !page.active && <p>{t.t('popup_off_here')}</p>}
        {model.state === 'ready' && page?.active && page.entities.length === 0 && (
          <p>{t.t('popup_nothing_found')}</p>
        )}
        {model.state === 'ready' && page?.active && page.entities.length > 0 && (
          <EntityList entities={page.entities} onReveal={actions.onReveal} />
        )}
      </section>
      {settings && (
        <details class="popup__more">
          <summary>{t.t('popup_more')}</summary>
          <SettingsControls idPrefix="popup" settings={settings} onChange={actions.onSettings} />
        </details>
      )}
      <footer class="popup__footer">
        <a href={optionsUrl} target="_blank" rel="noopener">
          {t.t('popup_all_options')}
        </a>
      </footer>
    </main>
  );
}

function EntityList({
  entities,
  onReveal,
}: {
  entities: PageEntity[];
  onReveal: (id: string) => void;
}) {
  const t = useI18n();
  // Kinds in a fixed order (people, places, …), entities by mentions within each.
  const byKind = new Map<EntityKind, PageEntity[]>(ENTITY_KINDS.map((kind) => [kind, []]));
  for (const entity of entities) byKind.get(entity.kind)?.push(entity);
  for (const [kind, list] of byKind) if (list.length === 0) byKind.delete(kind);
  return (
    <div class="entity-list">
      <p class="entity-list__total">
        <Message id="popup_entities" count={entities.length} />
      </p>
      {[...byKind].map(([kind, list]) => (
        <section key={kind} class="entity-list__group" aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>
            <span class={`kind-dot kind-dot--${kind}`} aria-hidden="true" />
            {t.t(KIND_NAMES[kind])} <span class="count">{t.number(list.length)}</span>
          </h2>
          <ul>
            {list.map((entity) => (
              <li key={entity.id}>
                <button type="button" class="entity-button" onClick={() => onReveal(entity.id)}>
                  <bdi class="entity-button__name">{entity.name}</bdi>
                  <span class="count">
                    <span aria-hidden="true">{t.number(entity.count)}</span>
                    <span class="visually-hidden">{t.plural('popup_mentions', entity.count)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
