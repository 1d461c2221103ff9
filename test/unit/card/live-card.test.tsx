// @vitest-environment happy-dom

import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '@/components/EntityCard';
import { I18n } from '@/components/i18n';
import { CardFrame, type CardFrameDeps } from '@/utils/card/card-frame';
import { liveView, withLive } from '@/utils/card/live-model';
import { buildCard, type CardModel, type ReadyCard } from '@/utils/card/view-model';
import type { Translator } from '@/utils/i18n/translator';
import type { Entity } from '@/utils/knowledge/schema';
import type { LiveAnswer } from '@/utils/live/answer';
import { WIKIMEDIA_IMAGES } from '@/utils/live/build-config';
import { earlierCoverageLinks } from '@/utils/live/search-link';
import { axeViolations } from '../../support/axe';
import { portPair, TOKEN } from '../../support/card-flow';
import { entity } from '../../support/entities';
import { testTranslator } from '../../support/i18n';

afterEach(cleanup);

const PICTURE =
  'https://upload.wikimedia.org/wikipedia/commons/thumb/5/53/Flag_of_Syria.svg/320px-Flag_of_Syria.svg.png';
const LINKS = earlierCoverageLinks({
  pageUrl: 'https://www.bbc.co.uk/news/world-middle-east-1',
  name: 'Syria',
  articleDate: '2021-08-22',
});
const ANSWER: LiveAnswer = {
  asked: ['wikipedia', 'gdelt'],
  failed: ['gdelt'],
  summary: {
    title: 'Syria',
    url: 'https://en.wikipedia.org/wiki/Syria',
    description: 'Country in West Asia',
    thumbnail: PICTURE,
  },
  coverage: [
    {
      title: 'Talks <img src=x onerror="window.pwned=1"> collapse',
      url: 'https://levant-monitor.example/talks',
      outlet: 'levant-monitor.example',
      date: '2021-07-29',
    },
  ],
};

function liveCard(
  answer: LiveAnswer,
  t?: Translator,
  syria: Entity = entity('Q858', 'place', 'Syria'),
  links = LINKS,
): ReadyCard {
  return {
    ...buildCard(withLive(syria, answer), [], Date.parse('2026-11-30'), undefined, t),
    live: liveView({
      entity: syria,
      live: answer,
      searchLinks: links,
      imageOrigins: [WIKIMEDIA_IMAGES],
      ...(t ? { t } : {}),
    }),
  };
}

describe('a card the packs know little about', () => {
  const thin = entity('Q108128555', 'person', 'Oleksandra Matviichuk');

  it('says so, and that Wikipedia gives more, while no live source is on', () => {
    const { container } = render(
      <EntityCard model={liveCard({ asked: [], failed: [] }, undefined, thin)} />,
    );
    expect(container.querySelector('[data-testid="thin-note"]')?.textContent).toBe(
      "Your packs know little more about this. Turn on Wikipedia in Backstory's options for a fuller card.",
    );
  });

  it('says nothing of the kind once a source was asked, or where the packs have more', () => {
    const asked = render(
      <EntityCard model={liveCard({ asked: ['wikipedia'], failed: [] }, undefined, thin)} />,
    );
    expect(asked.container.querySelector('[data-testid="thin-note"]')).toBeNull();
    cleanup();
    const rich = { ...thin, summary: 'A Ukrainian human rights lawyer.' };
    const known = render(
      <EntityCard model={liveCard({ asked: [], failed: [] }, undefined, rich)} />,
    );
    expect(known.container.querySelector('[data-testid="thin-note"]')).toBeNull();
  });
});

describe('the card’s live parts', () => {
  it('shows the picture without cookies or referrer, credits Wikipedia, lists earlier coverage as text', async () => {
    const { container } = render(<EntityCard model={liveCard(ANSWER)} />);
    const img = container.querySelector('img.card__picture') as HTMLImageElement;
    expect(img.getAttribute('src')).toBe(PICTURE);
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('crossorigin')).toBe('anonymous');
    expect(img.alt).toBe('Syria, from Wikipedia');
    expect(container.querySelector('.card__credit')?.textContent).toBe(
      // Only the picture is Wikipedia's here: the card's words are the pack's own.
      'Picture from Wikipedia: Syria (CC BY-SA 4.0)',
    );
    const item = container.querySelector('.card__coverage-item') as HTMLElement;
    expect(item.querySelector('a')?.textContent).toBe(
      'Talks <img src=x onerror="window.pwned=1"> collapse',
    );
    expect(item.querySelectorAll('img')).toHaveLength(0);
    expect(item.textContent).toContain('levant-monitor.example · 29 Jul 2021');
    const searches = [...container.querySelectorAll('.card__search-links a')];
    expect(searches.map((a) => a.textContent)).toEqual([
      'Search bbc.co.uk for Syria',
      'Search earlier coverage of Syria on bbc.co.uk, before this article',
    ]);
    for (const a of [...searches, ...container.querySelectorAll('.card__coverage a')]) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(container.querySelector('[data-testid="live-note"]')?.textContent).toBe(
      'Part of the live background is unavailable.',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows only the search links when no source is on', () => {
    const { container } = render(<EntityCard model={liveCard({ asked: [], failed: [] })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.card__credit')).toBeNull();
    expect(container.querySelector('[data-testid="live-note"]')).toBeNull();
    expect(container.querySelector('.card__coverage h3')?.textContent).toBe(
      'Earlier coverage from the news',
    );
    expect(container.querySelectorAll('.card__search-links a')).toHaveLength(2);
  });
});

describe('the card’s live parts in Arabic', () => {
  const SYRIA_AR: Entity = {
    ...entity('Q858', 'place', 'Syria'),
    translations: { ar: { name: 'سوريا', description: 'دولة في غرب آسيا' } },
  };
  const LINKS_AR = earlierCoverageLinks({
    pageUrl: 'https://www.bbc.com/arabic/articles/c0000000',
    name: 'سوريا',
    articleDate: '2021-08-22',
  });

  it('speaks Arabic, right to left, with names, hosts and titles isolated', async () => {
    const arabic = await testTranslator('ar');
    const { container } = render(
      <I18n.Provider value={arabic}>
        <EntityCard
          model={liveCard({ ...ANSWER, bestEffort: ['gdelt'] }, arabic, SYRIA_AR, LINKS_AR)}
        />
      </I18n.Provider>,
    );
    const card = container.querySelector('.card') as HTMLElement;
    expect(card.getAttribute('dir')).toBe('rtl');
    expect(card.getAttribute('lang')).toBe('ar');
    expect((container.querySelector('img.card__picture') as HTMLImageElement).alt).toBe(
      'سوريا، من ويكيبيديا',
    );
    const credit = container.querySelector('.card__credit') as HTMLElement;
    expect(credit.textContent).toBe('الصورة من ويكيبيديا: Syria (CC BY-SA 4.0)');
    // The English page title keeps its own direction inside the Arabic sentence.
    expect(credit.querySelector('a')?.parentElement?.tagName).toBe('BDI');
    expect(container.querySelector('.card__coverage h3')?.textContent).toBe('تغطية إخبارية سابقة');
    const where = container.querySelector('.card__coverage-item .card__where') as HTMLElement;
    expect(where.textContent).toBe('levant-monitor.example · 29 تموز/يوليو 2021');
    expect(where.querySelector('time')?.getAttribute('datetime')).toBe('2021-07-29');
    expect(container.querySelector('.card__coverage .card__note')?.textContent).toBe(
      'لا يغطي GDELT بموثوقية إلا الأشهر الثلاثة الأخيرة، وقد تغيب عنه نتائج أقدم.',
    );
    const searches = [...container.querySelectorAll('.card__search-links a')];
    expect(searches.map((a) => a.textContent)).toEqual([
      'ابحث في bbc.com عن سوريا',
      'ابحث في bbc.com عن تغطية سوريا السابقة لهذا المقال',
    ]);
    expect([...(searches[0]?.querySelectorAll('bdi') ?? [])].map((b) => b.textContent)).toEqual([
      'bbc.com',
      'سوريا',
    ]);
    expect(container.querySelector('#backstory-card-search-note')?.textContent).toBe(
      'يفتح بحثاً في تبويب جديد، ولا يُرسَل شيء قبل أن تنقر.',
    );
    expect(container.querySelector('[data-testid="live-note"]')?.textContent).toBe(
      'بعض معلومات المصادر المباشرة غير متاحة.',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('credits Wikipedia’s words, and says so when no source answered', async () => {
    const arabic = await testTranslator('ar');
    const answer: LiveAnswer = {
      ...ANSWER,
      asked: ['wikipedia', 'gdelt'],
      failed: ['gdelt'],
      summary: {
        ...(ANSWER.summary as NonNullable<LiveAnswer['summary']>),
        extract: 'Syria is a country.',
      },
    };
    const { container, rerender } = render(
      <I18n.Provider value={arabic}>
        <EntityCard model={liveCard(answer, arabic, SYRIA_AR, LINKS_AR)} />
      </I18n.Provider>,
    );
    expect(container.querySelector('.card__credit')?.textContent).toBe(
      'نقلاً عن ويكيبيديا: Syria (CC BY-SA 4.0)',
    );
    rerender(
      <I18n.Provider value={arabic}>
        <EntityCard
          model={liveCard({ asked: ['gdelt'], failed: ['gdelt'] }, arabic, SYRIA_AR, [])}
        />
      </I18n.Provider>,
    );
    expect(container.querySelector('[data-testid="live-note"]')?.textContent).toBe(
      'معلومات المصادر المباشرة غير متاحة.',
    );
    expect(container.querySelector('.card__coverage')).toBeNull();
  });

  it('the web search without an article date', async () => {
    const arabic = await testTranslator('ar');
    const links = earlierCoverageLinks({ pageUrl: 'https://example.org/ar/1', name: 'سوريا' });
    const { container } = render(
      <I18n.Provider value={arabic}>
        <EntityCard model={liveCard({ asked: [], failed: [] }, arabic, SYRIA_AR, links)} />
      </I18n.Provider>,
    );
    expect(
      [...container.querySelectorAll('.card__search-links a')].map((a) => a.textContent),
    ).toEqual(['ابحث في example.org عن تغطية سوريا']);
  });
});

describe('the card frame and the live parts', () => {
  async function showIn(overrides: Partial<CardFrameDeps>) {
    const drawn: CardModel[] = [];
    const frame = new CardFrame({
      win: new EventTarget() as unknown as Window,
      token: async () => TOKEN,
      card: async () => ({
        entity: entity('Q858', 'place', 'Syria'),
        history: [],
        articleDate: null,
        searchLinks: LINKS,
        elapsedMs: 1,
      }),
      map: async () => null,
      readerLanguage: async () => 'en',
      translator: testTranslator,
      live: async () => ({ asked: [], failed: [] }),
      imageOrigins: [WIKIMEDIA_IMAGES],
      render: (model) => {
        if (model) drawn.push(model);
      },
      cardElement: () => null,
      box: () => null,
      now: () => 0,
      ...overrides,
    });
    const [page, port] = portPair();
    await frame.accept(
      new MessageEvent('message', {
        data: { backstoryCard: 1, token: TOKEN },
        ports: [port as unknown as MessagePort],
      }),
    );
    page.postMessage({
      type: 'show',
      request: 1,
      id: 'Q858',
      name: 'Syria',
      kind: 'place',
      opener: 'hover',
      scheme: 'light',
      maxWidth: 360,
      maxHeight: 500,
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    return drawn;
  }

  it('draws the pack’s card first, then again with each live part as it arrives', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const asked: string[] = [];
    const drawn = await showIn({
      live: async (_id, part) => {
        asked.push(part);
        if (part === 'coverage') {
          await held;
          return { asked: ['gdelt'], failed: [], coverage: ANSWER.coverage ?? [] };
        }
        return { ...ANSWER, asked: ['wikipedia'], failed: [], coverage: [] };
      },
    });
    expect(asked.sort()).toEqual(['about', 'coverage']);
    const ready = drawn.filter((model): model is ReadyCard => model.state === 'ready');
    expect(ready[0]?.live?.picture).toBeUndefined();
    expect(ready[0]?.live?.searchLinks).toHaveLength(2);
    expect(ready.at(-1)?.live?.picture).toBe(PICTURE);
    expect(ready.at(-1)?.live?.coverage).toEqual([]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(drawn.at(-1)).toMatchObject({
      live: { coverage: [{ title: ANSWER.coverage?.[0]?.title }] },
    });
  });

  it('keeps the pack’s card, with a quiet note, when the live service cannot be reached', async () => {
    const drawn = await showIn({
      live: async () => {
        throw new Error('the background restarted');
      },
    });
    const last = drawn.at(-1) as ReadyCard;
    expect(last.state).toBe('ready');
    expect(last.description).toBe('Syria (test entity)');
    expect(last.live?.problem).toBe('unavailable');
  });

  it('dates earlier coverage in the card’s language', async () => {
    const drawn = await showIn({
      readerLanguage: async () => 'ar',
      live: async (_id, part) =>
        part === 'coverage'
          ? { asked: ['gdelt'], failed: [], coverage: ANSWER.coverage ?? [] }
          : { asked: [], failed: [] },
    });
    expect((drawn.at(-1) as ReadyCard).live?.coverage[0]?.dateLabel).toBe('29 تموز/يوليو 2021');
  });

  it('does not redraw for parts where nothing was asked', async () => {
    const drawn = await showIn({});
    expect(drawn.map((model) => model.state)).toEqual(['loading', 'ready']);
  });
});
