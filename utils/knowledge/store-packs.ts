/**
 * Writing the reader's packs into the knowledge store, each in the same shipping form as the
 * built-in pack: imported files, the reader's own entities, and packs earlier versions kept
 * elsewhere.
 */

import * as v from 'valibot';
import { issueLine } from '../messages/problem';
import { ProblemsError } from '../messages/router';
import { buildDist } from './dist/build-dist';
import type { KnowledgeStore, PackOrigin, StoredLayer } from './knowledge-store';
import { Entity, type KnowledgePack, type Source } from './schema';
import { parseReaderPacks, USER_PACK_ID } from './user-packs';

/** What storing a pack needs: the store, and the time it is stored at. */
export interface PackWriter {
  store: KnowledgeStore;
  now(): number;
}

/** Build a pack's shipping form from its entities and store it as a layer of the given origin. */
export async function storePack(
  deps: PackWriter,
  pack: KnowledgePack,
  origin: PackOrigin,
): Promise<StoredLayer> {
  const built = await buildDist({
    id: pack.id,
    name: pack.name,
    publisher: origin === 'user' ? 'You' : 'Imported file',
    version: pack.version,
    ...(pack.description ? { description: pack.description } : {}),
    licence: licenceOf(pack.sources ?? []),
    sources: pack.sources ?? [],
    entities: pack.entities,
  });
  const earlier = await deps.store.layer(pack.id);
  return deps.store.putLayer(
    {
      id: pack.id,
      origin,
      manifest: built.manifest,
      storedAt: earlier?.storedAt ?? deps.now(),
    },
    built.files,
  );
}

/**
 * Move the reader's packs that earlier versions kept elsewhere into the store: packs an earlier
 * store kept whole, then those a much earlier version kept in extension storage. What could not
 * be read of the latter is added to `warnings`.
 */
export async function moveLegacyPacks(
  deps: PackWriter & { takeLegacyReaderPacks?(): Promise<unknown> },
  warnings: string[],
): Promise<void> {
  const store = deps.store;
  for (const { pack, entities } of await store.legacyPacks()) {
    const origin: PackOrigin = pack.layer === 'user' ? 'user' : 'import';
    await storePack(
      deps,
      {
        format: 'backstory-pack',
        schemaVersion: 1,
        id: pack.id,
        name: pack.name,
        version: pack.version,
        entities,
      },
      origin,
    );
  }
  await store.clearLegacy();
  const legacy = await deps.takeLegacyReaderPacks?.();
  if (legacy !== undefined && legacy !== null) {
    const { packs, warnings: notes } = parseReaderPacks(legacy);
    warnings.push(...notes);
    for (const pack of packs.imported) await storePack(deps, pack, 'import');
    if (packs.user.entities.length > 0) await storePack(deps, packs.user, 'user');
  }
}

/** One of the reader's own entities, validated; fails with every problem named. */
export function checkedEntity(candidate: unknown): Entity {
  const result = v.safeParse(Entity, candidate, { abortPipeEarly: true });
  if (!result.success) {
    throw new ProblemsError(result.issues.map((issue) => issueLine('', issue)));
  }
  return result.output;
}

/** Store the reader's own entities as their pack; none left removes it. */
export async function putUserPack(deps: PackWriter, entities: Entity[]): Promise<void> {
  if (entities.length === 0) {
    await deps.store.removeLayer(USER_PACK_ID);
    return;
  }
  await storePack(
    deps,
    {
      format: 'backstory-pack',
      schemaVersion: 1,
      id: USER_PACK_ID,
      name: 'Your entities',
      version: String(deps.now()),
      entities,
    },
    'user',
  );
}

/** A pack file's licences, in a few words (the manifest needs one). */
function licenceOf(sources: Source[]): string {
  const licences = [
    ...new Set(sources.flatMap((source) => (source.licence ? [source.licence] : []))),
  ];
  return licences.length > 0 ? licences.join('; ').slice(0, 200) : 'as stated by its author';
}
