import type * as v from 'valibot';

/** Where in a checked value a schema problem lies, as dotted keys ("entities.3.name"); '' at its root. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}
