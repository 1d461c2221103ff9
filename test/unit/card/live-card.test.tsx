// @vitest-environment happy-dom

import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '@/components/EntityCard';
import { CardFrame, type CardFrameDeps } from '@/utils/card/card-frame';
import { liveView, withLive } from '@/utils/card/live-model';
import { buildCard, type CardModel, type ReadyCard } from '@/utils/card/view-model';
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
  wikipedia: {
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

function liveCard(answer: LiveAnswer): ReadyCard {
  const syria = entity('Q858', 'place', 'Syria');
  return {
    ...buildCard(withLive(syria, answer), [], Date.parse('2026-11-30')),
    live: liveView({
      entity: syria,
      live: answer,
      searchLinks: LINKS,
      imageOrigins: [WIKIMEDIA_IMAGES],
    }),
  };
}

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

  it('does not redraw for parts where nothing was asked', async () => {
    const drawn = await showIn({});
    expect(drawn.map((model) => model.state)).toEqual(['loading', 'ready']);
  });
});
