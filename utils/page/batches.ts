/**
 * Characters of text per batch sent to be matched: a small first batch, so the top of the page is
 * marked soon, then larger ones, so a long page costs few round trips.
 */
export const FIRST_BATCH = 32 * 1024;
export const BATCH = 128 * 1024;

/**
 * Blocks grouped into batches as the annotator sends a page's text: a batch closes as soon as it
 * holds {@link FIRST_BATCH} characters (the first) or {@link BATCH} (the others). The resolver sees
 * a batch's blocks together, so tools that read files batch them the same way to mark what a
 * reader would see.
 */
export function inBatches<T>(blocks: readonly T[], length: (block: T) => number): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let chars = 0;
  for (const block of blocks) {
    batch.push(block);
    chars += length(block);
    if (chars >= (batches.length === 0 ? FIRST_BATCH : BATCH)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
