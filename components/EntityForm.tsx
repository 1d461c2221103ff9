import { useState } from 'preact/hooks';
import { KIND_LABELS } from '@/utils/i18n/kinds';
import { ENTITY_KINDS, type Entity, type EntityKind } from '@/utils/knowledge/schema';
import { userEntityId } from '@/utils/knowledge/user-packs';
import { useI18n } from './i18n';

/** The form's fields, as the reader types them. */
interface Draft {
  name: string;
  kind: EntityKind;
  aliases: string;
  arabic: string;
  description: string;
  summary: string;
  wikidata: string;
  source: string;
}

const EMPTY: Draft = {
  name: '',
  kind: 'person',
  aliases: '',
  arabic: '',
  description: '',
  summary: '',
  wikidata: '',
  source: '',
};

function draftOf(entity: Entity): Draft {
  const text = (list: Entity['aliases'][string] | undefined) =>
    (list ?? []).map((alias) => (typeof alias === 'string' ? alias : alias.text)).join(', ');
  return {
    name: entity.name,
    kind: entity.kind,
    aliases: text(entity.aliases.en),
    arabic: text(entity.aliases.ar),
    description: entity.description,
    summary: entity.summary ?? '',
    wikidata: /^Q\d+$/.test(entity.id) ? entity.id : '',
    source: entity.sources.find((source) => source.url)?.url ?? '',
  };
}

/** Names as typed, split at commas: Latin ones and the Arabic comma (،) both. */
const split = (text: string) =>
  text
    .split(/[,،]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Turn the form into an entity candidate; the background validates it. */
export function entityFromDraft(
  draft: Draft,
  existingId: string | null,
  taken: ReadonlySet<string>,
): unknown {
  const id = draft.wikidata.trim() || existingId || userEntityId(draft.name, taken);
  const aliases: Record<string, string[]> = { en: split(draft.aliases) };
  if (split(draft.arabic).length > 0) aliases.ar = split(draft.arabic);
  return {
    id,
    kind: draft.kind,
    name: draft.name.trim(),
    aliases,
    description: draft.description.trim(),
    ...(draft.summary.trim() ? { summary: draft.summary.trim() } : {}),
    sources: [
      draft.source.trim()
        ? { title: 'Source given by you', url: draft.source.trim() }
        : { title: 'Added by you' },
    ],
  };
}

/** Add or edit one of the reader's own entities. Problems come back from the background by field. */
export function EntityForm({
  editing,
  prefill,
  taken,
  errors,
  onSave,
  onCancel,
}: {
  editing: Entity | null;
  /** The name a new entity starts with (words the reader selected on a page). */
  prefill?: string;
  taken: ReadonlySet<string>;
  errors: string[];
  onSave: (candidate: unknown) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(
    editing ? draftOf(editing) : { ...EMPTY, name: prefill?.slice(0, 120) ?? '' },
  );
  const t = useI18n();
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onInput: (event: Event) =>
      setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      class="entity-form"
      aria-label={editing ? t.t('form_edit', editing.name) : t.t('form_add')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(entityFromDraft(draft, editing?.id ?? null, taken));
      }}
    >
      <label>
        {t.t('form_name')} <input required {...field('name')} name="name" dir="auto" />
      </label>
      <label>
        {t.t('form_kind')}
        <select
          value={draft.kind}
          name="kind"
          onChange={(event) =>
            setDraft({ ...draft, kind: event.currentTarget.value as EntityKind })
          }
        >
          {ENTITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.t(KIND_LABELS[kind])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.t('form_aliases')}{' '}
        <input
          {...field('aliases')}
          name="aliases"
          dir="auto"
          placeholder={t.t('form_aliases_example')}
        />
      </label>
      <label>
        {t.t('form_arabic')} <input {...field('arabic')} name="arabic" dir="rtl" lang="ar" />
      </label>
      <label>
        {t.t('form_description')}{' '}
        <input required {...field('description')} name="description" dir="auto" />
      </label>
      <label>
        {t.t('form_summary')} <textarea {...field('summary')} name="summary" rows={3} dir="auto" />
      </label>
      <label>
        {t.t('form_wikidata')}{' '}
        <input {...field('wikidata')} name="wikidata" placeholder="Q238217" dir="ltr" />
      </label>
      <label>
        {t.t('form_source')}{' '}
        <input {...field('source')} name="source" type="url" placeholder="https://" dir="ltr" />
      </label>
      {errors.length > 0 && (
        <ul class="form-errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="submit" class="primary">
          {editing ? t.t('form_save') : t.t('form_add_submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t.t('form_cancel')}
        </button>
      </div>
    </form>
  );
}
