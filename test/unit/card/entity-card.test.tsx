// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '@/components/EntityCard';
import { buildCard } from '@/utils/card/view-model';
import { entity } from '../../support/entities';

afterEach(cleanup);

const ready = buildCard(
  {
    ...entity('Q238217', 'place', 'Daraa'),
    summary: 'A city in southern Syria. <img src=x onerror="window.pwned=1">',
    facts: [{ label: 'Governorate', value: 'Daraa Governorate' }],
    timeline: [
      {
        date: '2011-03-18',
        title: 'Protests begin',
        links: [
          {
            title: 'Protests',
            outlet: 'Wikipedia',
            url: 'https://en.wikipedia.org/wiki/2011_Daraa_protests',
          },
        ],
      },
      { date: '2012', title: 'Year two' },
      { date: '2013', title: 'Year three' },
      {
        date: '2018-07',
        title: 'Offensive',
        links: [
          {
            title: 'Offensive',
            outlet: 'Wikipedia',
            url: 'https://en.wikipedia.org/wiki/2018_Southern_Syria_offensive',
          },
        ],
      },
      { date: '2021', title: 'Siege' },
    ],
  },
  [
    {
      url: 'https://news.example/earlier',
      title: 'An earlier story',
      site: 'news.example',
      entities: ['Q238217'],
      visitedAt: Date.now(),
    },
  ],
  Date.now(),
);

describe('EntityCard', () => {
  it('renders the loading state with the name while the entity loads', () => {
    render(<EntityCard model={{ state: 'loading', name: 'Daraa', kind: 'place' }} />);
    expect(screen.getByRole('dialog').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Daraa' })).toBeTruthy();
    expect(screen.getByText('Loading…')).toBeTruthy();
  });

  it('renders a clear message when the entity is missing or failed to load', () => {
    const { rerender } = render(
      <EntityCard model={{ state: 'missing', name: 'Daraa', message: 'No card for this name.' }} />,
    );
    expect(screen.getByText('No card for this name.')).toBeTruthy();
    rerender(<EntityCard model={{ state: 'error', name: 'Daraa', message: 'Could not load.' }} />);
    expect(screen.getByRole('alert').textContent).toBe('Could not load.');
  });

  it('renders a ready card as text, labelled, with safe links and history', () => {
    render(<EntityCard model={ready} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBe('backstory-card-title');
    expect(screen.getByText('Place')).toBeTruthy();
    // The pack's text stays text: no element is created from it.
    expect(dialog.querySelector('img')).toBeNull();
    expect(dialog.textContent).toContain('<img src=x onerror="window.pwned=1">');
    for (const link of dialog.querySelectorAll('a')) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    }
    expect(screen.getByRole('heading', { name: 'You read about this before' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'An earlier story' }).getAttribute('href')).toBe(
      'https://news.example/earlier',
    );
  });

  it('expands and collapses the earlier timeline entries', () => {
    render(<EntityCard model={ready} />);
    const titles = () =>
      [...document.querySelectorAll('.card__event-title')].map((el) => el.textContent);
    expect(titles()).toEqual(['Year two', 'Year three', 'Offensive', 'Siege']);
    const more = screen.getByRole('button', { name: 'Show 1 more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(titles()).toEqual(['Protests begin', 'Year two', 'Year three', 'Offensive', 'Siege']);
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(titles()).toHaveLength(4);
  });

  it('closes from its close button', () => {
    const onClose = vi.fn();
    render(<EntityCard model={ready} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
