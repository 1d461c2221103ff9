import * as v from 'valibot';
import { capitalsOf } from '../map/capitals';
import { compileMatcher } from '../match/compile';
import { Matcher } from '../match/matcher';
import { MATCHER_FORMAT } from '../match/matcher-data';
import { ProblemsError } from '../messages/router';
import {
  type CapitalPoint,
  type KnowledgeStore,
  packsKey,
  type StoredPack,
} from './knowledge-store';
import { Entity, type KnowledgePack, PACK_FORMAT, PACK_SCHEMA_VERSION } from './schema';
import { checkImport, parseReaderPacks, USER_PACK_ID } from './user-packs';

/** The compiled matcher the background matches pages with. */
export interface LoadedMatcher {
  key: string;
  matcher: Matcher;
  capitals: Record<string, CapitalPoint>;
  /** Matcher indexes of the reader's own entities (which they may choose not to mark). */
  own: Set<number>;
}

/** Where the pack service reads the built-in pack; seams for the background and for tests. */
export interface PackServiceDeps {
  store: KnowledgeStore;
  /** The built-in pack's version, from the small file shipped beside it (no need to read the pack). */
  builtInVersion(): Promise<string>;
  loadBuiltIn(): Promise<KnowledgePack>;
  /** Reader packs an earlier version kept in extension storage; taken once, into the store. */
  takeLegacyReaderPacks?(): Promise<unknown>;
  now(): number;
  /** The packs, and so the matcher, changed: pages should match again. */
  onMatcherChanged?(key: string): void;
}

/** Everything the options page shows about packs. */
export interface PacksOverview {
  builtIn: StoredPack | null;
  imported: StoredPack[];
  /** The reader's own entities, in full (they edit them). */
  user: Entity[];
  warnings: string[];
}

/**
 * Owns the knowledge in the background. Packs live in the {@link KnowledgeStore}; the compiled
 * matcher is kept in memory and stored binary, rebuilt only when the packs change. A cold worker
 * reads the small pack list and the stored matcher, never the packs themselves.
 */
export class PackService {
  private readied: Promise<void> | null = null;
  private loaded: Promise<LoadedMatcher> | null = null;
  /** Writes and rebuilds one at a time, in the order asked. */
  private writes: Promise<unknown> = Promise.resolve();
  private readonly warnings: string[] = [];

  constructor(private readonly deps: PackServiceDeps) {}

  /** The compiled matcher for the current packs (loaded once per wake; rebuilt when stale). */
  matcher(): Promise<LoadedMatcher> {
    this.loaded ??= this.loadMatcher().catch((error) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  /** An entity by id, merged across packs. */
  async entity(id: string): Promise<Entity | null> {
    await this.ready();
    return this.deps.store.entity(id);
  }

  /** Capitals by ISO country code, for locator maps. */
  async capitals(): Promise<Record<string, CapitalPoint>> {
    return (await this.matcher()).capitals;
  }

  async overview(): Promise<PacksOverview> {
    await this.ready();
    const packs = await this.deps.store.packs();
    return {
      builtIn: packs.find((pack) => pack.layer === 'default') ?? null,
      imported: packs.filter((pack) => pack.layer === 'imported'),
      user: await this.deps.store.packEntities(USER_PACK_ID),
      warnings: [...this.warnings],
    };
  }

  /** Import a pack file's parsed contents; fails with every problem named, changing nothing. */
  importPack(data: unknown): Promise<StoredPack> {
    return this.write(async () => {
      const checked = checkImport(data);
      if (!checked.ok) throw new ProblemsError(checked.errors);
      return this.deps.store.putPack(checked.pack, 'imported', this.deps.now());
    });
  }

  /** Remove an imported pack; false when there was none. */
  removePack(id: string): Promise<boolean> {
    return this.write(async () => {
      const pack = await this.deps.store.pack(id);
      if (pack?.layer !== 'imported') return false;
      return this.deps.store.removePack(id);
    });
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
      const others = (await this.deps.store.packEntities(USER_PACK_ID)).filter(
        (other) => other.id !== entity.id,
      );
      await this.putUserPack([...others, entity]);
      return entity.id;
    });
  }

  /** Remove one of the reader's own entities; false when there was none. */
  deleteUserEntity(id: string): Promise<boolean> {
    return this.write(async () => {
      const entities = await this.deps.store.packEntities(USER_PACK_ID);
      const kept = entities.filter((entity) => entity.id !== id);
      if (kept.length === entities.length) return false;
      await this.putUserPack(kept);
      return true;
    });
  }

  /** Make sure the store holds the built-in pack of this version (and an earlier version's reader packs). */
  ready(): Promise<void> {
    this.readied ??= this.readyNow().catch((error) => {
      this.readied = null;
      throw error;
    });
    return this.readied;
  }

  private async readyNow(): Promise<void> {
    const store = this.deps.store;
    const [version, stored] = await Promise.all([
      this.deps.builtInVersion(),
      store.packs().then((packs) => packs.find((pack) => pack.layer === 'default')),
    ]);
    if (stored?.version !== version) {
      const pack = await this.deps.loadBuiltIn();
      if (stored && stored.id !== pack.id) await store.removePack(stored.id);
      await store.putPack(pack, 'default', 0);
    }
    const legacy = await this.deps.takeLegacyReaderPacks?.();
    if (legacy !== undefined && legacy !== null) {
      const { packs, warnings } = parseReaderPacks(legacy);
      this.warnings.push(...warnings);
      for (const [i, pack] of packs.imported.entries())
        await store.putPack(pack, 'imported', this.deps.now() + i);
      if (packs.user.entities.length > 0) await store.putPack(packs.user, 'user', 0);
    }
  }

  private async loadMatcher(): Promise<LoadedMatcher> {
    await this.ready();
    const store = this.deps.store;
    // A new matcher format compiles afresh even when the packs are the same.
    const key = `${packsKey(await store.packs())}|matcher@${MATCHER_FORMAT}`;
    const [stored, ownEntities] = await Promise.all([
      store.readMatcher(),
      store.packEntities(USER_PACK_ID),
    ]);
    let record = stored;
    if (record?.key !== key) {
      const entities = await store.allEntities();
      const { data } = compileMatcher(entities);
      record = { key, data, capitals: capitalsOf(entities), builtAt: this.deps.now() };
      await store.writeMatcher(record);
    }
    const ids = new Set(ownEntities.map((entity) => entity.id));
    const own = new Set<number>();
    if (ids.size > 0)
      record.data.entityIds.forEach((id, index) => {
        if (ids.has(id)) own.add(index);
      });
    return { key, matcher: new Matcher(record.data), capitals: record.capitals, own };
  }

  /** Run a change to the packs, then rebuild the matcher and tell whoever listens. */
  private write<T>(change: () => Promise<T>): Promise<T> {
    const run = this.writes.then(async () => {
      await this.ready();
      const before = this.loaded ? (await this.loaded).key : null;
      const result = await change();
      this.loaded = null;
      const { key } = await this.matcher();
      if (key !== before) this.deps.onMatcherChanged?.(key);
      return result;
    });
    this.writes = run.catch(() => {});
    return run;
  }

  private async putUserPack(entities: Entity[]): Promise<void> {
    const pack: KnowledgePack = {
      format: PACK_FORMAT,
      schemaVersion: PACK_SCHEMA_VERSION,
      id: USER_PACK_ID,
      name: 'Your entities',
      version: String(this.deps.now()),
      entities,
    };
    if (entities.length === 0) await this.deps.store.removePack(USER_PACK_ID);
    else await this.deps.store.putPack(pack, 'user', 0);
  }
}
