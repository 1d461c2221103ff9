import { storage } from '@wxt-dev/storage';
import { parseReaderPacks, type ReaderPacks } from './user-packs';

/** Where reader packs live: local storage (large data; sync storage is for small settings). */
export interface ReaderPackStore {
  read(): Promise<{ packs: ReaderPacks; warnings: string[] }>;
  write(packs: ReaderPacks): Promise<void>;
}

let item: ReturnType<typeof defineItem> | null = null;

function defineItem() {
  return storage.defineItem<unknown>('local:readerPacks', { fallback: null, version: 1 });
}

/** The extension's reader pack store (created on first use, not at import). */
export function readerPackStore(): ReaderPackStore {
  item ??= defineItem();
  const stored = item;
  return {
    read: async () => parseReaderPacks(await stored.getValue()),
    write: (packs) => stored.setValue(packs),
  };
}
