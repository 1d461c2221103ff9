import { useState } from 'preact/hooks';
import type { CardCorrection } from '@/utils/card/card-correction';
import type {
  CardFact,
  CardHistoryGroup,
  CardModel,
  CardTimeline,
  CardTimelineItem,
  ReadyCard,
} from '@/utils/card/view-model';
import { Message, useI18n } from './i18n';
import { EarlierCoverage, LiveNote, LivePicture, WikipediaCredit } from './LiveParts';
import { LocatorMap } from './LocatorMap';
import { NotThis } from './NotThis';

export interface EntityCardProps {
  model: CardModel;
  onClose?: () => void;
  /** Light or dark, to match the page the card sits on. */
  scheme?: 'light' | 'dark';
  /** Room for the card in CSS pixels; it scrolls inside past that. */
  maxWidth?: number;
  maxHeight?: number;
  /** "Not this?" for the marked name the card was opened on. */
  correction?: CardCorrection;
}

/**
 * The hover card, as a pure view of a {@link CardModel}: loading, ready, missing and error each
 * render on their own. Everything from the pack is rendered as text; links are web links only
 * and open in a new tab without access to this page. It speaks the language of the translator it
 * is given (`I18n`), in that language's direction; the pack's text sets its own direction
 * (`dir="auto"`), and English that stands in for a missing translation is marked `lang="en"`.
 */
export function EntityCard({
  model,
  onClose,
  scheme,
  maxWidth,
  maxHeight,
  correction,
}: EntityCardProps) {
  const t = useI18n();
  const english = model.state === 'ready' ? model.english : {};
  return (
    <section
      class={`card card--${model.state}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby="backstory-card-title"
      aria-busy={model.state === 'loading'}
      tabIndex={-1}
      lang={t.language}
      dir={t.dir}
      data-state={model.state}
      data-entity={model.state === 'ready' ? model.id : undefined}
      data-scheme={scheme}
      style={{
        ...(maxWidth ? { maxWidth: `${maxWidth}px` } : {}),
        ...(maxHeight ? { maxHeight: `${maxHeight}px` } : {}),
      }}
    >
      <header class="card__header">
        <div>
          {model.state === 'ready' && (
            <p class={`card__kind card__kind--${model.kind}`}>{model.kindLabel}</p>
          )}
          <h2
            class="card__title"
            id="backstory-card-title"
            dir="auto"
            lang={english.name ? 'en' : undefined}
          >
            {model.name}
          </h2>
        </div>
        {onClose && (
          <button
            type="button"
            class="card__close"
            aria-label={t.t('card_close')}
            onClick={onClose}
          >
            ×
          </button>
        )}
      </header>
      {model.state === 'loading' && <Loading />}
      {(model.state === 'missing' || model.state === 'error') && (
        <p class="card__message" role={model.state === 'error' ? 'alert' : undefined}>
          {model.message}
        </p>
      )}
      {model.state === 'ready' && <Ready card={model} />}
      {model.state === 'ready' && correction && (
        <NotThis correction={correction} key={`${correction.shown}:${correction.surface}`} />
      )}
    </section>
  );
}

function Loading() {
  const t = useI18n();
  return (
    <div class="card__loading">
      <span class="card__skeleton" />
      <span class="card__skeleton card__skeleton--short" />
      <span class="visually-hidden">{t.t('card_loading')}</span>
    </div>
  );
}

/** `lang="en"` on text that stands in for a translation the pack lacks. */
const englishIf = (flag: unknown) => (flag ? 'en' : undefined);

function Ready({ card }: { card: ReadyCard }) {
  const t = useI18n();
  return (
    <div class="card__body">
      {card.fallback && <p class="card__note card__fallback">{t.t('card_english_only')}</p>}
      <LivePicture live={card.live} name={card.name} />
      <p class="card__description" dir="auto" lang={englishIf(card.english.description)}>
        {card.description}
      </p>
      {card.map && <LocatorMap map={card.map} />}
      {card.summary && (
        <p class="card__summary" dir="auto" lang={englishIf(card.english.summary)}>
          {card.summary}
        </p>
      )}
      <WikipediaCredit live={card.live} />
      {card.facts.length > 0 && <Facts facts={card.facts} />}
      {card.factsSince.length > 0 && (
        <section class="card__since-facts" aria-labelledby="backstory-card-facts-since">
          <h3 id="backstory-card-facts-since">{t.t('card_changed_since')}</h3>
          <Facts facts={card.factsSince} />
        </section>
      )}
      {card.timeline && <Timeline timeline={card.timeline} />}
      <EarlierCoverage live={card.live} />
      {card.article.known && (
        <p class="card__article-date" data-testid="article-date" title={card.article.detail}>
          <Message
            id="card_this_article"
            values={[<time dateTime={card.article.date}>{card.article.label}</time>]}
          />
        </p>
      )}
      {card.since && <Timeline timeline={card.since} />}
      {!card.article.known && <p class="card__note">{card.article.detail}</p>}
      {card.history.length > 0 && <History groups={card.history} />}
      <LiveNote live={card.live} />
      {isThin(card) && (
        <p class="card__note card__thin" data-testid="thin-note">
          {t.t('card_thin')}
        </p>
      )}
      {card.sources.length > 0 && (
        <footer class="card__sources">
          {t.t('card_sources')}{' '}
          {card.sources.map((source, i) => (
            <>
              {i > 0 && t.t('card_list_separator')}
              <a href={source.url} target="_blank" rel="noopener noreferrer" dir="auto">
                {source.title}
              </a>
            </>
          ))}
        </footer>
      )}
    </div>
  );
}

/**
 * A card the packs know little about (a name, a kind, an id) and no live source was asked for:
 * it says so, and where more is to be had.
 */
function isThin(card: ReadyCard): boolean {
  return (
    !card.summary &&
    card.facts.length === 0 &&
    !card.timeline &&
    card.live !== undefined &&
    !card.live.wikipedia &&
    !card.live.asked
  );
}

function Facts({ facts }: { facts: CardFact[] }) {
  const t = useI18n();
  return (
    <dl class="card__facts">
      {facts.map((fact) => (
        <div
          class={`card__fact${fact.changed ? ' card__fact--changed' : ''}`}
          key={`${fact.label}-${fact.value}`}
        >
          <dt lang={englishIf(fact.labelLang)}>{fact.label}</dt>
          <dd>
            <bdi lang={englishIf(fact.valueLang)}>{fact.value}</bdi>
            {fact.note && <span class="card__fact-note"> {t.t('card_fact_note', fact.note)}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Timeline({ timeline }: { timeline: CardTimeline }) {
  const t = useI18n();
  const [expanded, setExpanded] = useState(false);
  const items = expanded ? timeline.items : timeline.items.filter((item) => item.key);
  return (
    <section class="card__section" aria-label={timeline.heading}>
      <h3>{timeline.heading}</h3>
      {timeline.hidden > 0 && (
        <button
          type="button"
          class="card__more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t.t('card_show_fewer') : t.plural('card_show_more', timeline.hidden)}
        </button>
      )}
      <ol class="card__timeline">
        {items.map((item) => (
          <TimelineItem item={item} key={`${item.date}-${item.title}`} />
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({ item }: { item: CardTimelineItem }) {
  const t = useI18n();
  return (
    <li class="card__event">
      <time class="card__date" dateTime={item.date}>
        {item.dateLabel}
      </time>
      <span class="card__event-title" dir="auto" lang={englishIf(item.titleLang)}>
        {item.title}
      </span>
      {item.links.length > 0 && (
        <span class="card__links">
          {item.links.map((link) => (
            <a
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              key={link.url}
              aria-label={t.t('card_coverage_link', link.outlet, link.title)}
            >
              <bdi>{link.outlet}</bdi>
            </a>
          ))}
        </span>
      )}
    </li>
  );
}

function History({ groups }: { groups: CardHistoryGroup[] }) {
  const t = useI18n();
  return (
    <section class="card__section card__history" aria-labelledby="backstory-card-history">
      <h3 id="backstory-card-history">{t.t('card_history')}</h3>
      {groups.map((group) => (
        <div key={group.label}>
          <h4>{group.label}</h4>
          <ul>
            {group.pages.map((page) => (
              <li key={page.url}>
                <a href={page.url} target="_blank" rel="noopener noreferrer" dir="auto">
                  {page.title}
                </a>
                <span class="card__where">
                  <Message id="card_where_when" values={[page.site, page.dateLabel]} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
