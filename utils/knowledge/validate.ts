import * as v from 'valibot';
import { fieldPath, issueKeys, problemLine } from '../messages/problem';
import { type KnowledgePack, KnowledgePack as PackSchema } from './schema';

export type PackValidation = { ok: true; pack: KnowledgePack } | { ok: false; errors: string[] };

/** At most this many problems are listed; a thoroughly broken file needs no more to be understood. */
const MAX_ERRORS = 20;

/**
 * Check untrusted data against the pack schema. Each error names the entity (by id and name,
 * when they can be read) and the field at fault, e.g.
 * `entity Q238217 (Daraa), field timeline[2].links[0].url: Expected an http(s) URL`.
 */
export function validatePack(data: unknown): PackValidation {
  const result = v.safeParse(PackSchema, data, { abortPipeEarly: true });
  if (result.success) {
    const duplicates = duplicateIds(result.output);
    if (duplicates.length === 0) return { ok: true, pack: result.output };
    return {
      ok: false,
      errors: duplicates.map((id) =>
        problemLine(`entity ${id}`, '', 'the id is used more than once'),
      ),
    };
  }
  const errors = result.issues.slice(0, MAX_ERRORS).map((issue) => describeIssue(data, issue));
  if (result.issues.length > MAX_ERRORS) {
    errors.push(`…and ${result.issues.length - MAX_ERRORS} more problems`);
  }
  return { ok: false, errors };
}

function duplicateIds(pack: KnowledgePack): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const entity of pack.entities) {
    if (seen.has(entity.id)) duplicates.add(entity.id);
    seen.add(entity.id);
  }
  return [...duplicates];
}

type Issue = v.InferIssue<typeof PackSchema>;

function describeIssue(data: unknown, issue: Issue): string {
  const keys = issueKeys(issue);
  if (keys[0] === 'entities' && typeof keys[1] === 'number')
    return problemLine(readEntityLabel(data, keys[1]), fieldPath(keys.slice(2)), issue.message);
  return problemLine('pack', fieldPath(keys), issue.message);
}

function readEntityLabel(data: unknown, index: number): string {
  const entity = (data as { entities?: unknown[] })?.entities?.[index] as
    | { id?: unknown; name?: unknown }
    | undefined;
  const id = typeof entity?.id === 'string' ? entity.id.slice(0, 60) : `#${index + 1}`;
  const name = typeof entity?.name === 'string' ? ` (${entity.name.slice(0, 60)})` : '';
  return `entity ${id}${name}`;
}
