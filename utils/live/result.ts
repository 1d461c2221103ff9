/**
 * What a live source hands back: a value, or an error the card can show quietly. Nothing here is
 * ever thrown into a card; a source that fails leaves the card as the offline pack made it.
 */

/**
 * Why a live request gave nothing:
 * - `offline`: no answer at all (no network, DNS, connection refused, timed out);
 * - `rate-limited`: the service asked us to slow down (429, or we are still waiting out its
 *   `Retry-After`);
 * - `unauthorised`: the service refused the key the reader pasted (401/403);
 * - `failed`: it answered, but not with something we can use (5xx after retries, other 4xx,
 *   HTML where JSON was promised, JSON of the wrong shape).
 */
export type LiveErrorKind = 'offline' | 'rate-limited' | 'unauthorised' | 'failed';

export interface LiveError {
  kind: LiveErrorKind;
  /** For logs and diagnostics, never shown as markup. */
  detail: string;
  /** The HTTP status of the last answer, when there was one. */
  status?: number;
}

export type LiveResult<T> = { ok: true; value: T } | { ok: false; error: LiveError };

/** A successful result. */
export function ok<T>(value: T): LiveResult<T> {
  return { ok: true, value };
}

/** A failed result. */
export function fail<T = never>(
  kind: LiveErrorKind,
  detail: string,
  status?: number,
): LiveResult<T> {
  return { ok: false, error: status === undefined ? { kind, detail } : { kind, detail, status } };
}

/** Carries an error on to a result of another type (the error is the same; only `T` changes). */
export function forward<T>(result: { ok: false; error: LiveError }): LiveResult<T> {
  return { ok: false, error: result.error };
}

/** A stored successful result (errors are never stored, but storage is not trusted). */
export function isOkResult<T>(value: unknown): value is LiveResult<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === true &&
    'value' in value
  );
}
