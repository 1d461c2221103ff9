/** Where the running copy of the content script keeps its lifetime, in its own isolated world. */
const SLOT = Symbol.for('backstory.content-lifetime');

/**
 * The content script's lifetime. It ends only when the extension itself is reloaded, updated or
 * removed — never on an event a page could forge (WXT's content-script context listens for a DOM
 * event a page can replay, so the script in pages does without it). A newer copy starting in
 * the same isolated world stops the older one; a copy whose extension is gone stops itself the
 * next time it tries to reach it.
 */
export function startLifetime(): AbortController {
  const world = globalThis as unknown as Record<symbol, AbortController | undefined>;
  world[SLOT]?.abort(new DOMException('A newer Backstory started', 'AbortError'));
  const lifetime = new AbortController();
  world[SLOT] = lifetime;
  return lifetime;
}

/** Did a call into the extension fail because the extension is gone (reloaded or removed)? */
export function isExtensionGone(error: unknown, runtimeId: string | undefined): boolean {
  if (!runtimeId) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /context invalidated|extension context|Receiving end does not exist/i.test(message);
}
