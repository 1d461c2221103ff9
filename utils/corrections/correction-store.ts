import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { Correction, type CorrectionRequest, foldName, MAX_CORRECTIONS } from './correction';
import { correctionsKey } from './correction-index';

/** Where the corrections are kept: extension local storage, on this device only (never synced). */
export const CORRECTIONS_ITEM = 'local:corrections' as const;

/** Where a store reads and writes its list; the background's is local storage. */
export interface CorrectionsArea {
  read(): Promise<unknown>;
  write(list: Correction[]): Promise<void>;
}

/** The format of the stored list; a later one migrates from it (`@wxt-dev/storage` versions). */
export const CORRECTIONS_VERSION = 1;

let item: ReturnType<typeof defineCorrectionsItem> | null = null;

/** Created on first use, never at import (WXT imports entrypoints in Node while building). */
function defineCorrectionsItem() {
  return storage.defineItem<unknown>(CORRECTIONS_ITEM, {
    fallback: [],
    version: CORRECTIONS_VERSION,
  });
}

/** Local storage, through the project's storage helper: a typed, versioned item. */
export const localCorrections: CorrectionsArea = {
  read: () => {
    item ??= defineCorrectionsItem();
    return item.getValue();
  },
  write: (list) => {
    item ??= defineCorrectionsItem();
    return item.setValue(list);
  },
};

/** A correction as the options page lists it. */
export interface ListedCorrection extends Correction {
  /** The chosen entity is in none of the packs any more: the correction has no effect. */
  stale: boolean;
}

/**
 * The reader's corrections, owned by the background: read once a wake and kept in memory, written
 * one change at a time. What is read back is validated entry by entry; a damaged entry is dropped
 * with a warning, not the whole list.
 */
export class CorrectionStore {
  private cached: Promise<Correction[]> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: CorrectionsArea = localCorrections,
    private readonly newId: () => string = () => `c-${crypto.randomUUID()}`,
  ) {}

  /** Every correction, oldest first. */
  list(): Promise<Correction[]> {
    this.cached ??= this.area.read().then(parseStored);
    return this.cached;
  }

  /** What pages are matched with: changes whenever a correction is made or undone. */
  async key(): Promise<string> {
    return correctionsKey(await this.list());
  }

  /**
   * Remember a choice for a name on a site (`site` null: everywhere). A correction for the same
   * name and place replaces the older one.
   */
  add(request: CorrectionRequest, site: string | null, now: number, entityName?: string) {
    return this.change((list) => {
      const folded = foldName(request.surface);
      if (!folded) throw new Error('The name has no words to correct');
      const where = request.scope === 'site' ? site : null;
      if (request.scope === 'site' && !where) throw new Error('This page has no site');
      const correction: Correction = {
        id: this.newId(),
        surface: request.surface.trim(),
        folded,
        site: where,
        action: request.action,
        ...(request.entity ? { entity: request.entity } : {}),
        ...(request.entity && entityName ? { entityName: entityName.slice(0, 120) } : {}),
        ...(request.was ? { was: request.was } : {}),
        createdAt: now,
      };
      const kept = list.filter((c) => !(c.folded === folded && c.site === where));
      return { list: [...kept, correction].slice(-MAX_CORRECTIONS), value: correction };
    });
  }

  /** Undo one correction; false when there was none with that id. */
  remove(id: string): Promise<boolean> {
    return this.change((list) => {
      const kept = list.filter((c) => c.id !== id);
      return { list: kept, value: kept.length !== list.length };
    });
  }

  /** Undo every correction; how many there were. */
  clear(): Promise<number> {
    return this.change((list) => ({ list: [], value: list.length }));
  }

  /**
   * Take corrections from an imported file (already validated): each replaces the reader's own
   * for the same name and place; ids already here are kept once. How many were taken.
   */
  importList(incoming: readonly Correction[]): Promise<number> {
    return this.change((list) => {
      let kept = [...list];
      for (const correction of incoming) {
        kept = kept.filter(
          (c) =>
            c.id !== correction.id &&
            !(c.folded === correction.folded && c.site === correction.site),
        );
        kept.push(correction);
      }
      return { list: kept.slice(-MAX_CORRECTIONS), value: incoming.length };
    });
  }

  /** The list for the options page: each correction whose chosen entity is gone marked stale. */
  async listed(exists: (id: string) => Promise<boolean>): Promise<ListedCorrection[]> {
    const list = await this.list();
    return Promise.all(
      list.map(async (c) => ({
        ...c,
        stale: c.action === 'choose' && c.entity !== undefined && !(await exists(c.entity)),
      })),
    );
  }

  private change<T>(edit: (list: Correction[]) => { list: Correction[]; value: T }): Promise<T> {
    const run = this.writes.then(async () => {
      const { list, value } = edit(await this.list());
      await this.area.write(list);
      this.cached = Promise.resolve(list);
      return value;
    });
    this.writes = run.catch(() => {});
    return run;
  }
}

/** Stored corrections, each checked again; damaged ones dropped with a warning. */
export function parseStored(raw: unknown): Correction[] {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    console.warn('Backstory: the stored corrections were damaged and are ignored');
    return [];
  }
  const out: Correction[] = [];
  for (const entry of raw.slice(-MAX_CORRECTIONS)) {
    const checked = v.safeParse(Correction, entry);
    if (checked.success) out.push(checked.output);
    else console.warn('Backstory: a stored correction was damaged and is ignored');
  }
  return out;
}
