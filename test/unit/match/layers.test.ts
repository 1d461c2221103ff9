import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/utils/match/compile';
import { LayeredMatcher, scannerOf } from '@/utils/match/layers';
import { PageMatch } from '@/utils/match/page-match';
import { entity, TEST_ENTITIES } from '../../support/entities';

/** Marks of one page as `surface → id`, in text order. */
function marks(layers: Parameters<typeof scannerOf>[0], texts: string[]): string[] {
  const scanner = scannerOf(layers);
  const page = new PageMatch<number>(scanner);
  return page
    .matchAll(texts.map((text, key) => ({ key, text })))
    .sort((a, b) => a.key - b.key || a.start - b.start)
    .map((m) => `${texts[m.key]?.slice(m.start, m.end)} → ${scanner.data.entityIds.at(m.entity)}`);
}

const data = (entities: Parameters<typeof compileMatcher>[0]) => compileMatcher(entities).data;

describe('packs matched together', () => {
  it('mark what one pack compiled from all of them marks', () => {
    const half = Math.floor(TEST_ENTITIES.length / 2);
    const text = [
      'Bashar al-Assad said Daraa would be retaken. Assad spoke to SANA.',
      'Russian mediators met in Daraa al-Balad.',
    ];
    expect(
      marks([data(TEST_ENTITIES.slice(0, half)), data(TEST_ENTITIES.slice(half))], text),
    ).toEqual(marks([data(TEST_ENTITIES)], text));
  });

  it('count an entity named through one pack as named for the others', () => {
    const built = data([
      entity('Q44329', 'person', 'Bashar al-Assad', {
        en: ['Bashar al-Assad', { text: 'Assad', neverAlone: true }],
      }),
    ]);
    const own = data([
      entity('Q44329', 'person', 'Bashar al-Assad', { en: ['Bashar Hafez al-Assad'] }),
    ]);
    expect(marks([built, own], ['Bashar Hafez al-Assad spoke.', 'Later Assad left.'])).toEqual([
      'Bashar Hafez al-Assad → Q44329',
      'Assad → Q44329',
    ]);
    expect(marks([built], ['Bashar Hafez al-Assad spoke.', 'Later Assad left.'])).toEqual([]);
  });

  it('choose among every pack’s candidates for one name', () => {
    const built = data([
      entity('Q312', 'organisation', 'Apple Inc.', { en: ['Apple'] }, { hints: { priority: 1 } }),
    ]);
    const own = data([
      entity(
        'user:apple',
        'organisation',
        'Apple (my band)',
        { en: ['Apple'] },
        {
          hints: { priority: 5 },
        },
      ),
    ]);
    const layered = new LayeredMatcher([built, own]);
    expect(layered.scan('Apple played.')).toHaveLength(2);
    expect(marks([built, own], ['Apple played.'])).toEqual(['Apple → user:apple']);
  });

  it('find a place’s country in another pack', () => {
    const countries = data([
      {
        ...entity('Q858', 'place', 'Syria', { en: ['Syria'] }),
        country: 'SY',
        facts: [{ label: 'ISO 3166-1 code', value: 'SY' }],
      },
    ]);
    const towns = data([
      {
        ...entity('Q1', 'place', 'Inkhil', { en: ['Inkhil'] }),
        country: 'SY',
        facts: [{ label: 'Population', value: '30,000' }],
      },
    ]);
    const layered = new LayeredMatcher([countries, towns]);
    expect(layered.data.entityIds.at(layered.data.entityCountry[1] as number)).toBe('Q858');
  });
});
