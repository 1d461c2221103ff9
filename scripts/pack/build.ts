/**
 * The pack pipeline: curated YAML (`packs/curated/*.yaml`, one file per topic) plus the breadth
 * data generated from npm and Debian data packages and from the public data in the data directory
 * (`../shared/data`, or `$BACKSTORY_DATA`; `scripts/pack/breadth.ts`) → validated, merged, and
 * written in its shipping form (a manifest, the compiled matcher and entity shards; see
 * `utils/knowledge/dist/`) to `public/packs/default/`, which the extension reads in place.
 * Run as `npm run pack` (`scripts/pack/main.ts`).
 */

import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type DistManifest, MANIFEST_FILE } from '../../utils/knowledge/dist/manifest';
import { publishDist } from '../../utils/knowledge/dist/publish-dist';
import type { SigningKey } from '../../utils/knowledge/dist/signature';
import {
  type Entity,
  type KnowledgePack,
  PACK_FORMAT,
  PACK_SCHEMA_VERSION,
  type Source,
} from '../../utils/knowledge/schema';
import { validatePack } from '../../utils/knowledge/validate';
import {
  cleanKnowledge,
  dropDanglingRelated,
  mergeSlugNamesakes,
  selectBuiltIn,
  trimNames,
  withKnowledgeBase,
} from './assemble-kb';
import { dropShadowedTitles } from './breadth/dedupe';
import { checkPack } from './check';
import { guardEverydayWords } from './guards/apply';
import { guardPlaceNamedOrganisations } from './guards/place-names';
import { buildKnowledgeBase } from './kb/build-kb';
import { CURATED_DIR, PACK_DIR, ROOT } from './paths';
import { dataDir } from './sources/data-dir';
import { readAllSources } from './sources/index';
import { ALL_SOURCES } from './sources/registry';

/** The built pack's manifest: the build is skipped while it is newer than every input. */
const MANIFEST = join(PACK_DIR, MANIFEST_FILE);
const INPUTS = [
  CURATED_DIR,
  join(ROOT, 'packs/overrides'),
  join(ROOT, 'packs/data'),
  dataDir(),
  join(ROOT, 'scripts/pack'),
  join(ROOT, 'utils/knowledge'),
  // The pack holds the compiled matcher: the compiler's code is an input too.
  join(ROOT, 'utils/match'),
];

export const DEFAULT_PACK_ID = 'backstory.default';

/** Read every curated file; each is a YAML list of entities. */
export function readCurated(dir = CURATED_DIR): { file: string; entities: Entity[] }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const parsed = parse(readFileSync(join(dir, name), 'utf8')) as unknown;
      if (!Array.isArray(parsed)) throw new Error(`${name}: expected a YAML list of entities`);
      return { file: name, entities: parsed as Entity[] };
    });
}

function wrap(id: string, entities: Entity[], sources: Source[] = []): KnowledgePack {
  return {
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    id,
    name: 'Backstory built-in pack',
    version: '0',
    sources,
    entities,
  };
}

/** The Wikidata-model knowledge base of every source in the data directory, as pack entities. */
async function readKnowledgeBase(): Promise<Entity[]> {
  const { entities } = await buildKnowledgeBase({
    items: readAllSources(dataDir()),
    sources: ALL_SOURCES,
  });
  return entities;
}

/** Build the default pack in memory, failing with every problem found. */
export async function buildDefaultPack(): Promise<KnowledgePack> {
  const problems: string[] = [];
  const { generateBreadthEntities, assemble, BREADTH_SOURCES, isTitleEntity } = await import(
    './breadth'
  );
  const breadth = await generateBreadthEntities();
  const curatedFiles = readCurated();
  for (const { file, entities } of curatedFiles) {
    const result = validatePack(wrap('backstory.check', entities));
    if (!result.ok) problems.push(...result.errors.map((error) => `${file}: ${error}`));
  }
  const curated = curatedFiles.flatMap(({ entities }) => entities);
  const breadthResult = validatePack(wrap('backstory.check', breadth));
  if (!breadthResult.ok) problems.push(...breadthResult.errors.map((error) => `breadth: ${error}`));
  if (problems.length > 0) throw new PackError(problems);

  // Curated entries refine generated ones with the same id (the Syria entry adds to the country's)
  // and win over generated namesakes; shared names are guarded on the generated side.
  const tuned = assemble(breadth, curated);
  // The Wikidata-derived knowledge base under them: the tuned records win their fields.
  const knowledge = await readKnowledgeBase();
  const entities = dropShadowedTitles(
    withKnowledgeBase(
      tuned,
      mergeSlugNamesakes(trimNames(selectBuiltIn(cleanKnowledge(knowledge)))),
      curated,
    ),
    isTitleEntity,
  );
  guardEverydayWords(entities);
  guardPlaceNamedOrganisations(entities, new Set(curated.map((entity) => entity.id)));
  const sources: Source[] = [
    { title: 'Backstory curated entries (packs/curated)', licence: 'CC BY-SA 4.0' },
    ...BREADTH_SOURCES,
  ];
  const pack = { ...wrap(DEFAULT_PACK_ID, entities, sources), version: packVersion(entities) };
  const final = validatePack(pack);
  if (!final.ok) throw new PackError(final.errors);
  problems.push(...checkPack(final.pack));
  if (problems.length > 0) throw new PackError(problems);
  return final.pack;
}

export const LARGER_PACK_ID = 'backstory.larger';

/**
 * The larger base: the knowledge base's entities the built-in pack leaves out (the name list's
 * later items, the less known beyond the built-in selection), for publishing as a subscription
 * (`--publish DIR --key KEY --base larger`). Its names in the six languages the pack is read in.
 */
export async function buildLargerPack(): Promise<KnowledgePack> {
  const clean = cleanKnowledge(await readKnowledgeBase());
  const builtIn = new Set(selectBuiltIn(clean).map((entity) => entity.id));
  const rest = mergeSlugNamesakes(trimNames(clean.filter((entity) => !builtIn.has(entity.id))));
  // Relations to entities of neither pack are dropped; to the built-in pack's they stay (the
  // subscription is read with it).
  const known = new Set(clean.map((entity) => entity.id));
  for (const entity of rest) dropDanglingRelated(entity, (id) => known.has(id));
  guardEverydayWords(rest);
  const pack = {
    ...wrap(LARGER_PACK_ID, rest, []),
    name: 'Backstory larger knowledge base',
    description:
      'The Wikidata-derived entities the built-in pack leaves out: less known people, places, organisations, events and works',
    version: packVersion(rest),
  };
  const result = validatePack(pack);
  if (!result.ok) throw new PackError(result.errors);
  return result.pack;
}

/** A content version: the date and a short hash, so a changed pack never looks unchanged. */
function packVersion(entities: Entity[]): string {
  let hash = 0x811c9dc5;
  for (const entity of entities) {
    const text = JSON.stringify(entity);
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '.');
  return `${day}+${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

export class PackError extends Error {
  constructor(readonly problems: string[]) {
    super(`The default pack is invalid:\n  ${problems.join('\n  ')}`);
  }
}

function newestInput(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestInput(join(path, name))));
}

/** Build and write the pack unless it is already newer than everything it is made from. */
/** Whether the built pack is newer than every input. */
export function packIsCurrent(): boolean {
  if (!existsSync(MANIFEST)) return false;
  const built = statSync(MANIFEST).mtimeMs;
  return INPUTS.every((input) => !existsSync(input) || newestInput(input) < built);
}

/** The heap the knowledge base's build needs (it holds every source's items at once). */
export const BUILD_HEAP_MB = 12_000;

/**
 * Make sure the built pack is current, building it in a child process with the heap it needs
 * (`BUILD_HEAP_MB`) when it is not: what the unit tests, `wxt build` and the bench call.
 */
export async function ensureDefaultPack(): Promise<void> {
  if (packIsCurrent()) return;
  const script = fileURLToPath(new URL('./main.ts', import.meta.url));
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${BUILD_HEAP_MB}`, '--import', 'tsx', script],
      { stdio: 'inherit', cwd: ROOT },
    );
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) throw new Error(`The default pack's build failed (exit ${code})`);
}

export async function writeDefaultPack(
  force = false,
): Promise<{ pack: KnowledgePack | null; written: boolean }> {
  if (!force && packIsCurrent()) return { pack: null, written: false };
  const pack = await buildDefaultPack();
  await writeDist(pack, PACK_DIR);
  return { pack, written: true };
}

/** How a pack is published (`--publish`): by whom, under which licence, signed with which key. */
export interface PublishOptions {
  publisher?: string;
  licence?: string;
  /** Seconds subscribers keep it before checking again. */
  expires?: number;
  /** At least this many entity shards (smaller updates). */
  entityShards?: number;
  /** The publisher's key: the manifest names its public half and `manifest.sig` is written. */
  key?: SigningKey;
}

/**
 * Write a pack in its shipping form into `dir` (emptied first), the manifest last; signed when
 * `options.key` is given (see `scripts/pack/publish.ts`).
 */
export async function writeDist(
  pack: KnowledgePack,
  dir: string,
  options: PublishOptions = {},
): Promise<DistManifest> {
  const { manifest, published } = await publishDist(
    {
      id: pack.id,
      name: pack.name,
      publisher: options.publisher ?? 'Backstory',
      version: pack.version,
      ...(pack.description ? { description: pack.description } : {}),
      licence:
        options.licence ??
        'Curated entries CC BY-SA 4.0; facts from Wikidata CC0 and the sources listed, each under its own licence',
      sources: pack.sources ?? [],
      entities: pack.entities,
      ...(options.expires ? { expires: options.expires } : {}),
      ...(options.entityShards ? { entityShards: options.entityShards } : {}),
      // Entity shards gzipped: a quarter of the size, on disk and on the wire.
      compress: true,
    },
    options.key,
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of published) writeFileSync(join(dir, name), bytes);
  return manifest;
}
