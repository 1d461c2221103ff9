// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { foldArabic, latinDigits } from '@/utils/article-date/arabic';
import { collectDateEvidence } from '@/utils/article-date/evidence';
import { findArticleDate } from '@/utils/article-date/find';
import { parseDate } from '@/utils/article-date/parse';

const MAX_YEAR = 2027;
const TODAY = new Date(2026, 10, 30, 12);
const URL_WITHOUT_DATE = 'https://news.example/ar/daraa-ceasefire';

const day = (text: string) => parseDate(text, MAX_YEAR)?.date;

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="ar" dir="rtl"><head><title>خبر</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

describe('Arabic dates', () => {
  it('reads every month by its Egyptian/Gulf, Levantine and Maghreb names', () => {
    const months: [number, string[]][] = [
      [1, ['يناير', 'كانون الثاني', 'جانفي']],
      [2, ['فبراير', 'شباط', 'فيفري']],
      [3, ['مارس', 'آذار']],
      [4, ['أبريل', 'إبريل', 'نيسان', 'أفريل']],
      [5, ['مايو', 'أيار', 'ماي']],
      [6, ['يونيو', 'يونيه', 'حزيران', 'جوان']],
      [7, ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز']],
      [8, ['أغسطس', 'اغسطس', 'آب', 'أوت', 'غشت']],
      [9, ['سبتمبر', 'أيلول', 'شتنبر']],
      [10, ['أكتوبر', 'تشرين الأول', 'تشرين أول']],
      [11, ['نوفمبر', 'تشرين الثاني', 'نونبر']],
      [12, ['ديسمبر', 'كانون الأول', 'دجنبر']],
    ];
    for (const [month, names] of months)
      for (const name of names)
        expect(day(`8 ${name} 2021`), name).toBe(`2021-${String(month).padStart(2, '0')}-08`);
  });

  it('reads two names for one month, as the press writes them', () => {
    expect(day('8 أيلول/سبتمبر 2021')).toBe('2021-09-08');
    expect(day('8 سبتمبر (أيلول) 2021')).toBe('2021-09-08');
    expect(day('24 أيار - مايو 2021')).toBe('2021-05-24');
    expect(day('8 كانون الأول/ديسمبر 2024')).toBe('2024-12-08');
  });

  it('reads Eastern Arabic and Persian digits, in Arabic dates and in ISO ones', () => {
    expect(latinDigits('٢٠٢١-٠٩-٠٨ ۱۴۰۰')).toBe('2021-09-08 1400');
    expect(day('٨ أيلول ٢٠٢١')).toBe('2021-09-08');
    expect(day('۸ أيلول ۲۰۲۱')).toBe('2021-09-08');
    expect(parseDate('٢٠٢١-٠٩-٠٨T10:00:00+03:00', MAX_YEAR)?.dateTime).toBe(
      '2021-09-08T10:00:00+03:00',
    );
  });

  it('reads datelines and bylines: a city, a weekday, "published on", a time', () => {
    expect(day('بيروت، 8 أيلول 2021')).toBe('2021-09-08');
    expect(day('دمشق - 12 تموز/يوليو 2018')).toBe('2018-07-12');
    expect(day('(درعا) 24 حزيران 2021')).toBe('2021-06-24');
    expect(day('درعا البلد: 1 أيلول 2021')).toBe('2021-09-01');
    expect(day('الأربعاء، 8 أيلول 2021')).toBe('2021-09-08');
    expect(day('نُشر في 8 أيلول 2021')).toBe('2021-09-08');
    expect(day('تاريخ النشر: يوم الأربعاء 8 أيلول 2021م')).toBe('2021-09-08');
    expect(parseDate('الأربعاء 8 سبتمبر 2021 - 10:30 م', MAX_YEAR)?.dateTime).toBe(
      '2021-09-08T22:30:00',
    );
    expect(
      parseDate('الخميس، 1 تشرين الثاني 2018، الساعة 09:15 بتوقيت غرينتش', MAX_YEAR),
    ).toMatchObject({ dateTime: '2018-11-01T09:15:00Z', instant: Date.UTC(2018, 10, 1, 9, 15) });
  });

  it('reads a month and year alone at month precision', () => {
    expect(parseDate('كانون الأول 2024', MAX_YEAR)).toEqual({ date: '2024-12', precision: 1 });
  });

  it('leaves prose, impossible dates and Hijri years alone', () => {
    expect(day('في 8 أيلول 2021 دخلت القوات')).toBeUndefined();
    expect(day('31 شباط 2021')).toBeUndefined();
    expect(day('1 صفر 1443')).toBeUndefined();
    expect(day('8 أيلولي 2021')).toBeUndefined();
  });

  it('folds spellings so they meet', () => {
    expect(foldArabic('أيَّار، إبريل، آذار، جويلية')).toBe('ايار, ابريل, اذار, جويليه');
  });
});

describe('Arabic pages: the article date', () => {
  it('reads a dateline at the top of the article, with a few lookups', () => {
    const doc = page(
      '<article><h1>عنوان</h1><p><strong>بيروت</strong>، 8 أيلول 2021 — أعلنت اللجنة المركزية في درعا البلد…</p><p>في 24 حزيران 2021 بدأ الحصار.</p></article>',
    );
    expect(collectDateEvidence(doc, URL_WITHOUT_DATE).datelines).toEqual([
      { place: 1, text: 'بيروت، 8 أيلول 2021 — أعلنت اللجنة المركزية في درعا البلد…' },
    ]);
    expect(findArticleDate(doc, URL_WITHOUT_DATE, TODAY)).toMatchObject({
      date: '2021-09-08',
      source: 'dateline',
      detail: 'dateline in the first paragraph',
    });
  });

  it('prefers a dateline element, and a <time> written in Arabic over either', () => {
    const dateline = page(
      '<article><p class="story-dateline">دمشق، 12 تموز 2018</p><p>بيروت، 8 أيلول 2021 — نص.</p></article>',
    );
    expect(findArticleDate(dateline, URL_WITHOUT_DATE, TODAY)).toMatchObject({
      date: '2018-07-12',
      detail: 'dateline',
    });
    const time = page(
      '<article><header><time>الأربعاء 1 أيلول 2021</time></header><p>بيروت، 8 أيلول 2021 — نص.</p></article>',
    );
    expect(findArticleDate(time, URL_WITHOUT_DATE, TODAY)).toMatchObject({
      date: '2021-09-01',
      source: 'time',
    });
  });

  it('lets the publisher’s metadata win over the dateline', () => {
    const doc = page(
      '<article><p>بيروت، 8 أيلول 2021 — نص.</p></article>',
      '<meta property="article:published_time" content="2021-09-09T08:00:00+03:00">',
    );
    expect(findArticleDate(doc, URL_WITHOUT_DATE, TODAY)).toMatchObject({
      date: '2021-09-09',
      source: 'meta',
    });
  });

  it('reads no more than the start of a large "dateline" container', () => {
    const doc = page(`<div class="has-dateline">${'نص طويل '.repeat(50_000)}</div>`);
    const [dateline] = collectDateEvidence(doc, URL_WITHOUT_DATE).datelines ?? [];
    expect(dateline?.text.length).toBeLessThanOrEqual(100);
    expect(findArticleDate(doc, URL_WITHOUT_DATE, TODAY).source).toBe('none');
  });
});
