import * as v from 'valibot';
import { Entity, type KnowledgePack, PACK_FORMAT, PACK_SCHEMA_VERSION } from './schema';
import { validatePack } from './validate';

/** The id of the pack that holds the reader's own entities. */
export const USER_PACK_ID = 'backstory.user';
/** Largest pack file the options page accepts (bytes of JSON). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The reader's packs, kept in local storage: imported ones, then their own entities (highest precedence). */
export interface ReaderPacks {
  imported: KnowledgePack[];
  user: KnowledgePack;
}

export function emptyUserPack(): KnowledgePack {
  return {
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    id: USER_PACK_ID,
    name: 'Your entities',
    version: '0',
    entities: [],
  };
}

/**
 * Read stored reader packs, trusting nothing: each pack is validated again, and one that fails
 * (damaged storage) is dropped with a warning rather than taking the others with it.
 */
export function parseReaderPacks(raw: unknown): { packs: ReaderPacks; warnings: string[] } {
  const warnings: string[] = [];
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    imported?: unknown;
    user?: unknown;
  };
  const imported: KnowledgePack[] = [];
  for (const candidate of Array.isArray(record.imported) ? record.imported : []) {
    const result = validatePack(candidate);
    if (result.ok) imported.push(result.pack);
    else warnings.push(`A stored pack was damaged and is ignored: ${result.errors[0]}`);
  }
  let user = emptyUserPack();
  if (record.user !== undefined) {
    const result = validatePack(record.user);
    if (result.ok) user = result.pack;
    else warnings.push(`Your stored entities were damaged and are ignored: ${result.errors[0]}`);
  }
  return { packs: { imported, user }, warnings };
}

/** All reader packs, lowest precedence first. */
export function readerPackList(packs: ReaderPacks): KnowledgePack[] {
  return [...packs.imported, ...(packs.user.entities.length > 0 ? [packs.user] : [])];
}

/**
 * Check an imported file's contents. Returns the pack, or every problem found (each naming the
 * entity and field) so the reader can fix the file; nothing stored changes on failure.
 */
export function checkImport(
  data: unknown,
): { ok: true; pack: KnowledgePack } | { ok: false; errors: string[] } {
  const result = validatePack(data);
  if (!result.ok) return result;
  if (result.pack.id === USER_PACK_ID) {
    return {
      ok: false,
      errors: [`pack field id: "${USER_PACK_ID}" is reserved for your own entities`],
    };
  }
  return result;
}

/** Add an imported pack, replacing an earlier import with the same id. */
export function withImported(packs: ReaderPacks, pack: KnowledgePack): ReaderPacks {
  return { ...packs, imported: [...packs.imported.filter((other) => other.id !== pack.id), pack] };
}

export function withoutImported(packs: ReaderPacks, id: string): ReaderPacks {
  return { ...packs, imported: packs.imported.filter((pack) => pack.id !== id) };
}

/** Add or replace one of the reader's own entities, after validating it. */
export function withUserEntity(
  packs: ReaderPacks,
  candidate: unknown,
  now: number,
): { ok: true; packs: ReaderPacks } | { ok: false; errors: string[] } {
  const result = v.safeParse(Entity, candidate, { abortPipeEarly: true });
  if (!result.success) {
    return {
      ok: false,
      errors: result.issues.map((issue) => {
        const field = (issue.path ?? []).map((item) => String(item.key)).join('.');
        return field ? `field ${field}: ${issue.message}` : issue.message;
      }),
    };
  }
  const entity = result.output;
  const entities = [...packs.user.entities.filter((other) => other.id !== entity.id), entity];
  return { ok: true, packs: { ...packs, user: { ...packs.user, entities, version: String(now) } } };
}

export function withoutUserEntity(packs: ReaderPacks, id: string, now: number): ReaderPacks {
  const entities = packs.user.entities.filter((entity) => entity.id !== id);
  return { ...packs, user: { ...packs.user, entities, version: String(now) } };
}

/** An id for an entity the reader adds without a Wikidata id: `user:` and a slug of its name. */
export function userEntityId(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'entity';
  let id = `user:${slug}`;
  for (let n = 2; taken.has(id); n++) id = `user:${slug}-${n}`;
  return id;
}
