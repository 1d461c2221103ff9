import { useState } from 'preact/hooks';
import type { Translator } from '@/utils/i18n/translator';
import type { PackSummary } from '@/utils/knowledge/pack-summary';
import { Message, useI18n } from './i18n';

/** What the last subscribe or unsubscribe came to, as the section says it. */
export type SubscriptionStatus =
  /** The browser's permission prompt is open. */
  | { kind: 'asking' }
  /** The address is not one a pack can be fetched from. */
  | { kind: 'bad-address' }
  /** The reader (or the browser) said no to the site's access. */
  | { kind: 'refused'; host: string }
  /** Fetching and checking the pack. */
  | { kind: 'working' }
  | { kind: 'subscribed'; name: string }
  /** Not subscribed: every problem, in the background's words. */
  | { kind: 'failed'; errors: string[] }
  /** Unsubscribed; `kept`: the browser kept the site's access (Chrome, see the README). */
  | { kind: 'unsubscribed'; name: string; kept: boolean };

export interface SubscriptionsProps {
  subscriptions: PackSummary[];
  status: SubscriptionStatus | null;
  /** Packs being checked now. */
  checking: ReadonlySet<string>;
  onSubscribe(address: string): void;
  onCheck(id: string): void;
  onUnsubscribe(id: string): void;
}

/** The options page's "Subscriptions" section: a pure view; `SubscriptionsContainer` holds its state. */
export function Subscriptions(props: SubscriptionsProps) {
  const t = useI18n();
  const [address, setAddress] = useState('');
  return (
    <section aria-labelledby="subscriptions" class="subscriptions">
      <h2 id="subscriptions">{t.t('options_subscriptions')}</h2>
      <p class="muted">{t.t('options_subscriptions_intro')}</p>
      <form class="inline-form" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t.t('options_subscription_address')}{' '}
          <input
            type="url"
            name="subscription-url"
            dir="ltr"
            placeholder="https://example.org/pack/manifest.json"
            value={address}
            onInput={(event) => setAddress(event.currentTarget.value)}
          />
        </label>
        {/* On click, not on submit: the browser grants a permission only to a click's handler. */}
        <button
          type="submit"
          disabled={!address.trim() || props.status?.kind === 'asking'}
          onClick={() => props.onSubscribe(address)}
        >
          {t.t('options_subscribe')}
        </button>
      </form>
      <Status status={props.status} />
      {props.subscriptions.length === 0 ? (
        <p class="muted">{t.t('options_none_yet')}</p>
      ) : (
        <ul class="plain-list subscription-list">
          {props.subscriptions.map((pack) => (
            <Subscription key={pack.id} pack={pack} {...props} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Status({ status }: { status: SubscriptionStatus | null }) {
  const t = useI18n();
  if (!status) return null;
  switch (status.kind) {
    case 'asking':
      return (
        <p class="muted" role="status" data-outcome="asking">
          {t.t('options_live_asking')}
        </p>
      );
    case 'working':
      return (
        <p class="muted" role="status" aria-busy="true" data-outcome="working">
          {t.t('options_subscribing')}
        </p>
      );
    case 'bad-address':
      return (
        <p class="form-errors" role="alert" data-outcome="bad-address">
          {t.t('options_subscription_bad_address')}
        </p>
      );
    case 'refused':
      return (
        <p class="form-errors" role="alert" data-outcome="refused">
          <Message id="options_subscription_refused" values={[status.host]} />
        </p>
      );
    case 'subscribed':
      return (
        <p class="notice" role="status" data-outcome="subscribed">
          <Message id="options_subscribed" values={[status.name]} />
        </p>
      );
    case 'unsubscribed':
      return (
        <p class="notice" role="status" data-outcome="unsubscribed">
          <Message id="options_unsubscribed" values={[status.name]} />
          {status.kept && ` ${t.t('options_subscription_kept')}`}
        </p>
      );
    case 'failed':
      return (
        <div class="form-errors" role="alert" data-outcome="failed">
          <p>{t.t('options_subscribe_failed')}</p>
          <ul>
            {status.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      );
  }
}

function Subscription({
  pack,
  checking,
  onCheck,
  onUnsubscribe,
}: SubscriptionsProps & { pack: PackSummary }) {
  const t = useI18n();
  const state = pack.subscription;
  const busy = checking.has(pack.id);
  const problem = state?.problem;
  return (
    <li class="subscription" data-pack={pack.id}>
      <h3>
        <bdi>{pack.name}</bdi>
      </h3>
      <p class="muted">
        <Message id="options_subscription_by" values={[pack.publisher]} />
        {' · '}
        <Message id="options_pack_line" count={pack.entities} values={[pack.version]} />
      </p>
      <dl class="subscription__facts">
        <dt>{t.t('options_subscription_size')}</dt>
        <dd data-fact="size">{sizeOf(t, pack.bytes)}</dd>
        <dt>{t.t('options_subscription_licence')}</dt>
        <dd data-fact="licence" dir="auto">
          {pack.licence}
        </dd>
        <dt>{t.t('options_subscription_address')}</dt>
        <dd data-fact="address" dir="ltr">
          {state?.url}
        </dd>
        <dt>{t.t('options_subscription_last_check')}</dt>
        <dd data-fact="checked">
          <Moment time={state?.checkedAt} />
        </dd>
        <dt>{t.t('options_subscription_next_check')}</dt>
        <dd data-fact="due">
          <Moment time={state?.dueAt} />
        </dd>
        <dt>{t.t('options_subscription_status')}</dt>
        <dd
          data-fact="status"
          data-status={busy ? 'checking' : problem ? 'problem' : 'ok'}
          class={problem && !busy ? 'form-errors' : undefined}
        >
          <span role="status">
            {busy ? (
              t.t('options_subscription_checking')
            ) : problem ? (
              <Message id="options_subscription_problem" values={[problem]} />
            ) : (
              t.t('options_subscription_ok')
            )}
          </span>
        </dd>
        <dt>{t.t('options_subscription_fingerprint')}</dt>
        <dd data-fact="fingerprint">
          <code dir="ltr">{state?.fingerprint}</code>
          <br />
          <span class="muted">{t.t('options_subscription_fingerprint_hint')}</span>
        </dd>
      </dl>
      <div class="pack-actions">
        <button
          type="button"
          disabled={busy}
          aria-label={t.t('options_check_now_named', pack.name)}
          onClick={() => onCheck(pack.id)}
        >
          {t.t('options_check_now')}
        </button>
        <button
          type="button"
          aria-label={t.t('options_unsubscribe_named', pack.name)}
          onClick={() => onUnsubscribe(pack.id)}
        >
          {t.t('options_unsubscribe')}
        </button>
      </div>
    </li>
  );
}

/** A size in kB or MB, in the reader's language. */
function sizeOf(t: Translator, bytes: number): string {
  const mega = bytes >= 1e6;
  return new Intl.NumberFormat(t.locale, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(mega ? bytes / 1e6 : Math.max(0.1, bytes / 1e3));
}

/** A moment, as the reader's local day and time (to the millisecond in `datetime`). */
function Moment({ time }: { time: number | undefined }) {
  const t = useI18n();
  if (!time) return <>—</>;
  const words = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return <time dateTime={new Date(time).toISOString()}>{words.format(time)}</time>;
}
