import type { LiveView } from '@/utils/card/live-model';

/**
 * The parts of a card that come from the reader's live sources, as pure views of a
 * {@link LiveView}: the Wikipedia picture and credit, "Earlier coverage from the news" with the
 * always-present search links, and a quiet note when a source did not answer. Remote text is
 * rendered as text; pictures only from the build's Wikimedia image host (checked in the model).
 */

/** Every string these parts show, in one place (for the translation catalogue). */
const TEXT = {
  pictureAlt: (name: string) => `${name}, from Wikipedia`,
  credit: 'From Wikipedia',
  pictureCredit: 'Picture from Wikipedia',
  creditLicence: 'CC BY-SA 4.0',
  coverageHeading: 'Earlier coverage from the news',
  gdeltBestEffort:
    'GDELT only reliably covers the last three months; older results may be missing.',
  searchSite: (host: string, name: string) => `Search ${host} for ${name}`,
  searchWeb: (host: string, name: string, before: boolean) =>
    before
      ? `Search earlier coverage of ${name} on ${host}, before this article`
      : `Search coverage of ${name} on ${host}`,
  searchNote: 'Opens a search in a new tab; nothing is sent until you click.',
  unavailable: 'Live background unavailable.',
  partlyUnavailable: 'Part of the live background is unavailable.',
} as const;

/** The Wikipedia page's picture, beside the description. */
export function LivePicture({ live, name }: { live: LiveView | undefined; name: string }) {
  if (!live?.picture) return null;
  return (
    <img
      class="card__picture"
      src={live.picture}
      alt={TEXT.pictureAlt(name)}
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
      {live.wikipedia.used === 'text' ? TEXT.credit : TEXT.pictureCredit}:{' '}
      <a href={live.wikipedia.url} target="_blank" rel="noopener noreferrer">
        {live.wikipedia.title}
      </a>{' '}
      ({TEXT.creditLicence})
    </p>
  );
}

/** Earlier articles from the reader's live sources, and the search links that are always there. */
export function EarlierCoverage({ live }: { live: LiveView | undefined }) {
  if (!live || (live.coverage.length === 0 && live.searchLinks.length === 0)) return null;
  return (
    <section class="card__section card__coverage" aria-labelledby="backstory-card-coverage">
      <h3 id="backstory-card-coverage">{TEXT.coverageHeading}</h3>
      {live.coverage.length > 0 && (
        <ol class="card__coverage-list">
          {live.coverage.map((item) => (
            <li key={item.url} class="card__coverage-item">
              <a href={item.url} target="_blank" rel="noopener noreferrer" dir="auto">
                {item.title}
              </a>
              <span class="card__where">
                {item.outlet} · <time dateTime={item.date}>{item.dateLabel}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {live.gdeltBestEffort && <p class="card__note">{TEXT.gdeltBestEffort}</p>}
      {live.searchLinks.length > 0 && (
        <ul class="card__search-links" aria-describedby="backstory-card-search-note">
          {live.searchLinks.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer" data-search={link.kind}>
                {link.kind === 'site'
                  ? TEXT.searchSite(link.host, link.name)
                  : TEXT.searchWeb(link.host, link.name, link.beforeArticle)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {live.searchLinks.length > 0 && (
        <p class="visually-hidden" id="backstory-card-search-note">
          {TEXT.searchNote}
        </p>
      )}
    </section>
  );
}

/** A quiet line when a live source did not answer: the pack's card stands as it is. */
export function LiveNote({ live }: { live: LiveView | undefined }) {
  if (!live?.problem) return null;
  return (
    <p class="card__note card__live-note" role="status" data-testid="live-note">
      {live.problem === 'unavailable' ? TEXT.unavailable : TEXT.partlyUnavailable}
    </p>
  );
}
