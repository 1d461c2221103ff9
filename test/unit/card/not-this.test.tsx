// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '@/components/EntityCard';
import { I18n } from '@/components/i18n';
import type { CardCorrection } from '@/utils/card/card-correction';
import { buildCard } from '@/utils/card/view-model';
import type { CorrectionOptions } from '@/utils/messages/protocol';
import { axeViolations } from '../../support/axe';
import { entity } from '../../support/entities';
import { testTranslator } from '../../support/i18n';

afterEach(cleanup);

const CITY = { ...entity('Q3805', 'place', 'Amman'), description: 'Capital of Jordan' };
const OPTIONS: CorrectionOptions = {
  surface: 'Amman',
  site: 'news.example',
  candidates: [
    { id: 'Q3805', name: 'Amman', kind: 'place', description: 'Capital of Jordan' },
    {
      id: 'Q472788',
      name: 'Amman',
      kind: 'place',
      description: 'Governorate of Jordan <img src=x onerror="window.pwned=1">',
      translations: { ar: { name: 'محافظة العاصمة', description: 'محافظة في الأردن' } },
    },
  ],
};

function correction(overrides: Partial<CardCorrection> = {}) {
  const choose = vi.fn<CardCorrection['choose']>(async () => {});
  const value: CardCorrection = {
    surface: 'Amman',
    shown: 'Q3805',
    options: async () => OPTIONS,
    choose,
    ...overrides,
  };
  return { value, choose };
}

async function renderCard(value: CardCorrection, language: 'en' | 'ar' = 'en') {
  const t = await testTranslator(language);
  const card = buildCard(CITY, [], Date.now(), undefined, t);
  return render(
    <I18n.Provider value={t}>
      <EntityCard model={card} correction={value} />
    </I18n.Provider>,
  );
}

describe('"Not this?" on a card', () => {
  it('lists the other entities for the name with their descriptions, as text', async () => {
    const { value } = correction();
    await renderCard(value);
    const toggle = screen.getByRole('button', { name: 'Not this?' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    await screen.findByText(/Governorate of Jordan/);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('What does “Amman” mean here?')).toBeTruthy();
    // The entity shown now is listed, not offered.
    expect(document.querySelector('.card__choice--shown')?.getAttribute('data-entity')).toBe(
      'Q3805',
    );
    expect(screen.getByRole('radio', { name: /news\.example/ })).toHaveProperty('checked', true);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('remembers a choice for this site by default, or everywhere', async () => {
    const { value, choose } = correction();
    await renderCard(value);
    fireEvent.click(screen.getByRole('button', { name: 'Not this?' }));
    const other = await screen.findByRole('button', { name: /Governorate of Jordan/ });
    fireEvent.click(other);
    await waitFor(() => expect(choose).toHaveBeenCalledTimes(1));
    expect(choose.mock.calls[0]?.[0]).toMatchObject({
      action: 'choose',
      entity: { id: 'Q472788' },
    });
    expect(choose.mock.calls[0]?.[1]).toBe('site');
    await screen.findByText('Saved: “Amman” now means Amman.');
    fireEvent.click(screen.getByRole('radio', { name: 'Everywhere' }));
    fireEvent.click(screen.getByRole('button', { name: 'Don’t mark “Amman” here again' }));
    await waitFor(() => expect(choose).toHaveBeenCalledTimes(2));
    expect(choose.mock.calls[1]).toEqual([{ action: 'never' }, 'everywhere']);
    fireEvent.click(screen.getByRole('button', { name: 'None of these' }));
    await waitFor(() => expect(choose).toHaveBeenCalledTimes(3));
    expect(choose.mock.calls[2]?.[0]).toEqual({ action: 'none' });
    expect(screen.getByRole('status').textContent).toBe('Saved: “Amman” will not be marked.');
  });

  it('says why a choice could not be saved', async () => {
    const { value } = correction({
      choose: async () => {
        throw new Error('No tab');
      },
    });
    await renderCard(value);
    fireEvent.click(screen.getByRole('button', { name: 'Not this?' }));
    fireEvent.click(await screen.findByRole('button', { name: 'None of these' }));
    await screen.findByText('Could not save the correction: No tab');
  });

  it('only offers "everywhere" where the page has no site', async () => {
    const { value, choose } = correction({ options: async () => ({ ...OPTIONS, site: null }) });
    await renderCard(value);
    fireEvent.click(screen.getByRole('button', { name: 'Not this?' }));
    fireEvent.click(await screen.findByRole('button', { name: 'None of these' }));
    await waitFor(() => expect(choose).toHaveBeenCalledWith({ action: 'none' }, 'everywhere'));
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('speaks Arabic, right to left, with the pack’s Arabic names', async () => {
    const { value } = correction();
    await renderCard(value, 'ar');
    const card = document.querySelector('.card') as HTMLElement;
    expect(card.getAttribute('dir')).toBe('rtl');
    fireEvent.click(screen.getByRole('button', { name: 'ليس هذا؟' }));
    await screen.findByText('محافظة العاصمة');
    expect(screen.getByText('محافظة في الأردن')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'لا شيء مما سبق' })).toBeTruthy();
    expect(screen.getByText('ماذا يعني «Amman» هنا؟')).toBeTruthy();
    // English standing in for a missing translation is marked as English.
    const english = screen.getByText('Capital of Jordan', {
      selector: '.card__choice-description',
    });
    expect(english.getAttribute('lang')).toBe('en');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
