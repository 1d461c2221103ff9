import { type KnowledgePack, PACK_FORMAT, PACK_SCHEMA_VERSION } from './schema';
import { validatePack } from './validate';

/** The id of the pack that holds the reader's own entities. */
export const USER_PACK_ID = 'backstory.user';
/** Largest pack file the options page accepts (bytes of JSON). */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

/**
 * The reader's packs as earlier versions kept them in local storage (imported ones, then their
 * own entities); read once, when the background moves them into the knowledge store.
 */
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
