import { useState } from 'preact/hooks';
import { KIND_LABELS } from '@/utils/i18n/kinds';
import type { Entity } from '@/utils/knowledge/schema';
import { EntityForm } from './EntityForm';
import { Message, useI18n } from './i18n';
import type { OptionsActions, OptionsModel } from './options-model';
import { Switch } from './Switch';

export function YourEntities({ model, actions }: { model: OptionsModel; actions: OptionsActions }) {
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

export function Packs({ model, actions }: { model: OptionsModel; actions: OptionsActions }) {
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
