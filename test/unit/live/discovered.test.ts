import { describe, expect, it } from 'vitest';
import {
  acceptablePage,
  chooseDiscovered,
  isConceptTitle,
  kindOfDescription,
} from '@/utils/live/discovered';
import { contentWords } from '@/utils/live/text';

describe('whether a page found for a name is marked', () => {
  const found = (title: string, description: string, wikidataId = 'Q1') =>
    ({ status: 'found', title, description, wikidataId }) as const;

  it('takes an article with an id and a description, with the kind its description tells', () => {
    expect(
      acceptablePage(
        'Katalin Karikó',
        found('Katalin Karikó', 'Hungarian biochemist', 'Q55'),
        'en',
      ),
    ).toEqual({
      title: 'Katalin Karikó',
      description: 'Hungarian biochemist',
      qid: 'Q55',
      lang: 'en',
      kind: 'person',
    });
    expect(kindOfDescription('city in Pennsylvania, United States')).toBe('place');
    expect(kindOfDescription('German arms manufacturer')).toBe('organisation');
    expect(kindOfDescription('homme politique français')).toBe('person');
  });

  it('prefers no mark: disambiguation, misses, sections, concepts, surnames, lists, bare words', () => {
    expect(
      acceptablePage('Jordan', { status: 'disambiguation', title: 'Jordan' }, 'en'),
    ).toBeNull();
    expect(acceptablePage('Nobody Here', { status: 'missing' }, 'en')).toBeNull();
    expect(
      acceptablePage('Daraa al-Balad', { status: 'section', title: 'Daraa' }, 'en'),
    ).toBeNull();
    expect(
      acceptablePage('Prime Minister', found('Prime minister', 'head of a cabinet'), 'en'),
    ).toBeNull();
    expect(isConceptTitle('Chief executive officer')).toBe(true);
    expect(isConceptTitle('Federal Reserve Bank of New York')).toBe(false);
    expect(acceptablePage('Smith', found('Smith', 'family name'), 'en')).toBeNull();
    expect(acceptablePage('Zephyr', found('Zephyr', 'light wind'), 'en')).toBeNull();
    expect(acceptablePage('Karikó', { status: 'found', title: 'Karikó' }, 'en')).toBeNull();
  });

  it('chooses a surname’s person with the page’s words, and none on a tie', () => {
    const page = contentWords('The biochemist shared the prize for vaccine research.');
    const kariko = {
      title: 'Katalin Karikó',
      description: 'Hungarian biochemist',
      qid: 'Q1',
      lang: 'en',
      kind: 'person' as const,
    };
    const other = {
      title: 'Anna Karikó',
      description: 'Hungarian sculptor',
      qid: 'Q2',
      lang: 'en',
      kind: 'person' as const,
    };
    expect(chooseDiscovered('Karikó', null, [kariko], page)?.qid).toBe('Q1');
    expect(chooseDiscovered('Karikó', null, [kariko, other], page)?.qid).toBe('Q1');
    expect(
      chooseDiscovered(
        'Karikó',
        null,
        [kariko, { ...other, description: 'Hungarian biochemist', qid: 'Q3' }],
        page,
      ),
    ).toBeNull();
  });
});
