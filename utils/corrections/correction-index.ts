import type { Correction } from './correction';

/**
 * The corrections that hold on one site, by folded name: a correction for the site wins over
 * one for everywhere. Built once per site and list, so matching a batch costs a lookup per mark.
 */
export function correctionsFor(
  corrections: readonly Correction[],
  site: string | null,
): Map<string, Correction> {
  const out = new Map<string, Correction>();
  for (const correction of corrections)
    if (correction.site === null && !out.has(correction.folded))
      out.set(correction.folded, correction);
  if (site)
    for (const correction of corrections)
      if (correction.site === site) out.set(correction.folded, correction);
  return out;
}

/** A short stable digest of the corrections: part of the key pages are matched with. */
export function correctionsKey(corrections: readonly Correction[]): string {
  if (corrections.length === 0) return '';
  let hash = 0x811c9dc5;
  for (const c of corrections) {
    const line = `${c.id}|${c.folded}|${c.site ?? '*'}|${c.action}|${c.entity ?? ''}\n`;
    for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193);
  }
  return `c${corrections.length}-${(hash >>> 0).toString(36)}`;
}
