import { describe, expect, it } from 'vitest';
import type { Entity } from '@/utils/knowledge/schema';
import { ENTITY_KINDS } from '@/utils/knowledge/schema';
import { inAddress } from '@/utils/match/address';
import { isCaseless } from '@/utils/match/capitals';
import { compileMatcher } from '@/utils/match/compile';
import { inflectionsOf } from '@/utils/match/inflect';
import { Matcher } from '@/utils/match/matcher';
import { KIND_CODES, stringsOf } from '@/utils/match/matcher-data';
import { PageMatch } from '@/utils/match/page-match';
import { Resolver } from '@/utils/match/resolve';
import { decodeMatcher, encodeMatcher } from '@/utils/match/serialize';
import { entity } from '../../support/entities';

const place = (id: string, name: string, country: string, facts: string[], extra = {}) => ({
  ...entity(id, 'place', name, { en: [name] }, extra),
  country,
  facts: facts.map((label) => ({ label, value: label === 'ISO 3166-1 code' ? country : 'x' })),
});

const ENTITIES: Entity[] = [
  place('Q30', 'United States', 'US', ['ISO 3166-1 code']),
  { ...place('Q30b', 'America', 'US', []), aliases: { en: ['America'] } },
  place('Q142', 'France', 'FR', ['ISO 3166-1 code']),
  place('Q38', 'Italy', 'IT', ['ISO 3166-1 code']),
  place('Q414', 'Argentina', 'AR', ['ISO 3166-1 code']),
  place('Q60', 'New York', 'US', ['Population'], { hints: { priority: 3 } }),
  place('Q90', 'Paris', 'FR', ['Capital of', 'Population'], { hints: { priority: 4 } }),
  place('Q2807', 'Madrid', 'ES', ['Capital of', 'Population'], { hints: { priority: 4 } }),
  place('Q1486', 'Buenos Aires', 'AR', ['Capital of', 'Population'], { hints: { priority: 4 } }),
  place('Q2656', 'Palermo', 'IT', ['Population'], { hints: { priority: 1 } }),
  place('Q48256', 'Dnipro', 'UA', ['Population'], { hints: { priority: 1 } }),
  place('Q117', 'Ghana', 'GH', ['ISO 3166-1 code']),
  entity('Q22686', 'person', 'Donald Trump', { en: ['Donald Trump', 'Trump'] }),
  entity('Q7817', 'organisation', 'World Health Organization', {
    en: ['World Health Organization', 'WHO'],
  }),
  entity('Q7184', 'organisation', 'NATO', { en: ['NATO'] }),
  {
    ...entity('bs:gaza-war', 'event', 'Gaza war', { en: ['Gaza war', 'war in Gaza'] }),
    dates: { start: '2023-10-07' },
  },
  {
    ...entity('bs:gaza-war-2014', 'event', '2014 Gaza war', {
      en: [{ text: 'Gaza war', requireContext: true }, '2014 Gaza war'],
    }),
    dates: { start: '2014-07-08', end: '2014-08-26' },
    hints: { context: ['Gaza'] },
  },
  {
    ...entity('bs:world-cup-2026', 'event', '2026 World Cup', { en: ['2026 World Cup'] }),
    dates: { start: '2026-06-11' },
  },
  entity('Q1049', 'place', 'Sudan', { en: ['Sudan'] }),
  entity('Q212', 'place', 'Ukraine', { en: ['Ukraine'], cs: ['Ukrajina'], de: ['Ukraine'] }),
  entity('Q1085', 'place', 'Prague', { en: ['Prague'], cs: ['Praha'] }),
  entity('Q159', 'place', 'Russia', { en: ['Russia'], ru: ['Россия'], de: ['Russland'] }),
  entity('Q8682', 'organisation', 'Real Madrid CF', { en: ['Real Madrid'] }),
  place('Q5083', 'Seattle', 'US', ['Population'], { hints: { priority: 3 } }),
  {
    ...entity('Q180589', 'person', 'Boris Johnson', { en: ['Boris Johnson', 'Johnson'] }),
    popularity: 150,
  },
  { ...entity('Q1', 'person', 'Amy Johnson', { en: ['Amy Johnson', 'Johnson'] }), popularity: 30 },
  { ...place('Q1223', 'Washington', 'US', []), popularity: 250 },
  {
    ...place('Q61', 'Washington, D.C.', 'US', ['Capital of', 'Population']),
    aliases: { en: ['Washington, D.C.', 'Washington'] },
    popularity: 200,
  },
  {
    ...entity('Q48796385', 'organisation', 'Purple Party', { en: ['Purple Party', 'PM'] }),
    popularity: 8,
  },
  { ...place('Q2619168', 'Toi', 'NU', ['Population']), popularity: 150 },
  {
    ...entity('Q300653', 'place', 'Aa', { en: [{ text: 'Aa', caseSensitive: true }] }),
    popularity: 150,
  },
  { ...entity('Q95', 'organisation', 'Google', { en: ['Google'] }), popularity: 20 },
  { ...entity('Q356', 'topic', 'Google+', { en: ['Google+'] }), popularity: 66 },
  { ...entity('Q2407', 'topic', 'C++', { en: ['C++'] }), popularity: 90 },
  { ...entity('Q4385946', 'organisation', 'Friday!', { en: ['Friday!'] }), popularity: 20 },
  {
    ...entity('Q458', 'organisation', 'European Union', { en: ['European Union', 'EU'] }),
    popularity: 330,
  },
  {
    ...entity('Q6064406', 'organisation', 'Todos', { en: [{ text: 'Todos', everyday: true }] }),
    popularity: 3,
  },
  {
    ...entity('Q148', 'place', 'China', { en: [{ text: 'China', everyday: true }] }),
    popularity: 390,
  },
  {
    ...entity('Q3918770', 'organisation', 'For Ukraine!', { en: ['For Ukraine!'] }),
    popularity: 10,
  },
  { ...entity('Q1', 'organisation', 'De Gaulle Foundation', { en: ['De Gaulle'] }), popularity: 5 },
  { ...entity('Q18547944', 'topic', 'The Martian', { en: ['The Martian'] }), popularity: 71 },
  {
    ...place('Q80080', 'Ashdown', 'US', ['Population']),
    hints: { context: ['Arkansas'] },
    popularity: 3,
  },
  { ...entity('Q1612', 'place', 'Arkansas', { en: ['Arkansas'] }), popularity: 200 },
  place('Q810', 'Jordan', 'JO', ['ISO 3166-1 code']),
  place('Q858', 'Syria', 'SY', ['ISO 3166-1 code']),
  place('Q3805', 'Amman', 'JO', ['Capital of', 'Population'], { hints: { priority: 4 } }),
  place('Q238217', 'Daraa', 'SY', ['Population'], {
    hints: { priority: 1 },
    related: ['Q810', 'Q858'],
  }),
];

const { data } = compileMatcher(ENTITIES);

/** Marks on a page of paragraphs, as "text → id", with an optional article date. */
function marks(paragraphs: string[], articleDate?: string): string[] {
  const matcher = new Matcher(data);
  const resolver = new Resolver<number>(data, { articleDate });
  const segments = paragraphs.map((text, key) => ({ key, text, raws: matcher.scan(text) }));
  const { mentions, released } = resolver.resolve(segments);
  const out = mentions.flatMap((list, s) =>
    list.map((m) => `${paragraphs[s]?.slice(m.start, m.end)} → ${data.entityIds.at(m.entity)}`),
  );
  for (const { key, match } of released)
    out.push(
      `${paragraphs[key]?.slice(match.start, match.end)} → ${data.entityIds.at(match.entity)}`,
    );
  return out.sort();
}

describe('a name inside a longer capitalised name is not the name', () => {
  it('leaves newspapers, shows, clubs and banks alone', () => {
    expect(marks(['He told The New York Times and Good Morning America on Monday.'])).toEqual([]);
    expect(marks(['Real Madrid beat Paris Saint-Germain; the Bank of France was shut.'])).toEqual([
      'Real Madrid → Q8682',
    ]);
    expect(marks(['Protesters gathered in New York and in Paris.'])).toEqual([
      'New York → Q60',
      'Paris → Q90',
    ]);
  });

  it('keeps titles, sentence openers and possessives out of the longer name', () => {
    expect(marks(['In Paris, President Trump met Donald Trump fans. America First.'])).toEqual([
      'Donald Trump → Q22686',
      'Paris → Q90',
      'Trump → Q22686',
    ]);
    expect(marks(["France's President spoke in Paris Monday."])).toEqual([
      'France → Q142',
      'Paris → Q90',
    ]);
  });

  it('does not take a relative for the famous namesake', () => {
    expect(marks(['Donald Trump spoke.', 'Ivanka Trump and Melania Trump listened.'])).toEqual([
      'Donald Trump → Q22686',
    ]);
  });

  it('guards one occurrence, not the page: the masthead does not hide the city', () => {
    expect(marks(['The Seattle Times reported.', 'Seattle was calm.'])).toEqual([
      'Seattle → Q5083',
    ]);
    expect(marks(['A year after Paris 2024, Paris is calm.'])).toEqual(['Paris → Q90']);
  });

  it('reads a club’s place name on its page as the club’s until the place is named clearly', () => {
    expect(marks(['Real Madrid won.', 'Madrid celebrated.'])).toEqual(['Real Madrid → Q8682']);
  });

  it('reads title-case headlines as saying nothing with their capitals', () => {
    expect(isCaseless('Trump Sworn In As 45th President, Promising To Put America First')).toBe(
      true,
    );
    expect(isCaseless('Real Madrid beat Dortmund to win a 15th European Cup')).toBe(false);
    expect(marks(['Trump Meets Putin In Helsinki, Vowing New Talks'])).toEqual([]);
    expect(
      marks(['Trump Meets Putin In Helsinki, Vowing New Talks', 'Donald Trump flew in.']),
    ).toEqual(['Donald Trump → Q22686', 'Trump → Q22686']);
  });
});

describe('evidence around a name', () => {
  it('takes a title before a surname, or a government after it, as naming the best-known person', () => {
    expect(marks(['Mr. Johnson said so.'])).toEqual(['Johnson → Q180589']);
    expect(marks(['The Johnson administration agreed.'])).toEqual(['Johnson → Q180589']);
    expect(marks(['Johnson said so.'])).toEqual([]);
    expect(marks(['Amy Johnson flew on.', 'Mr. Johnson said so.'])).toEqual([
      'Amy Johnson → Q1',
      'Johnson → Q1',
    ]);
  });

  it('reads a dateline as the city', () => {
    expect(marks(['WASHINGTON (AP) — Congress met.'])).toEqual(['WASHINGTON → Q61']);
  });

  it('marks a short acronym of a little-known entity only once it is named in full', () => {
    expect(marks(['The vote closed at 9 PM.'])).toEqual([]);
    expect(marks(['The Purple Party (PM) won seats.', 'PM leaders met.'])).toEqual([
      'PM → Q48796385',
      'PM → Q48796385',
      'Purple Party → Q48796385',
    ]);
    expect(marks(['EU leaders met.'])).toEqual(['EU → Q458']);
  });
});

describe('a short word in capitals', () => {
  it('is an acronym, not a place of that name', () => {
    expect(marks(['TOI reported the vote.'])).toEqual([]);
    expect(marks(['Toi is a village of Niue.'])).toEqual(['Toi → Q2619168']);
    expect(marks(['AA said so.', 'Aa is a river.'])).toEqual(['Aa → Q300653']);
  });
});

describe('signs the words leave out', () => {
  it('does not read "Google+", "C++" or "Friday!" as the name without its sign', () => {
    expect(marks(['Google said Google+ would close.'])).toEqual(['Google → Q95']);
    expect(marks(['Version C of the plan.'])).toEqual([]);
    expect(marks(['Talks ended on Friday.'])).toEqual([]);
  });
});

describe('everyday words', () => {
  it('does not take a common word for a little-known namesake, nor a capital at a sentence start as proof', () => {
    expect(marks(['Todos votaron.', 'El Frente de Todos ganó.', 'Dijo que Todos ganó.'])).toEqual(
      [],
    );
    expect(marks(['China grew.', 'Trade with China grew.'])).toEqual([
      'China → Q148',
      'China → Q148',
    ]);
  });
});

describe('a lone first name or surname', () => {
  it('waits for the full name on the page', () => {
    expect(marks(['Trump said so.'])).toEqual([]);
    expect(marks(['Trump said so.', 'Donald Trump agreed.'])).toEqual([
      'Donald Trump → Q22686',
      'Trump → Q22686',
    ]);
  });
});

describe('case', () => {
  it('keeps acronyms in capitals (four letters or more may be written as a word)', () => {
    expect(marks(['Who knows what WHO said?'])).toEqual(['WHO → Q7817']);
    expect(marks(['Nato and NATO, not nato.'])).toEqual(['NATO → Q7184', 'Nato → Q7184']);
  });

  it('wants a capital in a proper name', () => {
    expect(marks(['Javier Milei gana la segunda vuelta en Ghana.'])).toEqual(['Ghana → Q117']);
  });

  it('keeps the capital of a longer name’s first word, but for "the", "de" and the like', () => {
    expect(marks(['Aid for Ukraine was voted.'])).toEqual([]);
    expect(marks(['The party For Ukraine! split.'])).toEqual(['For Ukraine → Q3918770']);
    expect(marks(['A speech by de Gaulle was read.'])).toEqual(['de Gaulle → Q1']);
  });

  it('wants a work’s "The": "Martian soil" is no film', () => {
    expect(marks(['The lander dug into Martian soil.'])).toEqual([]);
    expect(marks(['She watched The Martian again.'])).toEqual(['The Martian → Q18547944']);
  });

  it('wants every capital of a work’s title: a sentence that starts "The martian" is no film', () => {
    expect(marks(['The martian rover dug on.'])).toEqual([]);
    expect(marks(['The Martian opens a festival.'])).toEqual(['The Martian → Q18547944']);
  });
});

describe('addresses, code and words glued by symbols', () => {
  it('marks nothing inside them', () => {
    expect(
      marks([
        'See news.example.com/world/africa/sudan-sanctions.html or write to press@Sudan.example.',
        'The file paris_export.py and the handle @France are not places; nor is AT&T.',
      ]),
    ).toEqual([]);
    expect(inAddress('Israel/Palestine', 0, 6)).toBe(false);
    expect(inAddress('see https://x.org/Paris now', 18, 23)).toBe(true);
  });
});

describe('the article date', () => {
  it('does not choose an event that had not begun, unless the name says its year', () => {
    expect(marks(['The Gaza war goes on.'], '2023-11-01')).toEqual(['Gaza war → bs:gaza-war']);
    expect(marks(['The Gaza war goes on.'], '2014-07-20')).toEqual(['Gaza war → bs:gaza-war-2014']);
    expect(marks(['Tickets for the 2026 World Cup.'], '2022-12-18')).toEqual([
      '2026 World Cup → bs:world-cup-2026',
    ]);
  });

  it('is kept in the compiled matcher as day numbers, through storage', () => {
    const stored = decodeMatcher(encodeMatcher(data));
    const war = stringsOf(data.entityIds).indexOf('bs:gaza-war-2014');
    expect([stored.entityStart[war], stored.entityEnd[war]]).toEqual([20140708, 20140826]);
  });
});

describe('places', () => {
  it('does not take an area for its city, or a river for a city', () => {
    expect(marks(['Upstate New York and New York state voted.'])).toEqual([]);
    expect(marks(['Towns along the Dnipro and beyond flooded.'])).toEqual([]);
  });

  it('doubts a smaller city abroad on a page about another country', () => {
    expect(marks(['In Buenos Aires, Argentina, crowds filled the barrio of Palermo.'])).toEqual([
      'Argentina → Q414',
      'Buenos Aires → Q1486',
    ]);
    expect(marks(['In Palermo, Italy, the mayor spoke.'])).toEqual([
      'Italy → Q38',
      'Palermo → Q2656',
    ]);
  });

  it('takes a smaller city abroad related to a country the page names by its places, batch by batch', () => {
    // A long page is matched in batches: Amman (Jordan) in the first, Daraa (Syria, on Jordan's
    // border) in a later one. The same as when both come in one batch.
    const page = new PageMatch<number>(new Matcher(data));
    const named = (blocks: string[], from: number) =>
      page
        .match(blocks.map((text, i) => ({ key: from + i, text })))
        .mentions.map(
          (m) => `${blocks[m.key - from]?.slice(m.start, m.end)} → ${data.entityIds.at(m.entity)}`,
        );
    expect(named(['Envoys met in Amman.'], 0)).toEqual(['Amman → Q3805']);
    expect(named(['Fighting resumed in Daraa.'], 1)).toEqual(['Daraa → Q238217']);
    // A smaller city abroad with no tie to the page's country still waits.
    expect(named(['The barrio of Palermo filled.'], 2)).toEqual([]);
    expect(marks(['Envoys met in Amman.', 'Fighting resumed in Daraa.'])).toEqual([
      'Amman → Q3805',
      'Daraa → Q238217',
    ]);
  });

  it('wants the context of a village few write about, even named alone', () => {
    expect(marks(['Victoria Ashdown bakes.', 'Ashdown is also a collector.'])).toEqual([]);
    expect(marks(['Ashdown, Arkansas, voted.'])).toEqual(['Arkansas → Q1612', 'Ashdown → Q80080']);
  });
});

describe('inflected names', () => {
  it('declines Czech, Russian and German names when compiling', () => {
    expect(inflectionsOf('Ukrajina', 'cs')).toEqual(
      expect.arrayContaining(['Ukrajiny', 'Ukrajině', 'Ukrajinu', 'Ukrajinou']),
    );
    expect(inflectionsOf('Praha', 'cs')).toContain('Praze');
    expect(inflectionsOf('Česká republika', 'cs')).toContain('České republiky');
    expect(inflectionsOf('Россия', 'ru')).toEqual(expect.arrayContaining(['России', 'Россию']));
    expect(inflectionsOf('Russland', 'de')).toEqual(['Russlands']);
    expect(inflectionsOf('Paris', 'en')).toEqual([]);
    expect(marks(['Uprchlíci z Ukrajiny přijeli do Prahy, v Praze zůstanou.'])).toEqual([
      'Prahy → Q1085',
      'Praze → Q1085',
      'Ukrajiny → Q212',
    ]);
    expect(marks(['Russlands Präsident und die Ukraine; в России.'])).toEqual([
      'Russlands → Q159',
      'Ukraine → Q212',
      'России → Q159',
    ]);
  });
});

describe('kinds', () => {
  it('lists the schema’s kinds in the schema’s order', () => {
    expect(KIND_CODES).toEqual(ENTITY_KINDS);
  });
});
