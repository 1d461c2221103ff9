// @vitest-environment happy-dom

import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '@/components/EntityCard';
import { I18n } from '@/components/i18n';
import type { ArticleDate } from '@/utils/article-date/choose';
import { CardFrame } from '@/utils/card/card-frame';
import type { ToFrame } from '@/utils/card/frame-messages';
import { isLanguageNeutral } from '@/utils/card/localise';
import { localiseMap } from '@/utils/card/map-language';
import { buildCard, type CardModel } from '@/utils/card/view-model';
import { ENGLISH } from '@/utils/i18n/english';
import type { Entity } from '@/utils/knowledge/schema';
import { NOTHING_ASKED } from '@/utils/live/answer';
import type { LocatorMap } from '@/utils/map/locator';
import { axeViolations } from '../../support/axe';
import { portPair, TOKEN } from '../../support/card-flow';
import { entity } from '../../support/entities';
import { testTranslator } from '../../support/i18n';

afterEach(cleanup);

const arabic = await testTranslator('ar');
const NOW = Date.parse('2026-11-30T12:00:00Z');
const SEPT_2021: ArticleDate = {
  date: '2021-09-08',
  source: 'dateline',
  confidence: 0.45,
  detail: 'dateline in the first paragraph',
  conflicts: [],
};

/** Daraa as the curated pack has it: Arabic for its name, text, facts and timeline. */
const DARAA: Entity = {
  ...entity('Q238217', 'place', 'Daraa'),
  description: 'City in south-western Syria near the Jordanian border',
  summary: 'The main city of the Hauran plain.',
  translations: {
    ar: {
      name: 'درعا',
      description: 'مدينة في جنوب غرب سوريا قرب الحدود الأردنية',
      summary: 'كبرى مدن سهل حوران.',
    },
  },
  facts: [
    {
      label: 'Governorate',
      value: 'Daraa Governorate',
      translations: { ar: { label: 'المحافظة', value: 'محافظة درعا' } },
    },
    {
      label: 'Controlled by',
      value: 'Syrian government',
      from: '2018-07',
      to: '2024-12-07',
      translations: { ar: { label: 'السيطرة', value: 'الحكومة السورية' } },
    },
  ],
  timeline: [
    {
      date: '2011-03-18',
      title: 'Security forces fire on protesters',
      translations: { ar: { title: 'قوات الأمن تطلق النار على المحتجين' } },
      links: [
        {
          title: 'Protests across the country',
          outlet: 'Global Voices',
          url: 'https://globalvoices.org/2011/03/18/syria-protests/',
          translations: { ar: { title: 'احتجاجات في أنحاء البلاد' } },
        },
      ],
    },
    {
      date: '2024-12-07',
      title: 'Opposition factions take the city',
      translations: { ar: { title: 'فصائل المعارضة تسيطر على المدينة' } },
    },
  ],
};

/** A generated city: an Arabic name, everything else English or figures. */
const MAFRAQ: Entity = {
  ...entity('Q1000', 'place', 'Mafraq'),
  description: 'City in Jordan',
  translations: { ar: { name: 'المفرق' } },
  facts: [
    { label: 'Country', value: 'Jordan' },
    { label: 'Population', value: '56,340' },
    { label: 'UN membership', value: 'Member state' },
    { label: 'Twinned with', value: 'Nowhere in particular' },
  ],
};

describe('the card in the page’s language', () => {
  it('takes the pack’s Arabic for every field it has, with Arabic headings and dates', () => {
    const card = buildCard(DARAA, [], NOW, SEPT_2021, arabic);
    expect(card).toMatchObject({
      language: 'ar',
      name: 'درعا',
      kindLabel: 'مكان',
      description: 'مدينة في جنوب غرب سوريا قرب الحدود الأردنية',
      summary: 'كبرى مدن سهل حوران.',
      english: {},
      fallback: false,
      article: {
        label: '8 أيلول/سبتمبر 2021',
        detail: 'مصدر التاريخ في الصفحة: dateline in the first paragraph',
      },
    });
    expect(card.facts).toEqual([
      { label: 'المحافظة', value: 'محافظة درعا' },
      {
        label: 'السيطرة',
        value: 'الحكومة السورية',
        note: 'حتى 7 كانون الأول/ديسمبر 2024',
        changed: true,
      },
    ]);
    expect(card.timeline?.heading).toBe('قبل هذا المقال');
    expect(card.timeline?.items[0]).toMatchObject({
      dateLabel: '18 آذار/مارس 2011',
      title: 'قوات الأمن تطلق النار على المحتجين',
      links: [{ title: 'احتجاجات في أنحاء البلاد', outlet: 'Global Voices' }],
    });
    expect(card.since?.heading).toBe('منذ هذا المقال');
  });

  it('falls back to English field by field, flags it, and translates generated labels', () => {
    const card = buildCard(MAFRAQ, [], NOW, SEPT_2021, arabic);
    expect(card.name).toBe('المفرق');
    expect(card.description).toBe('City in Jordan');
    expect(card.english).toEqual({ description: true });
    expect(card.fallback).toBe(true);
    expect(card.facts).toEqual([
      { label: 'الدولة', value: 'Jordan', valueLang: 'en' },
      { label: 'عدد السكان', value: '56,340' },
      { label: 'العضوية في الأمم المتحدة', value: 'دولة عضو' },
      { label: 'Twinned with', value: 'Nowhere in particular', labelLang: 'en', valueLang: 'en' },
    ]);
  });

  it('keeps an English card exactly English, with no note', () => {
    const card = buildCard(DARAA, [], NOW, SEPT_2021);
    expect(card).toMatchObject({
      language: 'en',
      name: 'Daraa',
      kindLabel: 'Place',
      fallback: false,
    });
    expect(card.article.label).toBe('8 Sept 2021');
    expect(card.facts[1]?.note).toBe('until 7 Dec 2024');
    expect(buildCard(MAFRAQ, [], NOW, SEPT_2021).fallback).toBe(false);
  });

  it('tells figures and codes from words', () => {
    for (const value of ['97,969', '1945', 'SY / SYR', '185,180 km²', 'SY-DR', '2,000,000 (2010)'])
      expect(isLanguageNeutral(value), value).toBe(true);
    for (const value of ['Jordan', '97,969 (2004 census)', 'Member state'])
      expect(isLanguageNeutral(value), value).toBe(false);
  });
});

describe('the card view in Arabic', () => {
  function renderIn(model: CardModel, t = arabic) {
    return render(
      <I18n.Provider value={t}>
        <EntityCard model={model} onClose={() => {}} />
      </I18n.Provider>,
    );
  }

  it('is right to left and Arabic, marks English stand-ins, and passes an accessibility check', async () => {
    renderIn(buildCard(MAFRAQ, [], NOW, SEPT_2021, arabic));
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('lang')).toBe('ar');
    expect(screen.getByText('بعض المعلومات في هذه البطاقة متوفرة بالإنجليزية فقط.')).toBeTruthy();
    expect(screen.getByText('City in Jordan').getAttribute('lang')).toBe('en');
    expect(screen.getByText('Jordan').getAttribute('lang')).toBe('en');
    expect(screen.getByRole('button', { name: 'إغلاق' })).toBeTruthy();
    expect(document.querySelector('[data-testid="article-date"]')?.textContent).toBe(
      'هذا المقال · 8 أيلول/سبتمبر 2021',
    );
    expect(await axeViolations(dialog)).toEqual([]);
  });

  it('names coverage links by outlet and title, and counts hidden entries in Arabic', () => {
    const timeline = Array.from({ length: 7 }, (_, i) => ({
      date: `${2011 + i}-03`,
      title: `Event ${i}`,
      translations: { ar: { title: `حدث ${i}` } },
      links: [{ title: `Story ${i}`, outlet: 'Enab Baladi', url: `https://example.org/${i}` }],
    }));
    renderIn(buildCard({ ...DARAA, timeline }, [], NOW, undefined, arabic));
    expect(screen.getByRole('link', { name: 'Enab Baladi: Story 6' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'عرض 3 أحداث أخرى' })).toBeTruthy();
  });

  it('renames a map’s countries and says where the place is, in Arabic', () => {
    const map: LocatorMap = {
      width: 320,
      height: 200,
      country: { id: '760', name: 'Syria', d: 'M0 0' },
      neighbours: [
        { id: '400', name: 'Jordan', d: 'M0 0', labelX: 10, labelY: 10 },
        { id: '422', name: 'Lebanon', d: 'M0 0' },
      ],
      place: { x: 1, y: 1 },
      capital: { x: 2, y: 2, name: 'Damascus' },
      alt: 'Map: Daraa, in south-western Syria near the border with Jordan.',
    };
    const localised = localiseMap(map, 'درعا', arabic);
    expect(localised.alt).toBe('خريطة: درعا في سوريا. والعاصمة معلَّمة أيضاً.');
    expect(localised.neighbours.map((n) => n.name)).toEqual(['الأردن', 'لبنان']);
    const { place: _, ...countryMap } = map;
    expect(localiseMap(countryMap, 'سوريا', arabic).alt).toBe(
      'خريطة: سوريا مظلَّلةً بين الدول المحيطة بها: الأردن ولبنان.',
    );
    expect(localiseMap(map, 'Daraa', ENGLISH)).toBe(map);
  });
});

describe('the card frame', () => {
  async function shown(language: string | undefined, reader: 'en' | 'ar') {
    const models: CardModel[] = [];
    const languages: string[] = [];
    const frame = new CardFrame({
      win: new EventTarget() as unknown as Window,
      token: async () => TOKEN,
      card: async () => ({
        entity: DARAA,
        history: [],
        articleDate: SEPT_2021,
        elapsedMs: 1,
        searchLinks: [],
      }),
      map: async () => null,
      live: async () => ({ ...NOTHING_ASKED }),
      imageOrigins: [],
      readerLanguage: async () => reader,
      translator: testTranslator,
      render: (model, look) => {
        if (model) models.push(model);
        languages.push(look.t.language);
      },
      cardElement: () => null,
      box: () => null,
      now: () => NOW,
    });
    const [page, port] = portPair();
    await frame.accept(
      new MessageEvent('message', {
        data: { backstoryCard: 1, token: TOKEN },
        ports: [port as unknown as MessagePort],
      }),
    );
    const show: ToFrame = {
      type: 'show',
      request: 1,
      id: 'Q238217',
      name: 'Daraa',
      kind: 'place',
      opener: 'hover',
      scheme: 'light',
      ...(language ? { language } : {}),
      maxWidth: 360,
      maxHeight: 500,
    };
    page.postMessage(show);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { model: models.at(-1), languages };
  }

  it('speaks the page’s language where it has a catalogue, else the reader’s', async () => {
    expect((await shown('ar', 'en')).model).toMatchObject({ state: 'ready', name: 'درعا' });
    expect((await shown('en', 'ar')).model).toMatchObject({ state: 'ready', name: 'Daraa' });
    expect((await shown('fr', 'ar')).model).toMatchObject({ name: 'درعا' });
    expect((await shown(undefined, 'en')).languages).toEqual(['en', 'en']);
  });
});
