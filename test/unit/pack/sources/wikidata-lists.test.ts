/** Sources that give Wikidata ids: wikilinker, wikitrivia, wikitrivia-data, CoDEx, name-suggestion-index. */
import { describe, expect, it } from 'vitest';
import { codexItemsOf, wikipediaTitle } from '../../../../scripts/pack/sources/codex';
import { kindOfClassName, kindOfClassNames } from '../../../../scripts/pack/sources/kinds';
import { nsiItemsOf } from '../../../../scripts/pack/sources/name-suggestion-index';
import { unpackNames, wikilinkerItemsOf } from '../../../../scripts/pack/sources/wikilinker';
import { slugTitle, wikitriviaItemsOf } from '../../../../scripts/pack/sources/wikitrivia';
import {
  parseJsonLines,
  wikitriviaPlaceItemsOf,
} from '../../../../scripts/pack/sources/wikitrivia-places';

describe('wikilinker', () => {
  it('unpacks front-coded names', () => {
    expect(
      unpackNames([
        [0, 'Damascus'],
        [3, 'ia'],
        [0, 'Syria'],
      ]),
    ).toEqual(['Damascus', 'Damia', 'Syria']);
  });

  it('gives a label and a kind only; a second name of one id is an alias', () => {
    const items = wikilinkerItemsOf({
      d: [
        [0, 'Syria'],
        [0, 'Syrian Arab Republic'],
        [0, 'Toyota'],
      ],
      v: [
        [2, 'Q858'],
        [2, 'Q858'],
        [5, 'Q53268'],
      ],
    });
    expect(items).toEqual([
      {
        id: 'Q858',
        labels: { en: 'Syria' },
        aliases: { en: ['Syrian Arab Republic'] },
        descriptions: {},
        claims: {},
        sources: ['wikilinker'],
        kindHint: 'place',
      },
      expect.objectContaining({ id: 'Q53268', kindHint: 'organisation', claims: {} }),
    ]);
  });
});

describe('wikitrivia', () => {
  const items = wikitriviaItemsOf(
    [
      [
        'battles-year',
        [
          {
            item: 'http://www.wikidata.org/entity/Q48314',
            itemLabel: 'Battle of Waterloo',
            year: '1815',
            sitelinks: '93',
          },
        ],
      ],
      [
        'us-presidents-taking-office',
        [
          {
            item: 'http://www.wikidata.org/entity/Q22686',
            itemLabel: 'Donald Trump',
            year: '2017',
            sitelinks: '300',
          },
        ],
      ],
      [
        'british-monarchs-taking-office',
        [
          {
            item: 'http://www.wikidata.org/entity/Q9439',
            itemLabel: 'Victoria',
            year: '1837',
            positionLabel: 'monarch of the United Kingdom',
            sitelinks: '200',
          },
        ],
      ],
      [
        'famous-monarchs-death-year',
        [
          {
            item: 'http://www.wikidata.org/entity/Q9439',
            itemLabel: 'Victoria',
            year: '1901',
            sitelinks: '210',
            description: 'Queen of the United Kingdom',
          },
        ],
      ],
      [
        'brands-and-companies-founding-year',
        [
          {
            item: 'http://www.wikidata.org/entity/Q38076',
            itemLabel: "McDonald's",
            year: '1940',
            sitelinks: '137',
          },
        ],
      ],
    ],
    [
      {
        qid: 'Q38076',
        subtitle: 'American fast food restaurant chain',
        wikipediaSlug: 'McDonald%27s',
        pageViews: 195236,
      },
      { qid: 'Q9439', subtitle: null, wikipediaSlug: 'Queen_Victoria', pageViews: 686521 },
    ],
  );
  const byId = new Map(items.map((item) => [item.id, item]));

  it('maps each query to a class, a kind and a dated statement', () => {
    expect(byId.get('Q48314')).toMatchObject({
      labels: { en: 'Battle of Waterloo' },
      claims: { P31: [{ value: 'Q178561' }], P585: [{ value: '1815' }] },
      kindHint: 'event',
      sitelinks: 93,
    });
    expect(byId.get('Q22686')?.claims.P39).toEqual([{ value: 'Q11696', from: '2017' }]);
    expect(byId.get('Q38076')?.claims).toEqual({
      P31: [{ value: 'Q431289' }],
      P571: [{ value: '1940' }],
    });
  });

  it('gathers one item per id: position by label, death, the highest sitelinks', () => {
    const victoria = byId.get('Q9439');
    expect(victoria?.claims).toEqual({
      P31: [{ value: 'Q5' }],
      P39: [{ value: 'monarch of the United Kingdom', from: '1837' }],
      P570: [{ value: '1901' }],
      P106: [{ value: 'Q116' }],
    });
    expect(victoria?.sitelinks).toBe(210);
    expect(victoria?.descriptions).toEqual({ en: 'Queen of the United Kingdom' });
  });

  it('takes Wikipedia titles and page views from the decks', () => {
    expect(byId.get('Q38076')).toMatchObject({
      wikipedia: { en: "McDonald's" },
      pageViews: 195236,
      descriptions: { en: 'American fast food restaurant chain' },
    });
    expect(slugTitle('Queen_Victoria')).toBe('Queen Victoria');
  });
});

describe('wikitrivia-data places', () => {
  it('reads JSON lines and gives population, Wikipedia title and kind', () => {
    const records = parseJsonLines<{ id: string }>(
      [
        '{"description":"Town in Indiana, United States","id":"Q264343","instance_of":["town of the United States"],"label":"Battle Ground","wikipedia_title":"Battle Ground, Indiana","population":1334}',
        '{"description":"North Germanic ethnic group","id":"Q164714","instance_of":["human population","nation"],"label":"Danes","wikipedia_title":"Danes","population":5600000}',
      ].join('\n'),
    );
    const [town, danes] = wikitriviaPlaceItemsOf(records);
    expect(town).toMatchObject({
      id: 'Q264343',
      labels: { en: 'Battle Ground' },
      wikipedia: { en: 'Battle Ground, Indiana' },
      claims: { P1082: [{ value: 1334 }] },
      kindHint: 'place',
    });
    expect(danes?.kindHint).toBe('group');
  });
});

describe('kinds from class names', () => {
  it('reads English class names', () => {
    expect(kindOfClassName('human')).toBe('person');
    expect(kindOfClassName('human settlement')).toBe('place');
    expect(kindOfClassName('railway station')).toBe('place');
    expect(kindOfClassName('radio station')).toBe('organisation');
    expect(kindOfClassName('political party')).toBe('organisation');
    expect(kindOfClassName('civil war')).toBe('event');
    expect(kindOfClassName('horse breed')).toBeUndefined();
    expect(kindOfClassNames(['sovereign state', 'country', 'republic'])).toBe('place');
  });
});

describe('CoDEx types', () => {
  const items = codexItemsOf(
    { Q42: ['Q5'], Q90: ['Q515', 'Q5119'], Q7: ['Q999'] },
    {
      en: {
        Q5: { label: 'human', description: 'species', wiki: 'https://en.wikipedia.org/wiki/Human' },
        Q515: { label: 'city', description: '', wiki: '' },
        Q5119: { label: 'capital', description: '', wiki: '' },
      },
      ar: {
        Q5: {
          label: 'إنسان',
          description: '',
          wiki: 'https://ar.wikipedia.org/wiki/%D8%A5%D9%86%D8%B3%D8%A7%D9%86',
        },
      },
    },
  );
  const byId = new Map(items.map((item) => [item.id, item]));

  it('gives entities P31 and a kind, without labels', () => {
    expect(byId.get('Q42')).toMatchObject({
      labels: {},
      claims: { P31: [{ value: 'Q5' }] },
      kindHint: 'person',
    });
    expect(byId.get('Q90')?.kindHint).toBe('place');
    expect(byId.get('Q7')?.kindHint).toBeUndefined();
  });

  it('gives the classes their labels by language', () => {
    expect(byId.get('Q5')).toMatchObject({
      labels: { en: 'human', ar: 'إنسان' },
      wikipedia: { en: 'Human', ar: 'إنسان' },
    });
    expect(wikipediaTitle('https://en.wikipedia.org/wiki/Event_(philosophy)')).toBe(
      'Event (philosophy)',
    );
  });
});

describe('name-suggestion-index', () => {
  it('gives labels, descriptions, websites, dissolutions and a kind from roles and description', () => {
    const items = nsiItemsOf(
      {
        Q38076: {
          label: "McDonald's",
          description: 'American fast food restaurant chain',
          officialWebsites: ['https://www.mcdonalds.com'],
        },
        Q16139: {
          label: 'Province of Bologna',
          description: 'former province of Italy',
          dissolutions: [{ date: '2014-12-31T00:00:00.000Z' }],
        },
        Q16: { label: 'Canada', description: 'country in North America' },
        Q1: { label: 'Some flag', description: 'flag' },
      },
      {
        'brands/amenity/fast_food': { items: [{ tags: { 'brand:wikidata': 'Q38076' } }] },
        'flags/man_made/flagpole': {
          items: [
            { tags: { 'subject:wikidata': 'Q38076' } },
            { tags: { 'flag:wikidata': 'Q1', 'subject:wikidata': 'Q16' } },
          ],
        },
      },
    );
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get('Q38076')).toMatchObject({
      kindHint: 'organisation',
      claims: { P856: [{ value: 'https://www.mcdonalds.com' }] },
    });
    expect(byId.get('Q16139')).toMatchObject({
      kindHint: 'place',
      claims: { P576: [{ value: '2014-12-31' }] },
    });
    expect(byId.get('Q16')?.kindHint).toBe('place');
    expect(byId.get('Q1')?.kindHint).toBe('topic');
  });
});
