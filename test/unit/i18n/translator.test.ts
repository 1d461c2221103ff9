import { describe, expect, it, vi } from 'vitest';
import { formatPartialDate } from '@/utils/i18n/dates';
import { ENGLISH } from '@/utils/i18n/english';
import {
  asUiLanguage,
  cardLanguage,
  directionOf,
  primaryLanguage,
  readerLanguage,
} from '@/utils/i18n/languages';
import { translatorLoader } from '@/utils/i18n/load';
import { createTranslator } from '@/utils/i18n/translator';
import { catalogueOf, testTranslator } from '../../support/i18n';

const arabic = await testTranslator('ar');

describe('translator', () => {
  it('substitutes placeholders as getMessage does, numbers in the language’s digits', () => {
    expect(ENGLISH.t('popup_on_site', 'news.example')).toBe('On news.example');
    expect(arabic.t('popup_on_site', 'news.example')).toBe('على news.example');
    expect(ENGLISH.t('options_too_big', 72.5, 64)).toBe(
      'The file is 72.5 MB; packs up to 64 MB can be imported.',
    );
    expect(arabic.t('card_error', 'x')).toBe('تعذّر تحميل البطاقة: x');
    const dollars = createTranslator('en', {
      price: { message: '$$$AMOUNT$ each', placeholders: { amount: { content: '$1' } } },
    });
    expect(dollars.t('price' as never, 5)).toBe('$5 each');
  });

  it('chooses among Arabic’s six plural forms by Intl.PluralRules', () => {
    const forms = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000].map((count) => [
      count,
      arabic.pluralKey('popup_entities', count),
    ]);
    expect(forms).toEqual([
      [0, 'popup_entities_zero'],
      [1, 'popup_entities_one'],
      [2, 'popup_entities_two'],
      [3, 'popup_entities_few'],
      [10, 'popup_entities_few'],
      [11, 'popup_entities_many'],
      [99, 'popup_entities_many'],
      [100, 'popup_entities_other'],
      [101, 'popup_entities_other'],
      [102, 'popup_entities_other'],
      [103, 'popup_entities_few'],
      [111, 'popup_entities_many'],
      [1000, 'popup_entities_other'],
    ]);
    expect(arabic.plural('popup_entities', 2)).toBe('اسمان معروفان في هذه الصفحة');
    expect(arabic.plural('popup_entities', 7)).toBe('7 أسماء معروفة في هذه الصفحة');
    expect(arabic.plural('popup_entities', 25)).toBe('25 اسماً معروفاً في هذه الصفحة');
    expect(arabic.plural('options_history_count', 1200)).toBe('سُجّلت 1,200 صفحة.');
  });

  it('uses English one/other, and an explicit zero where the catalogue has one', () => {
    expect(ENGLISH.plural('popup_entities', 1)).toBe('1 entity on this page');
    expect(ENGLISH.plural('popup_entities', 0)).toBe('0 entities on this page');
    expect(ENGLISH.plural('options_history_count', 0)).toBe('No pages recorded.');
    expect(ENGLISH.plural('options_history_count', 2)).toBe('2 pages recorded.');
    expect(ENGLISH.plural('options_imported', 3, 'Syria 2021')).toBe(
      'Imported “Syria 2021” (3 entities).',
    );
  });

  it('falls back to English for a message a catalogue lacks, and splits messages into parts', () => {
    const partial = createTranslator('ar', { card_close: { message: 'إغلاق' } }, ENGLISH);
    expect(partial.t('card_close')).toBe('إغلاق');
    expect(partial.t('card_history')).toBe('You read about this before');
    expect(createTranslator('en', {}).t('card_close')).toBe('card_close');
    expect(ENGLISH.parts('card_where_when')).toEqual([{ value: 0 }, ' · ', { value: 1 }]);
    expect(arabic.parts('card_this_article')).toEqual(['هذا المقال · ', { value: 0 }]);
  });

  it('knows its direction and its Intl locale', () => {
    expect([ENGLISH.dir, arabic.dir]).toEqual(['ltr', 'rtl']);
    expect(arabic.locale).toBe('ar-u-nu-latn');
    expect(arabic.number(47289)).toBe('47,289');
  });
});

describe('languages', () => {
  it('reads language tags', () => {
    expect(primaryLanguage('ar-SY')).toBe('ar');
    expect(primaryLanguage('en_GB')).toBe('en');
    expect(primaryLanguage('')).toBeUndefined();
    expect(primaryLanguage('not a tag')).toBeUndefined();
    expect(asUiLanguage('AR')).toBe('ar');
    expect(asUiLanguage('fr-FR')).toBeUndefined();
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
  });

  it('follows the browser unless the reader chose, and falls back to English', () => {
    expect(readerLanguage('auto', 'ar-EG')).toBe('ar');
    expect(readerLanguage('auto', 'fr')).toBe('en');
    expect(readerLanguage('en', 'ar')).toBe('en');
    expect(readerLanguage('ar', 'en-US')).toBe('ar');
  });

  it('gives a card the page’s language where there is a catalogue for it, else the reader’s', () => {
    expect(cardLanguage('ar', 'en')).toBe('ar');
    expect(cardLanguage('en', 'ar')).toBe('en');
    expect(cardLanguage('fr', 'ar')).toBe('ar');
    expect(cardLanguage(undefined, 'en')).toBe('en');
  });
});

describe('dates for cards', () => {
  it('formats partial dates in English as day, short month, year', () => {
    expect(formatPartialDate('2021-08-22')).toBe('22 Aug 2021');
    expect(formatPartialDate('2011-03')).toBe('Mar 2011');
    expect(formatPartialDate('2011')).toBe('2011');
    expect(formatPartialDate('-0500')).toBe('-0500');
    expect(formatPartialDate('not a date')).toBe('not a date');
  });

  it('formats them in Arabic with Latin digits and both month names', () => {
    expect(formatPartialDate('2021-09-08', 'ar')).toBe('8 أيلول/سبتمبر 2021');
    expect(formatPartialDate('2024-12-08', 'ar')).toBe('8 كانون الأول/ديسمبر 2024');
    expect(formatPartialDate('2011-03', 'ar')).toBe('آذار/مارس 2011');
    expect(formatPartialDate('2011', 'ar')).toBe('2011');
    expect(arabic.date('2018-07-12')).toMatch(/^12 تموز\/يوليو 2018$/);
    expect(arabic.date('2018-07-12')).not.toMatch(/[٠-٩]/);
  });
});

describe('catalogue loading', () => {
  it('reads each catalogue once and falls back to English when one is damaged or unreadable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const read = vi.fn(async () => catalogueOf('ar'));
    const load = translatorLoader(read);
    expect((await load('ar')).t('card_close')).toBe('إغلاق');
    await load('ar');
    expect(read).toHaveBeenCalledTimes(1);
    expect(await load('en')).toBe(ENGLISH);
    expect(await translatorLoader(async () => ({ card_close: 42 }))('ar')).toBe(ENGLISH);
    expect(
      await translatorLoader(async () => {
        throw new Error('gone');
      })('ar'),
    ).toBe(ENGLISH);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
