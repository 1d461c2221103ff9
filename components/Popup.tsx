import type { TabStatus } from '@/utils/messages/protocol';

/** What the popup shows; built by the popup entrypoint from the background's answers. */
export interface PopupModel {
  state: 'loading' | 'ready' | 'unavailable';
  /** The page in the reader's tab, when Backstory runs there. */
  page: TabStatus | null;
  /** Why Backstory cannot tell anything about this tab (browser pages, errors). */
  message?: string;
}

/** Pure view of the toolbar popup. */
export function Popup({ model, optionsUrl }: { model: PopupModel; optionsUrl: string }) {
  return (
    <main class="popup" aria-busy={model.state === 'loading'}>
      <header class="popup__header">
        <h1 class="popup__title">Backstory</h1>
      </header>
      <section class="popup__status" aria-live="polite" data-testid="page-status">
        {model.state === 'loading' && <p>Looking at this page…</p>}
        {model.state === 'ready' && model.page && (
          <p>
            Active on <strong>{hostOf(model.page.url)}</strong>
          </p>
        )}
        {model.state === 'ready' && !model.page && (
          <p>Backstory does not run on this page. Open a news article to see it work.</p>
        )}
        {model.state === 'unavailable' && <p role="alert">{model.message}</p>}
      </section>
      <footer class="popup__footer">
        <a href={optionsUrl} target="_blank" rel="noopener">
          Options
        </a>
      </footer>
    </main>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
