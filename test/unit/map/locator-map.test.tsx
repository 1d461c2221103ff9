// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LocatorMap } from '@/components/LocatorMap';
import { LOCATOR_CSS } from '@/components/locator-css';
import type { LocatorMap as LocatorMapModel } from '@/utils/map/locator';
import { axeViolations } from '../../support/axe';

afterEach(cleanup);

const DARAA: LocatorMapModel = {
  width: 320,
  height: 200,
  country: { id: '760', name: 'Syria', d: 'M60,20L260,20L260,180L60,180Z' },
  neighbours: [
    { id: '400', name: 'Jordan', d: 'M40,180L200,180L200,200L40,200Z', labelX: 120, labelY: 190 },
    { id: '368', name: 'Iraq', d: 'M260,20L320,20L320,200L260,200Z', labelX: 290, labelY: 100 },
    { id: '422', name: 'Lebanon', d: 'M40,60L60,60L60,100L40,100Z' },
  ],
  place: { x: 70, y: 170 },
  capital: { x: 80, y: 120, name: 'Damascus' },
  alt: 'Map: Daraa, in south-western Syria near the border with Jordan.',
};

describe('LocatorMap', () => {
  it('is one image named by the text alternative', () => {
    render(<LocatorMap map={DARAA} />);
    const image = screen.getByRole('img');
    expect(image.tagName.toLowerCase()).toBe('svg');
    const titleId = image.getAttribute('aria-labelledby') ?? '';
    const title = image.querySelector('title');
    expect(title?.id).toBe(titleId);
    expect(title?.textContent).toBe(DARAA.alt);
    expect(image.getAttribute('viewBox')).toBe('0 0 320 200');
  });

  it('draws the country, each neighbour, the place, the capital and up to two names', () => {
    const { container } = render(<LocatorMap map={DARAA} />);
    expect(container.querySelectorAll('path.locator__country')).toHaveLength(1);
    expect(container.querySelectorAll('path.locator__neighbour')).toHaveLength(3);
    expect(container.querySelector('circle.locator__place')?.getAttribute('cx')).toBe('70');
    expect(container.querySelector('rect.locator__capital')?.getAttribute('x')).toBe('77');
    const labels = [...container.querySelectorAll('text.locator__label')].map((t) => t.textContent);
    expect(labels).toEqual(['Jordan', 'Iraq']);
  });

  it('draws no dot for a country card', () => {
    const { place: _place, capital: _capital, ...country } = DARAA;
    const { container } = render(
      <LocatorMap map={{ ...country, alt: 'Map: Syria, highlighted.' }} />,
    );
    expect(container.querySelector('.locator__place')).toBeNull();
    expect(container.querySelector('.locator__capital')).toBeNull();
  });

  it('renders names as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const map = {
      ...DARAA,
      alt: hostile,
      neighbours: [{ ...DARAA.neighbours[0]!, name: hostile }],
    };
    const { container } = render(<LocatorMap map={map} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('text.locator__label')?.textContent).toBe(hostile);
    const source = readFileSync('components/LocatorMap.tsx', 'utf8');
    expect(source).not.toMatch(/innerHTML|dangerouslySetInnerHTML/);
  });

  it('gives each map its own title id', () => {
    render(
      <>
        <LocatorMap map={DARAA} />
        <LocatorMap map={DARAA} />
      </>,
    );
    const ids = screen.getAllByRole('img').map((image) => image.getAttribute('aria-labelledby'));
    expect(new Set(ids).size).toBe(2);
  });

  it('passes an accessibility check', async () => {
    const { container } = render(<LocatorMap map={DARAA} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('LOCATOR_CSS', () => {
  it('styles every class the map uses, in light and dark', () => {
    for (const name of ['country', 'neighbour', 'place', 'capital', 'label', 'sea']) {
      expect(LOCATOR_CSS).toContain(`.locator__${name}`);
    }
    expect(LOCATOR_CSS).toContain('[data-scheme="dark"] .locator');
    // Colours live only in custom properties (and system colours), so a host can retune them.
    const rules = LOCATOR_CSS.replace(/--locator-[\w-]+:\s*#[0-9a-f]+;/gi, '');
    expect(rules).not.toMatch(/#[0-9a-f]{3,8}\b/i);
  });
});
