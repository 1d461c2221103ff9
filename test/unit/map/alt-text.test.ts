import { describe, expect, it } from 'vitest';
import { countryAlt, inSentence, listOf, placeAlt, regionWord } from '@/utils/map/alt-text';

describe('regionWord', () => {
  it.each([
    [0.1, 0.1, 'north-western'],
    [0.5, 0.1, 'northern'],
    [0.9, 0.1, 'north-eastern'],
    [0.1, 0.5, 'western'],
    [0.5, 0.5, 'central'],
    [0.9, 0.5, 'eastern'],
    [0.1, 0.9, 'south-western'],
    [0.5, 0.9, 'southern'],
    [0.9, 0.9, 'south-eastern'],
  ])('(%d, %d) is %s', (x, y, word) => {
    expect(regionWord(x, y)).toBe(word);
  });
});

describe('country names in a sentence', () => {
  it('adds "the" where English wants it', () => {
    expect(inSentence('United States')).toBe('the United States');
    expect(inSentence('Philippines')).toBe('the Philippines');
    expect(inSentence('Solomon Islands')).toBe('the Solomon Islands');
    expect(inSentence('Syria')).toBe('Syria');
    expect(inSentence('Vatican City')).toBe('Vatican City');
  });

  it('lists names with commas and "and"', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['Iraq'])).toBe('Iraq');
    expect(listOf(['Iraq', 'Syria'])).toBe('Iraq and Syria');
    expect(listOf(['Iraq', 'Israel', 'Syria'])).toBe('Iraq, Israel and Syria');
  });
});

describe('placeAlt', () => {
  it('puts "the" before the region for countries that take it', () => {
    expect(
      placeAlt({
        name: 'Houston',
        country: 'United States',
        region: 'southern',
        neighbour: { name: 'Mexico', nearBorder: false },
      }),
    ).toBe(
      'Map: Houston, in the southern United States; the nearest neighbouring country is Mexico.',
    );
  });

  it('names the neighbour with its article, after a pause for an outlying place', () => {
    expect(
      placeAlt({
        name: 'Kaliningrad',
        country: 'Russia',
        region: 'outlying',
        neighbour: { name: 'Poland', nearBorder: true },
      }),
    ).toBe('Map: Kaliningrad, in Russia, away from its mainland, near the border with Poland.');
    expect(
      placeAlt({
        name: 'Windsor',
        country: 'Canada',
        region: 'southern',
        neighbour: { name: 'United States', nearBorder: true },
      }),
    ).toBe('Map: Windsor, in southern Canada near the border with the United States.');
  });

  it('mentions a marked capital, unless the place is the capital', () => {
    const daraa = { name: 'Daraa', country: 'Syria', region: 'south-western' };
    expect(placeAlt({ ...daraa, capital: 'Damascus' })).toBe(
      'Map: Daraa, in south-western Syria. The capital, Damascus, is also marked.',
    );
    expect(placeAlt({ ...daraa, name: 'Damascus', isCapital: true })).toBe(
      'Map: Damascus, the capital, in south-western Syria.',
    );
  });

  it('keeps a small country to its name', () => {
    expect(placeAlt({ name: 'Valletta', country: 'Malta', region: 'small' })).toBe(
      'Map: Valletta, in Malta.',
    );
  });
});

describe('countryAlt', () => {
  it('reads one neighbour, several, or none', () => {
    expect(countryAlt('Canada', ['United States'])).toBe(
      'Map: Canada, highlighted beside its only neighbour, the United States.',
    );
    expect(countryAlt('Lebanon', ['Israel', 'Syria'], 'Beirut')).toBe(
      'Map: Lebanon, highlighted among its neighbours Israel and Syria. The capital, Beirut, is marked.',
    );
    expect(countryAlt('Iceland', [])).toBe('Map: Iceland, highlighted; it has no land borders.');
  });
});
