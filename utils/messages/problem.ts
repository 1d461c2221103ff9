import type * as v from 'valibot';

/**
 * What is wrong with a message, a pack, a manifest or a setting is said one way everywhere:
 * `<what>, field <path>: <message>`, e.g. `entity Q238217 (Daraa), field timeline[2].links[0].url:
 * Expected an http(s) URL`. Without a field (the problem is the whole value) it is `<what>:
 * <message>`; where the reader already knows what (the entity they are editing, their settings),
 * `field <path>: <message>`.
 */
export function problemLine(what: string, field: string, message: string): string {
  const where = [what, field ? `field ${field}` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${message}` : message;
}

/** A path of keys as a reader reads one: `timeline[2].links[0].url` ('' for none). */
export function fieldPath(keys: readonly (string | number)[]): string {
  return keys
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The keys from a checked value's root to where a schema problem lies. */
export function issueKeys(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/** The line for one schema problem, under `what`, its field reached through `under` first. */
export function issueLine(
  what: string,
  issue: v.BaseIssue<unknown>,
  under: readonly (string | number)[] = [],
): string {
  return problemLine(what, fieldPath([...under, ...issueKeys(issue)]), issue.message);
}
