import { vi } from 'vitest';

/**
 * A stand-in for the browser's CSS highlights (happy-dom has none) on the test's window, and no
 * IntersectionObserver, so every block counts as near the viewport. Returns the registry, whose
 * highlights are sets of the ranges painted. Undo with `vi.unstubAllGlobals()`.
 */
export function stubHighlights(): Map<string, Set<AbstractRange>> {
  const registry = new Map<string, Set<AbstractRange>>();
  const api = {
    IntersectionObserver: undefined,
    CSS: { highlights: registry },
    Highlight: class extends Set<AbstractRange> {
      priority = 0;
    },
  };
  for (const [name, value] of Object.entries(api)) {
    vi.stubGlobal(name, value);
    Object.assign(document.defaultView as object, { [name]: value });
  }
  return registry;
}
