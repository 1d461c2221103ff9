import type { CardScheme } from '../card/frame-messages';

/** Relative luminance of an `rgb()`/`rgba()` colour, or null when transparent or unreadable. */
function luminance(colour: string): number | null {
  const parts = /rgba?\(([^)]+)\)/
    .exec(colour)?.[1]
    ?.split(/[\s,/]+/)
    .map(Number);
  if (!parts || parts.length < 3 || parts.slice(0, 3).some(Number.isNaN)) return null;
  if (parts.length >= 4 && (parts[3] as number) < 0.5) return null;
  const [r, g, b] = parts.slice(0, 3).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Is the page the reader is looking at light or dark? Its own background decides (the body's, else
 * the root's); a page that paints none follows the reader's colour scheme, as the browser does.
 */
export function pageScheme(doc: Document): CardScheme {
  const win = doc.defaultView;
  if (!win) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const value = luminance(win.getComputedStyle(element).backgroundColor);
    if (value !== null) return value < 0.4 ? 'dark' : 'light';
  }
  const prefersDark = win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const scheme = win.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return prefersDark && /dark/.test(scheme) ? 'dark' : 'light';
}
