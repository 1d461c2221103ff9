import * as v from 'valibot';
import { fieldPath, issueLine, problemLine } from '../messages/problem';

/**
 * Reading a stored value against its defaults, key by key (Dark Reader's rule): a key that is
 * missing takes its default quietly (a version that added it has not run here yet, or another
 * browser synced an older value), a key that is damaged takes its default and is reported, and
 * every other key keeps what the reader chose. Nested objects (the kinds, the live sources) are
 * read the same way, so adding a kind or a source never resets the reader's other switches.
 */

/** An object schema's entries, when `schema` is one. */
function entriesOf(schema: v.GenericSchema): Record<string, v.GenericSchema> | null {
  const entries = (schema as { type?: string; entries?: Record<string, v.GenericSchema> }).entries;
  return (schema as { type?: string }).type === 'object' && entries ? entries : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `raw` read against `schema`, with `defaults` standing in for whatever is missing or damaged.
 * `problems` receives one line per damaged key (`field kinds.person: Invalid type…`).
 */
export function againstDefaults<T>(
  schema: v.GenericSchema<unknown, T>,
  raw: unknown,
  defaults: T,
  problems: string[] = [],
  keys: readonly string[] = [],
): T {
  const entries = entriesOf(schema);
  if (entries && isRecord(defaults)) {
    if (!isRecord(raw)) {
      if (raw !== undefined) problems.push(problemLine('', fieldPath(keys), 'not an object'));
      return structuredClone(defaults);
    }
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(entries)) {
      const fallback = (defaults as Record<string, unknown>)[key];
      // Own fields only: nothing a value inherits is a setting.
      out[key] = Object.hasOwn(raw, key)
        ? againstDefaults(entry, raw[key], fallback, problems, [...keys, key])
        : structuredClone(fallback);
    }
    return out as T;
  }
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  problems.push(issue ? issueLine('', issue, keys) : problemLine('', fieldPath(keys), 'invalid'));
  return structuredClone(defaults);
}
