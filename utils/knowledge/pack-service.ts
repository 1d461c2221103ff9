import * as v from 'valibot';
import { type Scanner, scannerOf } from '../match/layers';
import { MATCHER_FORMAT, type MatcherData } from '../match/matcher-data';
import { ProblemsError } from '../messages/router';
import { buildDist } from './dist/build-dist';
import type { DistManifest } from './dist/manifest';
import { type DistFileReader, DistPack } from './dist/read-dist';
import type { CapitalPoint, KnowledgeStore, PackOrigin, StoredLayer } from './knowledge-store';
import { mergeEntity } from './merge';
import { type PackSummary, type PacksOverview, summaryOf } from './pack-summary';
import { Entity, type KnowledgePack, type Source } from './schema';
import { checkImport, parseReaderPacks, USER_PACK_ID } from './user-packs';

/** The compiled packs the background matches pages with. */
export interface LoadedMatcher {
  key: string;
  matcher: Scanner;
  capitals: Record<string, CapitalPoint>;
  /** Matcher indexes of the reader's own entities (which they may choose not to mark). */
  own: Set<number>;
}

/** The built-in pack, read in place from the extension package. */
export interface BuiltInPack {
  manifest: DistManifest;
  read: DistFileReader;
}

/** Where the pack service finds the built-in pack; seams for the background and for tests. */
export interface PackServiceDeps {
  store: KnowledgeStore;
  builtIn(): Promise<BuiltInPack>;
  /** Reader packs a much earlier version kept in extension storage; taken once, into the store. */
  takeLegacyReaderPacks?(): Promise<unknown>;
  now(): number;
  /** The packs, and so the matcher, changed: pages should match again. */
  onMatcherChanged?(key: string): void;
}

/**
 * Owns the knowledge in the background. The built-in pack is read in place from the extension
 * package (nothing is copied at install: the first page is marked as soon as the matcher's files
 * are read); the reader's packs — subscriptions, imported files, their own entities — are stored
 * in the {@link KnowledgeStore} in the same shipping form, each with its own compiled matcher, so
 * adding one compiles only that one. Pages are matched with every pack's matcher layered.
 */
export class PackService {
  private readied: Promise<void> | null = null;
  private loaded: Promise<LoadedMatcher> | null = null;
  private builtInPack: Promise<DistPack> | null = null;
  /** Stored packs opened this wake, by id and generation. */
  private readonly opened = new Map<string, DistPack>();
  /** Writes one at a time, in the order asked. */
  private writes: Promise<unknown> = Promise.resolve();
  private readonly warnings: string[] = [];

  constructor(private readonly deps: PackServiceDeps) {}

  /** The compiled packs for matching (loaded once per wake, again when the packs change). */
  matcher(): Promise<LoadedMatcher> {
    this.loaded ??= this.loadMatcher().catch((error) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  /** An entity by id, merged across every pack that has it (later packs refine earlier ones). */
  async entity(id: string): Promise<Entity | null> {
    await this.ready();
    const packs = [await this.builtIn(), ...(await this.storedPacks()).map(({ pack }) => pack)];
    const found = await Promise.all(packs.map((pack) => pack.entity(id).catch(() => null)));
    let merged: Entity | null = null;
    for (const record of found) if (record) merged = merged ? mergeEntity(merged, record) : record;
    return merged;
  }

  /** Capitals by ISO country code, for locator maps. */
  async capitals(): Promise<Record<string, CapitalPoint>> {
    return (await this.matcher()).capitals;
  }

  async overview(): Promise<PacksOverview> {
    await this.ready();
    const layers = await this.deps.store.layers();
    const builtIn = await this.builtIn();
    return {
      builtIn: summaryOf(builtIn.manifest, 'builtin'),
      subscriptions: layers
        .filter((layer) => layer.origin === 'subscription')
        .map((layer) => summaryOf(layer.manifest, 'subscription', layer)),
      imported: layers
        .filter((layer) => layer.origin === 'import')
        .map((layer) => summaryOf(layer.manifest, 'import', layer)),
      user: await this.userEntities(),
      warnings: [...this.warnings],
    };
  }

  /** Import a pack file's parsed contents; fails with every problem named, changing nothing. */
  importPack(data: unknown): Promise<PackSummary> {
    return this.write(async () => {
      const checked = checkImport(data);
      if (!checked.ok) throw new ProblemsError(checked.errors);
      const layer = await this.storePack(checked.pack, 'import');
      return summaryOf(layer.manifest, 'import', layer);
    });
  }

  /** Remove an imported pack; false when there was none. */
  removePack(id: string): Promise<boolean> {
    return this.write(async () => {
      const layer = await this.deps.store.layer(id);
      if (layer?.origin !== 'import') return false;
      return this.deps.store.removeLayer(id);
    });
  }

  /** The reader's own entities. */
  async userEntities(): Promise<Entity[]> {
    const layer = await this.deps.store.layer(USER_PACK_ID);
    if (!layer) return [];
    const out: Entity[] = [];
    for await (const entity of this.open(layer).entities()) out.push(entity);
    return out;
  }

  /** Add or replace one of the reader's own entities, after validating it. */
  saveUserEntity(candidate: unknown): Promise<string> {
    return this.write(async () => {
      const result = v.safeParse(Entity, candidate, { abortPipeEarly: true });
      if (!result.success) {
        throw new ProblemsError(
          result.issues.map((issue) => {
            const field = (issue.path ?? []).map((item) => String(item.key)).join('.');
            return field ? `field ${field}: ${issue.message}` : issue.message;
          }),
        );
      }
      const entity = result.output;
      const others = (await this.userEntities()).filter((other) => other.id !== entity.id);
      await this.putUserPack([...others, entity]);
      return entity.id;
    });
  }

  /** Remove one of the reader's own entities; false when there was none. */
  deleteUserEntity(id: string): Promise<boolean> {
    return this.write(async () => {
      const entities = await this.userEntities();
      const kept = entities.filter((entity) => entity.id !== id);
      if (kept.length === entities.length) return false;
      await this.putUserPack(kept);
      return true;
    });
  }

  /**
   * Move the reader's packs that earlier versions kept elsewhere into the store (once). The
   * built-in pack needs no readying: it is read where it is.
   */
  ready(): Promise<void> {
    this.readied ??= this.readyNow().catch((error) => {
      this.readied = null;
      throw error;
    });
    return this.readied;
  }

  /**
   * Run a change to the stored packs, then load the matcher again and tell whoever listens.
   * For the subscription service, which changes packs itself.
   */
  write<T>(change: () => Promise<T>): Promise<T> {
    const run = this.writes.then(async () => {
      await this.ready();
      const before = this.loaded
        ? await this.loaded.then(
            (m) => m.key,
            () => null,
          )
        : null;
      const result = await change();
      this.loaded = null;
      const { key } = await this.matcher();
      if (key !== before) this.deps.onMatcherChanged?.(key);
      return result;
    });
    this.writes = run.catch(() => {});
    return run;
  }

  /** Build a pack's shipping form from its entities and store it as a layer of the given origin. */
  async storePack(pack: KnowledgePack, origin: PackOrigin): Promise<StoredLayer> {
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
    const earlier = await this.deps.store.layer(pack.id);
    return this.deps.store.putLayer(
      {
        id: pack.id,
        origin,
        manifest: built.manifest,
        storedAt: earlier?.storedAt ?? this.deps.now(),
      },
      built.files,
    );
  }

  private async readyNow(): Promise<void> {
    const store = this.deps.store;
    for (const { pack, entities } of await store.legacyPacks()) {
      const origin: PackOrigin = pack.layer === 'user' ? 'user' : 'import';
      await this.storePack(
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
    const legacy = await this.deps.takeLegacyReaderPacks?.();
    if (legacy !== undefined && legacy !== null) {
      const { packs, warnings } = parseReaderPacks(legacy);
      this.warnings.push(...warnings);
      for (const pack of packs.imported) await this.storePack(pack, 'import');
      if (packs.user.entities.length > 0) await this.storePack(packs.user, 'user');
    }
  }

  private builtIn(): Promise<DistPack> {
    this.builtInPack ??= this.deps
      .builtIn()
      .then(({ manifest, read }) => new DistPack(manifest, read))
      .catch((error) => {
        this.builtInPack = null;
        throw error;
      });
    return this.builtInPack;
  }

  private open(layer: StoredLayer): DistPack {
    const key = `${layer.id}#${layer.generation}`;
    let pack = this.opened.get(key);
    if (!pack) {
      pack = new DistPack(layer.manifest, (name) => this.deps.store.file(layer, name));
      this.opened.set(key, pack);
    }
    return pack;
  }

  private async storedPacks(): Promise<{ layer: StoredLayer; pack: DistPack }[]> {
    return (await this.deps.store.layers()).map((layer) => ({ layer, pack: this.open(layer) }));
  }

  private async loadMatcher(): Promise<LoadedMatcher> {
    await this.ready();
    const builtIn = await this.builtIn();
    const layers: { id: string; manifest: DistManifest; data: MatcherData }[] = [
      { id: builtIn.manifest.id, manifest: builtIn.manifest, data: await builtIn.matcher() },
    ];
    for (const { layer, pack } of await this.storedPacks()) {
      try {
        layers.push({
          id: layer.id,
          manifest: layer.manifest,
          data: await this.matcherOf(layer, pack),
        });
      } catch (error) {
        // One damaged pack must not take the others with it.
        const note = `The pack “${layer.manifest.name}” could not be read and is left out: ${
          error instanceof Error ? error.message : String(error)
        }`;
        if (!this.warnings.includes(note)) this.warnings.push(note);
      }
    }
    const key = `${layers.map(({ id, manifest }) => `${id}@${manifest.version}`).join('|')}|matcher@${MATCHER_FORMAT}`;
    const matcher = scannerOf(layers.map((layer) => layer.data));
    const capitals: Record<string, CapitalPoint> = {};
    for (const { manifest } of layers) Object.assign(capitals, manifest.capitals ?? {});
    return { key, matcher, capitals, own: ownOf(matcher.data, layers) };
  }

  /** A stored pack's matcher; a pack stored by a version with another matcher format is rebuilt. */
  private async matcherOf(layer: StoredLayer, pack: DistPack): Promise<MatcherData> {
    if (layer.manifest.matcherFormat === MATCHER_FORMAT) return pack.matcher();
    const entities: Entity[] = [];
    for await (const entity of pack.entities()) entities.push(entity);
    const rebuilt = await buildDist({ ...layer.manifest, entities });
    const stored = await this.deps.store.putLayer(
      {
        id: layer.id,
        origin: layer.origin,
        manifest: rebuilt.manifest,
        storedAt: layer.storedAt,
        ...(layer.subscription ? { subscription: layer.subscription } : {}),
      },
      rebuilt.files,
    );
    return this.open(stored).matcher();
  }

  private async putUserPack(entities: Entity[]): Promise<void> {
    if (entities.length === 0) {
      await this.deps.store.removeLayer(USER_PACK_ID);
      return;
    }
    await this.storePack(
      {
        format: 'backstory-pack',
        schemaVersion: 1,
        id: USER_PACK_ID,
        name: 'Your entities',
        version: String(this.deps.now()),
        entities,
      },
      'user',
    );
  }
}

/** A pack file's licences, in a few words (the manifest needs one). */
function licenceOf(sources: Source[]): string {
  const licences = [
    ...new Set(sources.flatMap((source) => (source.licence ? [source.licence] : []))),
  ];
  return licences.length > 0 ? licences.join('; ').slice(0, 200) : 'as stated by its author';
}

/** Indexes (in the layered tables) of every entity the reader's own pack names. */
function ownOf(
  data: MatcherData,
  layers: readonly { id: string; data: MatcherData }[],
): Set<number> {
  const own = new Set<number>();
  let at = 0;
  const canon = (e: number) => (data.entityCanon ? (data.entityCanon[e] as number) : e);
  const mine = new Set<number>();
  for (const layer of layers) {
    if (layer.id === USER_PACK_ID)
      for (let i = 0; i < layer.data.entityIds.length; i++) mine.add(canon(at + i));
    at += layer.data.entityIds.length;
  }
  if (mine.size === 0) return own;
  for (let e = 0; e < data.entityIds.length; e++) if (mine.has(canon(e))) own.add(e);
  return own;
}
