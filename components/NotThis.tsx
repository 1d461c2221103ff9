import { useState } from 'preact/hooks';
import type { CardCorrection, CorrectionScope } from '@/utils/card/card-correction';
import { localised } from '@/utils/card/localise';
import type { CorrectionAction } from '@/utils/corrections/correction';
import type { CorrectionChoice, CorrectionOptions } from '@/utils/messages/protocol';
import { useI18n } from './i18n';

type Loaded =
  | { state: 'closed' }
  | { state: 'loading' }
  | { state: 'open'; options: CorrectionOptions }
  | { state: 'failed'; message: string };

/**
 * "Not this?" on a card: the other entities the packs know for the marked name (each with its
 * description), "None of these" and "Don't mark … here again", and whether the choice holds on
 * this site (the default) or everywhere. Plain buttons and radios: keyboard and screen readers
 * reach everything, and every name is rendered as text.
 */
export function NotThis({ correction }: { correction: CardCorrection }) {
  const t = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'closed' });
  const [scope, setScope] = useState<CorrectionScope>('site');
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(
    correction.notice ? { text: correction.notice, failed: false } : null,
  );
  const [busy, setBusy] = useState(false);
  const open = loaded.state !== 'closed';
  const toggle = async () => {
    if (open) return setLoaded({ state: 'closed' });
    setLoaded({ state: 'loading' });
    try {
      setLoaded({ state: 'open', options: await correction.options() });
    } catch (error) {
      setLoaded({
        state: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const choose = async (action: CorrectionAction, entity?: CorrectionChoice) => {
    if (busy || loaded.state !== 'open') return;
    const where = loaded.options.site ? scope : 'everywhere';
    setBusy(true);
    setStatus(null);
    try {
      await correction.choose(entity ? { action, entity } : { action }, where);
      setStatus({
        text: entity
          ? t.t('card_corrected_chosen', correction.surface, nameOf(entity, t.language))
          : t.t('card_corrected_hidden', correction.surface),
        failed: false,
      });
    } catch (error) {
      setStatus({
        text: t.t('card_correct_failed', error instanceof Error ? error.message : String(error)),
        failed: true,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card__correct" aria-labelledby="backstory-not-this">
      <button
        type="button"
        id="backstory-not-this"
        class="card__not-this"
        aria-expanded={open}
        aria-controls="backstory-correct-panel"
        onClick={() => void toggle()}
      >
        {t.t('card_not_this')}
      </button>
      {open && (
        <div id="backstory-correct-panel" class="card__correct-panel">
          <h3 id="backstory-correct-heading" class="card__correct-heading" dir="auto">
            {t.t('card_correct_heading', correction.surface)}
          </h3>
          {loaded.state === 'loading' && <p class="card__note">{t.t('card_correct_loading')}</p>}
          {loaded.state === 'failed' && (
            <p class="card__note" role="alert">
              {t.t('card_correct_failed', loaded.message)}
            </p>
          )}
          {loaded.state === 'open' && (
            <>
              {loaded.options.site && (
                <fieldset class="card__correct-scope">
                  <legend>{t.t('card_correct_scope')}</legend>
                  <label>
                    <input
                      type="radio"
                      name="backstory-correct-scope"
                      value="site"
                      checked={scope === 'site'}
                      onChange={() => setScope('site')}
                    />{' '}
                    <bdi>{t.t('card_correct_site', loaded.options.site)}</bdi>
                  </label>
                  <label>
                    <input
                      type="radio"
                      name="backstory-correct-scope"
                      value="everywhere"
                      checked={scope === 'everywhere'}
                      onChange={() => setScope('everywhere')}
                    />{' '}
                    {t.t('card_correct_everywhere')}
                  </label>
                </fieldset>
              )}
              <ul class="card__choices" aria-labelledby="backstory-correct-heading">
                {loaded.options.candidates.map((choice) => (
                  <li key={choice.id}>
                    {choice.id === correction.shown ? (
                      <p class="card__choice card__choice--shown" data-entity={choice.id}>
                        <Choice choice={choice} />{' '}
                        <span class="card__note">({t.t('card_correct_shown')})</span>
                      </p>
                    ) : (
                      <button
                        type="button"
                        class="card__choice"
                        data-entity={choice.id}
                        disabled={busy}
                        onClick={() => void choose('choose', choice)}
                      >
                        <Choice choice={choice} />
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              {loaded.options.candidates.every((choice) => choice.id === correction.shown) && (
                <p class="card__note">{t.t('card_correct_no_others')}</p>
              )}
              <div class="card__correct-actions">
                <button
                  type="button"
                  class="card__correct-none"
                  disabled={busy}
                  onClick={() => void choose('none')}
                >
                  {t.t('card_correct_none')}
                </button>
                <button
                  type="button"
                  class="card__correct-never"
                  disabled={busy}
                  onClick={() => void choose('never')}
                >
                  {t.t('card_correct_never', correction.surface)}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <p
        class={`card__correct-status${status?.failed ? ' card__correct-status--failed' : ''}`}
        role="status"
        dir="auto"
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}

function nameOf(choice: CorrectionChoice, language: string): string {
  return localised(choice.name, choice.translations, 'name', language).text;
}

function Choice({ choice }: { choice: CorrectionChoice }) {
  const t = useI18n();
  const name = localised(choice.name, choice.translations, 'name', t.language);
  const description = localised(choice.description, choice.translations, 'description', t.language);
  return (
    <>
      <span class="card__choice-name" dir="auto" lang={name.lang}>
        {name.text}
      </span>
      <span class="card__choice-description" dir="auto" lang={description.lang}>
        {description.text}
      </span>
    </>
  );
}
