/**
 * A check that nothing happened is worth only the wait before it: read too soon, it passes for a
 * page that would have been hurt a moment later. So every such wait gets a control, the reader's
 * own gesture that does cause the effect, timed in the same test: the wait must outlast it.
 */

/** Wait `ms` for something that must not happen (pair it with {@link timeEffect}). */
export function quietFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Make the control gesture and wait for what it causes; resolves to how long that took, in
 * milliseconds. A test asserts it is shorter than its quiet wait: then the wait was long enough
 * for the same effect to show, had the page's forgery caused it.
 */
export async function timeEffect(
  gesture: () => Promise<unknown>,
  effect: () => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  await gesture();
  await effect();
  return performance.now() - started;
}
