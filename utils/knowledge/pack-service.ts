/**
 * The background's knowledge service: which packs there are, their entities, the reader's
 * changes to them one at a time, and the layered matcher pages are marked with.
 */
import { ProblemsError } from '../messages/router';
import type { DistManifest } from './dist/manifest';
import { type DistFileReader, DistPack } from './dist/read-dist';
import type { CapitalPoint, KnowledgeStore, StoredLayer } from './knowledge-store';
import { type LoadedMatcher, loadLayeredMatcher } from './layered-matcher';
import { mergeEntity } from './merge';
import { type PackSummary, type PacksOverview, summaryOf } from './pack-summary';
import type { Entity } from './schema';
import { checkedEntity, moveLegacyPacks, putUserPack, storePack } from './store-packs';
import { checkImport, USER_PACK_ID } from './user-packs';

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
      const layer = await storePack(this.deps, checked.pack, 'import');
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
      const entity = checkedEntity(candidate);
      const others = (await this.userEntities()).filter((other) => other.id !== entity.id);
      await putUserPack(this.deps, [...others, entity]);
      return entity.id;
    });
  }

  /** Remove one of the reader's own entities; false when there was none. */
  deleteUserEntity(id: string): Promise<boolean> {
    return this.write(async () => {
      const entities = await this.userEntities();
      const kept = entities.filter((entity) => entity.id !== id);
      if (kept.length === entities.length) return false;
      await putUserPack(this.deps, kept);
      return true;
    });
  }

  /**
   * Move the reader's packs that earlier versions kept elsewhere into the store (once). The
   * built-in pack needs no readying: it is read where it is.
   */
  ready(): Promise<void> {
    this.readied ??= moveLegacyPacks(this.deps, this.warnings).catch((error) => {
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
    return loadLayeredMatcher({
      store: this.deps.store,
      builtIn: () => this.builtIn(),
      storedPacks: () => this.storedPacks(),
      open: (layer) => this.open(layer),
      warnings: this.warnings,
    });
  }
}
