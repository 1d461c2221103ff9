import { ENTITY_KINDS, type EntityKind } from '@/utils/knowledge/schema';
import type { PageEntity, PageSummary } from '@/utils/messages/protocol';
import type { Settings } from '@/utils/settings/settings';
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
  return (
    <main class="popup" aria-busy={model.state === 'loading'}>
      <header class="popup__header">
        <h1 class="popup__title">Backstory</h1>
      </header>
      {settings && (
        <section class="popup__switches">
          <Switch
            label="Highlight entities"
            hint="On every site, in every tab"
            checked={settings.enabled}
            onChange={(enabled) => actions.onSettings({ ...settings, enabled })}
          />
          {page?.host && (
            <Switch
              label={`On ${page.host}`}
              hint="This site only"
              checked={model.siteOn}
              disabled={!settings.enabled}
              onChange={actions.onSite}
            />
          )}
        </section>
      )}
      <section class="popup__page" aria-live="polite" data-testid="page-status">
        {model.state === 'loading' && <p>Looking at this page…</p>}
        {model.state === 'ready' && !page && (
          <p>Backstory does not run on this page. Open a news article to see it work.</p>
        )}
        {model.state === 'ready' && page && !page.active && <p>Backstory is off on this page.</p>}
        {model.state === 'ready' && page?.active && page.entities.length === 0 && (
          <p>No known people, places or events on this page.</p>
        )}
        {model.state === 'ready' && page?.active && page.entities.length > 0 && (
          <EntityList entities={page.entities} onReveal={actions.onReveal} />
        )}
      </section>
      {settings && (
        <details class="popup__more">
          <summary>What to mark and how</summary>
          <SettingsControls idPrefix="popup" settings={settings} onChange={actions.onSettings} />
        </details>
      )}
      <footer class="popup__footer">
        <a href={optionsUrl} target="_blank" rel="noopener">
          All options
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
  // Kinds in a fixed order (people, places, …), entities by mentions within each.
  const byKind = new Map<EntityKind, PageEntity[]>(ENTITY_KINDS.map((kind) => [kind, []]));
  for (const entity of entities) byKind.get(entity.kind)?.push(entity);
  for (const [kind, list] of byKind) if (list.length === 0) byKind.delete(kind);
  return (
    <div class="entity-list">
      <p class="entity-list__total">
        {entities.length} {entities.length === 1 ? 'entity' : 'entities'} on this page
      </p>
      {[...byKind].map(([kind, list]) => (
        <section key={kind} class="entity-list__group" aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>
            <span class={`kind-dot kind-dot--${kind}`} aria-hidden="true" />
            {KIND_NAMES[kind]} <span class="count">{list.length}</span>
          </h2>
          <ul>
            {list.map((entity) => (
              <li key={entity.id}>
                <button type="button" class="entity-button" onClick={() => onReveal(entity.id)}>
                  <span>{entity.name}</span>
                  <span class="count">
                    {entity.count}
                    <span class="visually-hidden"> mentions</span>
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
