import { useState } from 'preact/hooks';
import { ENTITY_KINDS, type Entity, type EntityKind } from '@/utils/knowledge/schema';
import { userEntityId } from '@/utils/knowledge/user-packs';

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

const split = (text: string) =>
  text
    .split(',')
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
  taken,
  errors,
  onSave,
  onCancel,
}: {
  editing: Entity | null;
  taken: ReadonlySet<string>;
  errors: string[];
  onSave: (candidate: unknown) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : EMPTY);
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onInput: (event: Event) =>
      setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      class="entity-form"
      aria-label={editing ? `Edit ${editing.name}` : 'Add an entity'}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(entityFromDraft(draft, editing?.id ?? null, taken));
      }}
    >
      <label>
        Name <input required {...field('name')} name="name" />
      </label>
      <label>
        Kind
        <select
          value={draft.kind}
          name="kind"
          onChange={(event) =>
            setDraft({ ...draft, kind: event.currentTarget.value as EntityKind })
          }
        >
          {ENTITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label>
        Other names, comma-separated{' '}
        <input {...field('aliases')} name="aliases" placeholder="e.g. Deraa, Dara'a" />
      </label>
      <label>
        Names in Arabic <input {...field('arabic')} name="arabic" dir="rtl" lang="ar" />
      </label>
      <label>
        One-line description <input required {...field('description')} name="description" />
      </label>
      <label>
        Summary <textarea {...field('summary')} name="summary" rows={3} />
      </label>
      <label>
        Wikidata id (optional){' '}
        <input {...field('wikidata')} name="wikidata" placeholder="Q238217" />
      </label>
      <label>
        Source address (optional){' '}
        <input {...field('source')} name="source" type="url" placeholder="https://" />
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
          {editing ? 'Save changes' : 'Add entity'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
