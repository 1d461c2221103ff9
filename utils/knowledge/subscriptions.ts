import type { LiveHttp } from '../live/http';
import { ProblemsError } from '../messages/router';
import { type DistManifest, filesOf } from './dist/manifest';
import { fingerprintOf } from './dist/signature';
import type { KnowledgeStore, StoredLayer, SubscriptionState } from './knowledge-store';
import type { PackService } from './pack-service';
import { type PackSummary, summaryOf } from './pack-summary';
import { subscriptionAddress } from './subscription-address';
import { type FetchFailure, fetchFiles, fetchManifest } from './subscription-fetch';
import {
  nextCheck,
  retryAt,
  SCHEDULE,
  type ScheduleRules,
  SUBSCRIPTION_LIMITS,
  type SubscriptionLimits,
} from './subscription-policy';

/** What the subscription service works with; the background passes the real ones, tests fakes. */
export interface SubscriptionDeps {
  store: KnowledgeStore;
  /** Stored packs change through it: one write at a time, then pages match again. */
  packs: PackService;
  /** The background's HTTP client (no cookies, timeouts, backoff; see `utils/live/http.ts`). */
  http: LiveHttp;
  now(): number;
  /** Has the reader granted the host of this address (asked when they subscribed)? */
  permitted(url: string): Promise<boolean>;
  /** Wake the background at `when` (ms since 1970) to check what is due; null: nothing is. */
  wakeAt(when: number | null): void;
  /** Accept `http://127.0.0.1:<port>/` addresses too (e2e builds only). */
  loopback?: boolean;
  limits?: SubscriptionLimits;
  schedule?: ScheduleRules;
}

/** The alarm that wakes the background for the next due check. */
export const SUBSCRIPTION_ALARM = 'subscriptions';

/** The soonest the background is woken for a check: alarms are not for seconds. */
const MIN_WAKE_MS = 60_000;

/**
 * Packs the reader subscribed to, kept current like filter lists. Subscribing fetches a signed
 * pack, pins its publisher's key and stores it; each subscription is then checked when its
 * manifest's `expires` says (at most daily), with a conditional request, so an unchanged pack
 * costs a 304. An update fetches only the files whose SHA-256 changed, checks each against the
 * signed manifest, and switches to the new generation in one step: until then the old pack
 * serves, and a refused or failed update leaves it as it was, with the problem and the next try
 * in its status.
 */
export class SubscriptionService {
  private readonly limits: SubscriptionLimits;
  private readonly rules: ScheduleRules;
  /** Checks under way, by pack id: a second "Check now" joins the first. */
  private readonly running = new Map<string, Promise<PackSummary>>();

  constructor(private readonly deps: SubscriptionDeps) {
    this.limits = deps.limits ?? SUBSCRIPTION_LIMITS;
    this.rules = deps.schedule ?? SCHEDULE;
  }

  /**
   * Subscribe to the pack whose manifest is at `address`; fails with the problem named, storing
   * nothing. The reader has granted the host already (the options page asks on their click).
   */
  async subscribe(address: string): Promise<PackSummary> {
    const checked = subscriptionAddress(address, this.deps.loopback ?? false);
    if (!checked.ok) throw new ProblemsError([checked.error]);
    const url = checked.url;
    const layers = await this.subscriptions();
    if (layers.some((layer) => layer.subscription?.url === url))
      throw new ProblemsError(['You are already subscribed to this pack.']);
    if (!(await this.deps.permitted(url)))
      throw new ProblemsError([
        `Backstory has not been allowed to fetch from ${new URL(url).host}.`,
      ]);

    const fetched = await fetchManifest(this.deps.http, { url, limits: this.limits });
    if (!fetched.ok) throw new ProblemsError([fetched.problem]);
    if (fetched.value.unchanged) throw new ProblemsError(['The server sent no manifest.']);
    const { manifest, key, etag, lastModified } = fetched.value;
    await this.refuseTakenId(manifest);
    const files = await fetchFiles(this.deps.http, url, filesOf(manifest));
    if (!files.ok) throw new ProblemsError([files.problem]);

    const now = this.deps.now();
    const subscription: SubscriptionState = {
      url,
      key,
      fingerprint: await fingerprintOf(key),
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
      checkedAt: now,
      updatedAt: now,
      dueAt: nextCheck(manifest, now, this.rules),
      problem: '',
      failures: 0,
    };
    const layer = await this.deps.packs.write(async () => {
      await this.refuseTakenId(manifest);
      return this.deps.store.putLayer(
        { id: manifest.id, origin: 'subscription', manifest, storedAt: now, subscription },
        files.value,
      );
    });
    await this.reschedule();
    return summaryOf(layer.manifest, 'subscription', layer);
  }

  /** Check one subscription now ("Check now"), whatever its schedule; its summary after. */
  check(id: string): Promise<PackSummary> {
    let run = this.running.get(id);
    if (!run) {
      run = this.checkNow(id).finally(() => this.running.delete(id));
      this.running.set(id, run);
    }
    return run;
  }

  /** Check every subscription that is due (the alarm, and the background starting). */
  async checkDue(): Promise<void> {
    const now = this.deps.now();
    for (const layer of await this.subscriptions()) {
      if ((layer.subscription?.dueAt ?? 0) > now) continue;
      await this.check(layer.id).catch((error) => console.warn('Backstory:', error));
    }
    await this.reschedule();
  }

  /** Unsubscribe: the pack and its files go. Its address, for the options page to give the host back. */
  async unsubscribe(id: string): Promise<{ removed: boolean; url: string | null }> {
    const result = await this.deps.packs.write(async () => {
      const layer = await this.deps.store.layer(id);
      if (layer?.origin !== 'subscription') return { removed: false, url: null };
      await this.deps.store.removeLayer(id);
      return { removed: true, url: layer.subscription?.url ?? null };
    });
    await this.reschedule();
    return result;
  }

  /** Set the wake-up for the soonest due subscription. */
  async reschedule(): Promise<void> {
    const due = (await this.subscriptions()).map((layer) => layer.subscription?.dueAt ?? 0);
    if (due.length === 0) return this.deps.wakeAt(null);
    this.deps.wakeAt(Math.max(Math.min(...due), this.deps.now() + MIN_WAKE_MS));
  }

  private async subscriptions(): Promise<StoredLayer[]> {
    return (await this.deps.store.layers()).filter((layer) => layer.origin === 'subscription');
  }

  /** A pack of this id is stored already (imported, the reader's own, or another subscription). */
  private async refuseTakenId(manifest: DistManifest): Promise<void> {
    const taken = await this.deps.store.layer(manifest.id);
    if (taken)
      throw new ProblemsError([
        `A pack with the id ${manifest.id} (“${taken.manifest.name}”) is already installed.`,
      ]);
  }

  private async checkNow(id: string): Promise<PackSummary> {
    const layer = await this.deps.store.layer(id);
    const state = layer?.subscription;
    if (layer?.origin !== 'subscription' || !state)
      throw new ProblemsError(['There is no such subscription.']);
    const outcome = await this.update(layer, state);
    const stored = outcome.ok
      ? outcome.layer
      : await this.deps.store.updateLayer(id, (current) => this.failed(current, outcome));
    await this.reschedule();
    const shown = stored ?? layer;
    return summaryOf(shown.manifest, 'subscription', shown);
  }

  /** Fetch what changed and switch to it; the layer as stored after, or why nothing changed. */
  private async update(
    layer: StoredLayer,
    state: SubscriptionState,
  ): Promise<{ ok: true; layer: StoredLayer | null } | FetchFailure> {
    const { url } = state;
    if (!(await this.deps.permitted(url)))
      return {
        ok: false,
        kind: 'unreachable',
        problem: `Backstory is no longer allowed to fetch from ${new URL(url).host}; unsubscribe and subscribe again to allow it.`,
      };
    const fetched = await fetchManifest(this.deps.http, {
      url,
      key: state.key,
      id: layer.id,
      ...(state.etag ? { etag: state.etag } : {}),
      ...(state.lastModified ? { lastModified: state.lastModified } : {}),
      limits: this.limits,
    });
    if (!fetched.ok) return fetched;
    const now = this.deps.now();
    const answer = fetched.value;
    const manifest = answer.unchanged ? layer.manifest : answer.manifest;
    const checked: SubscriptionState = {
      ...state,
      ...(answer.unchanged || !answer.etag ? {} : { etag: answer.etag }),
      ...(answer.unchanged || !answer.lastModified ? {} : { lastModified: answer.lastModified }),
      checkedAt: now,
      dueAt: nextCheck(manifest, now, this.rules),
      problem: '',
      failures: 0,
    };
    if (answer.unchanged || sameManifest(layer.manifest, answer.manifest)) {
      const stored = await this.deps.store.updateLayer(layer.id, (current) =>
        current.subscription?.url === url ? { ...current, subscription: checked } : current,
      );
      return { ok: true, layer: stored };
    }

    // Only the files whose digest changed are fetched; the rest are carried over as stored.
    const before = new Map(filesOf(layer.manifest).map((file) => [file.name, file]));
    const same = (file: { name: string; bytes: number; sha256: string }) => {
      const old = before.get(file.name);
      return old?.sha256 === file.sha256 && old.bytes === file.bytes;
    };
    const keep = filesOf(manifest).filter(same);
    const files = await fetchFiles(
      this.deps.http,
      url,
      filesOf(manifest).filter((f) => !same(f)),
    );
    if (!files.ok) return files;
    const stored = await this.deps.packs.write(async () => {
      // Unsubscribed (or subscribed again elsewhere) while the files came: nothing to update.
      const current = await this.deps.store.layer(layer.id);
      if (current?.subscription?.url !== url || current.generation !== layer.generation)
        return null;
      return this.deps.store.putLayer(
        {
          id: layer.id,
          origin: 'subscription',
          manifest,
          storedAt: current.storedAt,
          subscription: { ...checked, updatedAt: now },
        },
        files.value,
        keep.map((file) => file.name),
      );
    });
    return { ok: true, layer: stored };
  }

  /** A subscription after a failed check: the old pack stays; the problem and the next try are noted. */
  private failed(layer: StoredLayer, failure: FetchFailure): StoredLayer {
    const state = layer.subscription;
    if (!state) return layer;
    const failures = (state.failures ?? 0) + 1;
    const now = this.deps.now();
    return {
      ...layer,
      subscription: {
        ...state,
        checkedAt: now,
        dueAt: retryAt(layer.manifest, failures, now, this.rules),
        problem: failure.problem,
        failures,
      },
    };
  }
}

/** Two manifests that say the same (the server ignored the conditional request, or rebuilt nothing). */
function sameManifest(a: DistManifest, b: DistManifest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
