import type { ListedCorrection } from '@/utils/corrections/correction-store';
import { useI18n } from './i18n';

/**
 * The reader's corrections of marks, in the options page: what each says, where it holds and
 * since when, undone one by one or all at once. A correction whose chosen entity no pack has any
 * more is listed as stale (it changes nothing until the entity is back).
 */
export function Corrections({
  corrections,
  onUndo,
  onUndoAll,
}: {
  corrections: ListedCorrection[];
  onUndo(id: string): void;
  onUndoAll(): void;
}) {
  const t = useI18n();
  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">{t.t('options_corrections')}</h2>
      <p class="muted">{t.t('options_corrections_intro')}</p>
      {corrections.length === 0 ? (
        <p data-testid="corrections-empty">{t.t('options_corrections_empty')}</p>
      ) : (
        <>
          <ul class="plain-list corrections-list">
            {[...corrections].reverse().map((correction) => (
              <li
                key={correction.id}
                data-correction={correction.id}
                data-stale={correction.stale ? 'true' : undefined}
              >
                <bdi>{describe(correction, t.t)}</bdi>{' '}
                <span class="muted">
                  {t.t(
                    'options_correction_where_when',
                    correction.site
                      ? t.t('options_correction_site', correction.site)
                      : t.t('options_correction_everywhere'),
                    t.day(correction.createdAt),
                  )}
                </span>{' '}
                {correction.stale && (
                  <strong class="correction-stale">{t.t('options_correction_stale')}</strong>
                )}{' '}
                <button
                  type="button"
                  aria-label={t.t('options_correction_undo_named', correction.surface)}
                  onClick={() => onUndo(correction.id)}
                >
                  {t.t('options_correction_undo')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="danger" onClick={onUndoAll}>
            {t.t('options_corrections_undo_all')}
          </button>
        </>
      )}
    </section>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

function describe(correction: ListedCorrection, t: Translate): string {
  if (correction.action === 'choose')
    return t(
      'options_correction_chosen',
      correction.surface,
      correction.entityName ?? correction.entity ?? '',
    );
  if (correction.action === 'none') return t('options_correction_none', correction.surface);
  return t('options_correction_never', correction.surface);
}
