import { compileMatcher } from '../match/compile';
import { MATCHER_FORMAT } from '../match/matcher-data';
import { encodeMatcher, type StoredMatcher } from '../match/serialize';
import { mergePacks } from './merge';
import type { Entity, KnowledgePack } from './schema';

/** What the background stores for content scripts: the compiled matcher and the packs it came from. */
export interface StoredMatcherRecord {
  /** Identifies the packs compiled (default version + user pack stamp). */
  key: string;
  matcher: StoredMatcher;
}

/** Where the pack service reads and writes; seams for the background and for tests. */
export interface PackServiceDeps {
  /** The pack that ships with the extension (trusted: validated when it was built). */
  loadDefaultPack(): Promise<KnowledgePack>;
  /** The reader's own packs, lowest precedence first (validated when they were saved). */
  loadUserPacks(): Promise<KnowledgePack[]>;
  readStoredMatcher(): Promise<StoredMatcherRecord | null>;
  writeStoredMatcher(record: StoredMatcherRecord): Promise<void>;
}

/**
 * Owns the knowledge in the background: merges the packs, answers entity look-ups, and keeps a
 * compiled matcher in storage for content scripts, rebuilding it only when the packs change.
 */
export class PackService {
  private entities: Map<string, Entity> | null = null;
  private builtIn: KnowledgePack | null = null;
  private key = '';
  private loading: Promise<void> | null = null;

  constructor(private readonly deps: PackServiceDeps) {}

  /** Load and merge the packs (once; again after {@link invalidate}). */
  load(): Promise<void> {
    this.loading ??= this.loadNow();
    return this.loading;
  }

  /** Forget the merged packs: the reader's packs changed. */
  invalidate(): void {
    this.loading = null;
    this.entities = null;
  }

  /** The built-in pack (for the options page's about section). */
  async defaultPack(): Promise<KnowledgePack> {
    await this.load();
    return this.builtIn as KnowledgePack;
  }

  /** Every merged entity. */
  async all(): Promise<Entity[]> {
    await this.load();
    return [...(this.entities?.values() ?? [])];
  }

  /** An entity by id, after {@link load}. */
  async entity(id: string): Promise<Entity | null> {
    await this.load();
    return this.entities?.get(id) ?? null;
  }

  /** Make sure storage holds a matcher for the current packs; returns its key. */
  async ensureMatcher(): Promise<string> {
    await this.load();
    const stored = await this.deps.readStoredMatcher();
    if (stored?.key === this.key) return this.key;
    const { data } = compileMatcher([...(this.entities?.values() ?? [])]);
    await this.deps.writeStoredMatcher({ key: this.key, matcher: encodeMatcher(data) });
    return this.key;
  }

  private async loadNow(): Promise<void> {
    const [defaultPack, userPacks] = await Promise.all([
      this.deps.loadDefaultPack(),
      this.deps.loadUserPacks(),
    ]);
    this.builtIn = defaultPack;
    const packs = [defaultPack, ...userPacks];
    this.entities = new Map(mergePacks(packs).map((entity) => [entity.id, entity]));
    // The matcher's format is part of the key: a new extension version with new matching rules
    // rebuilds the stored matcher even when the packs are unchanged.
    this.key = [
      `matcher@${MATCHER_FORMAT}`,
      ...packs.map((pack) => `${pack.id}@${pack.version}`),
    ].join('|');
  }
}
