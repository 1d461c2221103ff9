import type { OptionsPage } from './pages';

/** One subscription as the options page shows it. */
export interface SubscriptionView {
  name: string;
  /** "Published by … · N entities, version V". */
  line: string;
  size: string;
  licence: string;
  address: string;
  checked: string;
  due: string;
  /** `ok`, `problem` or `checking`, and the words. */
  status: string;
  statusText: string;
  fingerprint: string;
}

/** The options page's Subscriptions section, as a reader uses it. */
export class SubscriptionsSection {
  constructor(private readonly options: OptionsPage) {}

  private get page() {
    return this.options.page;
  }

  /** Type a pack's address and click Subscribe (a real click: the browser asks for the site then). */
  async subscribe(address: string): Promise<void> {
    await this.page.fill('input[name="subscription-url"]', address);
    await this.page.clickOn('.subscriptions form button[type="submit"]');
  }

  /**
   * The section's last word on subscribing or unsubscribing, once it is one of `settled` (each
   * action ends in another kind than the one before it): its kind and text.
   */
  async outcome(
    settled = ['subscribed', 'failed', 'refused', 'unsubscribed', 'bad-address'],
    timeoutMs = 30_000,
  ): Promise<{ kind: string; text: string }> {
    await this.page.waitFor(
      (kinds) =>
        kinds.includes(
          document.querySelector('.subscriptions [data-outcome]')?.getAttribute('data-outcome') ??
            '',
        ),
      settled,
      timeoutMs,
    );
    return this.page.evaluate(() => {
      const el = document.querySelector('.subscriptions [data-outcome]');
      return { kind: el?.getAttribute('data-outcome') ?? '', text: el?.textContent ?? '' };
    });
  }

  /** Every subscription listed. */
  list(): Promise<SubscriptionView[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.subscription')].map((item) => {
        const fact = (name: string) =>
          item.querySelector(`[data-fact="${name}"]`)?.textContent?.trim() ?? '';
        return {
          name: item.querySelector('h3')?.textContent ?? '',
          line: item.querySelector('h3 + p')?.textContent ?? '',
          size: fact('size'),
          licence: fact('licence'),
          address: fact('address'),
          checked: fact('checked'),
          due: fact('due'),
          status: item.querySelector('[data-fact="status"]')?.getAttribute('data-status') ?? '',
          statusText: fact('status'),
          fingerprint: item.querySelector('[data-fact="fingerprint"] code')?.textContent ?? '',
        };
      }),
    );
  }

  /** The one subscription named `name` (throws when it is not listed). */
  async get(name: string): Promise<SubscriptionView> {
    const found = (await this.list()).find((view) => view.name === name);
    if (!found) throw new Error(`No subscription “${name}” listed`);
    return found;
  }

  /** Click "Check now" on a pack and wait until the check is over; the pack as shown then. */
  async checkNow(name: string): Promise<SubscriptionView> {
    const before = await this.page.evaluate(
      (label) =>
        [...document.querySelectorAll('.subscription')]
          .find((each) => each.querySelector('h3')?.textContent === label)
          ?.querySelector('[data-fact="checked"] time')
          ?.getAttribute('datetime') ?? '',
      name,
    );
    await this.page.clickOn(`.subscription button[aria-label="Check ${name} now"]`);
    await this.page.waitFor(
      ({ label, was }) => {
        const item = [...document.querySelectorAll('.subscription')].find(
          (each) => each.querySelector('h3')?.textContent === label,
        );
        const checked = item?.querySelector('[data-fact="checked"] time')?.getAttribute('datetime');
        return (
          item?.querySelector('[data-fact="status"]')?.getAttribute('data-status') !== 'checking' &&
          checked !== was
        );
      },
      { label: name, was: before },
      30_000,
    );
    return this.get(name);
  }

  /** Click "Unsubscribe" on a pack and wait for the section to say it is done. */
  async unsubscribe(name: string): Promise<{ kind: string; text: string }> {
    await this.page.clickOn(`.subscription button[aria-label="Unsubscribe from ${name}"]`);
    return this.outcome(['unsubscribed']);
  }

  /** What the extension's IndexedDB holds of a pack: its record, and how many files. */
  stored(id: string): Promise<{ layer: boolean; files: number }> {
    return this.page.evaluate(
      (packId) =>
        new Promise<{ layer: boolean; files: number }>((resolve, reject) => {
          const open = indexedDB.open('backstory-knowledge');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['layers', 'files'], 'readonly');
            const layer = tx.objectStore('layers').count(packId);
            const files = tx
              .objectStore('files')
              .count(
                IDBKeyRange.bound([packId, 0, ''], [packId, Number.MAX_SAFE_INTEGER, '\uffff']),
              );
            tx.oncomplete = () => {
              db.close();
              resolve({ layer: layer.result > 0, files: files.result });
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      id,
    );
  }
}
