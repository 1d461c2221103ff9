import { useRef, useState } from 'preact/hooks';
import type { PackSummary } from '@/utils/knowledge/pack-summary';
import { hostPermissionOf, subscriptionAddress } from '@/utils/knowledge/subscription-address';
import type { BackgroundProtocol } from '@/utils/messages/background-messages';
import type { Result } from '@/utils/messages/protocol';
import { type SubscriptionStatus, Subscriptions } from './Subscriptions';

/** The browser's permissions behind the subscriptions section; the options page passes the real ones. */
export interface SubscriptionsDeps {
  /** This build also accepts `http://127.0.0.1:<port>/` addresses (e2e builds only). */
  loopback: boolean;
  /**
   * `permissions.request` for a site's host: browsers accept it only while handling the reader's
   * click, so it is called at once from the button's handler, before anything is awaited. No
   * Firefox data consent is asked: a subscription sends nothing about the reader or their pages.
   */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
}

/**
 * The subscriptions section with its state: what the last subscribe came to and which packs are
 * being checked. Subscribing asks the browser for the pack's site first, then the background
 * fetches and checks the pack; unsubscribing gives the site back unless something else uses it.
 */
export function SubscriptionsContainer({
  deps,
  subscriptions,
  hostsInUse,
  ask,
  reload,
}: {
  deps: SubscriptionsDeps;
  subscriptions: PackSummary[];
  /** Hosts other parts of Backstory hold (live sources that are on): never given back here. */
  hostsInUse: string[];
  ask<N extends keyof BackgroundProtocol & string>(
    name: N,
    payload: BackgroundProtocol[N]['request'],
  ): Promise<Result<BackgroundProtocol[N]['response']>>;
  reload(): Promise<void>;
}) {
  const [status, setStatus] = useState<SubscriptionStatus | null>(null);
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(subscriptions);
  latest.current = subscriptions;

  /**
   * Give a site's access back unless another subscription (than `except`) or a live source still
   * needs it; true when the browser kept it all the same.
   */
  const giveBack = async (origin: string, except?: string): Promise<boolean> => {
    const needed = new Set([
      ...hostsInUse,
      ...latest.current.flatMap((pack) =>
        pack.subscription && pack.id !== except ? [hostPermissionOf(pack.subscription.url)] : [],
      ),
    ]);
    if (needed.has(origin)) return false;
    const removed = await deps.remove([origin]).catch(() => false);
    return !removed && (await deps.contains([origin]).catch(() => false));
  };

  const subscribe = (raw: string) => {
    const checked = subscriptionAddress(raw, deps.loopback);
    if (!checked.ok) return setStatus({ kind: 'bad-address' });
    const origin = hostPermissionOf(checked.url);
    let answer: Promise<boolean>;
    try {
      answer = deps.request([origin]);
    } catch (error) {
      answer = Promise.reject(error);
    }
    setStatus({ kind: 'asking' });
    void answer
      .catch(() => false)
      .then(async (yes) => {
        if (!yes) return setStatus({ kind: 'refused', host: new URL(checked.url).host });
        setStatus({ kind: 'working' });
        const result = await ask('subscriptions:add', { url: checked.url });
        await reload();
        if (result.ok) return setStatus({ kind: 'subscribed', name: result.value.name });
        setStatus({ kind: 'failed', errors: result.errors });
        await giveBack(origin);
      });
  };

  const check = async (id: string) => {
    setChecking((old) => new Set([...old, id]));
    await ask('subscriptions:check', { id });
    await reload();
    setChecking((old) => new Set([...old].filter((other) => other !== id)));
  };

  const unsubscribe = async (id: string) => {
    const pack = latest.current.find((each) => each.id === id);
    const result = await ask('subscriptions:remove', { id });
    await reload();
    if (!result.ok || !result.value.url || !pack) return;
    const kept = await giveBack(hostPermissionOf(result.value.url), id);
    setStatus({ kind: 'unsubscribed', name: pack.name, kept });
  };

  return (
    <Subscriptions
      subscriptions={subscriptions}
      status={status}
      checking={checking}
      onSubscribe={subscribe}
      onCheck={(id) => void check(id)}
      onUnsubscribe={(id) => void unsubscribe(id)}
    />
  );
}
