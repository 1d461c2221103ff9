import type { IDBPIndex } from 'idb';

/**
 * Deletes the first `excess` records of an index opened in a read-write transaction, in the
 * index's order (oldest first for a time index): the "keep at most N" rule the reading history
 * and the live cache share. Nothing is deleted when `excess` is not positive.
 */
export async function deleteFirst(
  // biome-ignore lint/suspicious/noExplicitAny: any store and index of any schema
  index: IDBPIndex<any, any, any, any, 'readwrite'>,
  excess: number,
): Promise<void> {
  if (excess <= 0) return;
  let cursor = await index.openCursor();
  for (let removed = 0; cursor && removed < excess; removed++) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}
