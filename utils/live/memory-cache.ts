import { type AnswerCache, DAY_MS, type ThroughOptions, throughCache } from './cache';

/**
 * The live cache's rules (a day's expiry, in-flight loads shared, only kept values stored) in a
 * map: for tools that run the live service outside a browser (the evaluation), where IndexedDB
 * is missing and nothing needs to outlive the run.
 */
export class MemoryCache implements AnswerCache {
  private readonly entries = new Map<string, { value: unknown; expires: number }>();
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(private readonly now: () => number = Date.now) {}

  async get<T>(key: string, valid?: (value: unknown) => value is T): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= this.now()) return undefined;
    if (valid && !valid(entry.value)) return undefined;
    return entry.value as T;
  }

  async set(key: string, value: unknown, ttlMs = DAY_MS): Promise<void> {
    this.entries.set(key, { value: structuredClone(value), expires: this.now() + ttlMs });
  }

  through<T>(key: string, load: () => Promise<T>, options: ThroughOptions<T> = {}): Promise<T> {
    return throughCache(this, this.pending, key, load, options);
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }
}
