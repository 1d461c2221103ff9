import { storage } from '@wxt-dev/storage';

/** One value per tab, kept while the tab lives (session storage in the extension: the worker may stop between uses). */
export interface PerTab<T> {
  set(tab: number, value: T): Promise<void>;
  get(tab: number): Promise<T | null>;
}

/**
 * The background's per-tab state in session storage, each kind under its own prefix
 * (`session:<prefix>:<tab>`): declared once here, so a closed tab's values are all forgotten
 * together ({@link TabStorage.forget}) however many kinds there come to be.
 */
export class TabStorage {
  private readonly prefixes = new Set<string>();

  /** The values of one kind, under `prefix`. */
  kind<T>(prefix: string): PerTab<T> {
    if (this.prefixes.has(prefix)) throw new Error(`Tab storage "${prefix}" declared twice`);
    this.prefixes.add(prefix);
    const key = (tab: number) => `session:${prefix}:${tab}` as const;
    return {
      set: (tab, value) => storage.setItem(key(tab), value),
      get: (tab) => storage.getItem<T>(key(tab)),
    };
  }

  /** Forget everything kept for a tab (it closed). */
  forget(tab: number): Promise<void> {
    return storage.removeItems(
      [...this.prefixes].map((prefix) => `session:${prefix}:${tab}` as const),
    );
  }
}
