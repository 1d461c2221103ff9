import { type DistManifest, packBytes } from './dist/manifest';

/**
 * How much a subscription may hold, and how often it is checked. A subscribed pack is downloaded
 * and checked whole in memory before it replaces the old one (which serves meanwhile), so the
 * limits keep that download within what a background can hold; a manifest that already says it
 * is larger is refused before any of its files is fetched.
 */
export interface SubscriptionLimits {
  /** All of a pack's files together, in bytes. */
  maxBytes: number;
  /** Entities in one pack. */
  maxEntities: number;
}

/**
 * 512 MB and 1,500,000 entities: room for the whole knowledge base beyond the built-in pack
 * (which ships 270,000 entities in 67 MB, entity shards gzipped), with a margin.
 */
export const SUBSCRIPTION_LIMITS: Readonly<SubscriptionLimits> = Object.freeze({
  maxBytes: 512 * 1024 * 1024,
  maxEntities: 1_500_000,
});

/** When subscriptions are checked. */
export interface ScheduleRules {
  /** Never checked more often than this, whatever a manifest's `expires` asks (a day). */
  minIntervalMs: number;
  /** After a failed check, the first retry; it doubles with each failure in a row, up to the interval. */
  retryMs: number;
}

export const SCHEDULE: Readonly<ScheduleRules> = Object.freeze({
  minIntervalMs: 86_400_000,
  retryMs: 30 * 60_000,
});

const MB = 1024 * 1024;

/** Why a manifest's pack is too large for a subscription, or null when it fits. */
export function tooLarge(manifest: DistManifest, limits: SubscriptionLimits): string | null {
  const bytes = packBytes(manifest);
  if (bytes > limits.maxBytes)
    return `The pack is ${(bytes / MB).toFixed(1)} MB; subscriptions may hold at most ${limits.maxBytes / MB} MB.`;
  if (manifest.counts.entities > limits.maxEntities)
    return `The pack has ${manifest.counts.entities} entities; subscriptions may hold at most ${limits.maxEntities}.`;
  return null;
}

/** When a pack checked well at `now` is due again: after its `expires`, but not before the minimum. */
export function nextCheck(manifest: DistManifest, now: number, rules: ScheduleRules): number {
  return now + Math.max(manifest.expires * 1000, rules.minIntervalMs);
}

/** When to try again after the `failures`-th failed check in a row (backing off, up to the interval). */
export function retryAt(
  manifest: DistManifest,
  failures: number,
  now: number,
  rules: ScheduleRules,
): number {
  const interval = Math.max(manifest.expires * 1000, rules.minIntervalMs);
  return now + Math.min(interval, rules.retryMs * 2 ** Math.max(0, failures - 1));
}
