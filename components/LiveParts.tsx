import type { LiveView } from '@/utils/card/live-model';
import { Message, useI18n } from './i18n';

/**
 * The parts of a card that come from the reader's live sources, as pure views of a
 * {@link LiveView}: the Wikipedia picture and credit, "Earlier coverage from the news" with the
 * always-present search links, and a quiet note when a source did not answer. Remote text is
 * rendered as text; pictures only from the build's Wikimedia image host (checked in the model).
 * They speak the card's language (`useI18n`); names, hosts and titles are isolated in `<bdi>`.
 */

/** The licence of Wikipedia's text and pictures, named in its credit. */
const WIKIPEDIA_LICENCE = 'CC BY-SA 4.0';

/** The Wikipedia page's picture, beside the description. */
export function LivePicture({ live, name }: { live: LiveView | undefined; name: string }) {
  const t = useI18n();
  if (!live?.picture) return null;
  return (
    <img
      class="card__picture"
      src={live.picture}
      alt={t.t('card_live_picture_alt', name)}
      // No cookies and no referrer: Wikimedia learns only that a picture was wanted.
      crossOrigin="anonymous"
      referrerPolicy="no-referrer"
      loading="lazy"
      decoding="async"
      width={64}
      height={64}
    />
  );
}

/** Credit for text or a picture taken from Wikipedia (its licence asks for it). */
export function WikipediaCredit({ live }: { live: LiveView | undefined }) {
  if (!live?.wikipedia) return null;
  return (
    <p class="card__credit">
      <Message
        id={live.wikipedia.used === 'text' ? 'card_live_credit_text' : 'card_live_credit_picture'}
        values={[
          <a href={live.wikipedia.url} target="_blank" rel="noopener noreferrer">
            {live.wikipedia.title}
          </a>,
          WIKIPEDIA_LICENCE,
        ]}
      />
    </p>
  );
}

/** Earlier articles from the reader's live sources, and the search links that are always there. */
export function EarlierCoverage({ live }: { live: LiveView | undefined }) {
  const t = useI18n();
  if (!live || (live.coverage.length === 0 && live.searchLinks.length === 0)) return null;
  return (
    <section class="card__section card__coverage" aria-labelledby="backstory-card-coverage">
      <h3 id="backstory-card-coverage">{t.t('card_live_coverage')}</h3>
      {live.coverage.length > 0 && (
        <ol class="card__coverage-list">
          {live.coverage.map((item) => (
            <li key={item.url} class="card__coverage-item">
              <a href={item.url} target="_blank" rel="noopener noreferrer" dir="auto">
                {item.title}
              </a>
              <span class="card__where">
                <Message
                  id="card_where_when"
                  values={[item.outlet, <time dateTime={item.date}>{item.dateLabel}</time>]}
                />
              </span>
            </li>
          ))}
        </ol>
      )}
      {live.gdeltBestEffort && <p class="card__note">{t.t('card_live_gdelt_best_effort')}</p>}
      {live.searchLinks.length > 0 && (
        <ul class="card__search-links" aria-describedby="backstory-card-search-note">
          {live.searchLinks.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer" data-search={link.kind}>
                <Message
                  id={
                    link.kind === 'site'
                      ? 'card_live_search_site'
                      : link.beforeArticle
                        ? 'card_live_search_web_before'
                        : 'card_live_search_web'
                  }
                  values={[link.host, link.name]}
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {live.searchLinks.length > 0 && (
        <p class="visually-hidden" id="backstory-card-search-note">
          {t.t('card_live_search_note')}
        </p>
      )}
    </section>
  );
}

/** A quiet line when a live source did not answer: the pack's card stands as it is. */
export function LiveNote({ live }: { live: LiveView | undefined }) {
  const t = useI18n();
  if (!live?.problem) return null;
  return (
    <p class="card__note card__live-note" role="status" data-testid="live-note">
      {t.t(
        live.problem === 'unavailable' ? 'card_live_unavailable' : 'card_live_partly_unavailable',
      )}
    </p>
  );
}
