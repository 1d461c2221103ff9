/** Sources with names but few or no ids: newspapers, clubs, universities, WordNet, Phoenix. */
import { describe, expect, it } from 'vitest';
import { newItem } from '../../../../scripts/pack/kb/item';
import {
  clubCountry,
  footballClubItemsOf,
  parseClubNames,
  parseClubs,
} from '../../../../scripts/pack/sources/football-clubs';
import { foldName, NameIndex } from '../../../../scripts/pack/sources/name-index';
import { parseTsv } from '../../../../scripts/pack/sources/parse';
import {
  actorKind,
  newPhoenixStats,
  parseActors,
  phoenixItemsOf,
} from '../../../../scripts/pack/sources/phoenix-actors';
import { universityItemsOf } from '../../../../scripts/pack/sources/universities';
import { usNewspaperItemsOf } from '../../../../scripts/pack/sources/us-newspapers';
import { parseSynset, synsetLabel, wordnetItemsOf } from '../../../../scripts/pack/sources/wordnet';

describe('US newspapers', () => {
  it('gives ids where the list has them, slugs where not', () => {
    const items = usNewspaperItemsOf(
      parseTsv(
        'WP-title\tstate\tpageid\tpath\tqid\nThe Dispatch (Lexington)\tNorth Carolina\t123\t/wiki/The_Dispatch\tQ7730364\nValley Gazette\tOhio\t\t\t\n',
      ),
    );
    expect(items[0]).toMatchObject({
      id: 'Q7730364',
      labels: { en: 'The Dispatch' },
      wikipedia: { en: 'The Dispatch (Lexington)' },
      claims: { P31: [{ value: 'Q11032' }], P17: [{ value: 'Q30' }] },
      kindHint: 'organisation',
    });
    expect(items[1]?.id).toBe('bs:newspaper-valley-gazette-ohio');
    expect(items[1]?.wikipedia).toBeUndefined();
  });
});

describe('football clubs (openfootball)', () => {
  const clubs = `= Argentina

== Buenos Aires ==

Boca Juniors,       1905, @ La Bombonera, Buenos Aires   ## comment
  | Boca | Boca Jrs
  | CA Boca Juniors     # old name
River Plate,        Buenos Aires
ii) River Plate II
 Calle 1 No. 100 // an address line
`;

  it('reads clubs, their other names and years; no line carries an id', () => {
    expect(parseClubs(clubs)).toEqual([
      { name: 'Boca Juniors', aliases: ['Boca', 'Boca Jrs', 'CA Boca Juniors'], founded: '1905' },
      { name: 'River Plate', aliases: [] },
    ]);
    expect(parseClubNames('# teams\nAl Ahly,   النادي_الأهلي\n')).toEqual([
      ['Al Ahly', 'النادي الأهلي'],
    ]);
    expect(clubCountry('europe/england/eng.clubs.txt')).toBe('GB');
  });

  it('gives bs: items with country, year, names in other scripts and Wikipedia titles', () => {
    const items = footballClubItemsOf({
      clubs: [['south-america/argentina/ar.clubs.txt', clubs]],
      names: [['south-america/argentina/ar.clubs.lang.ar.txt', 'Boca Juniors, بوكا جونيورز\n']],
      wiki: ['River Plate'],
    });
    expect(items[0]).toMatchObject({
      id: 'bs:club-ar-boca-juniors',
      labels: { en: 'Boca Juniors', ar: 'بوكا جونيورز' },
      claims: { P31: [{ value: 'Q476028' }], P17: [{ value: 'Q414' }], P571: [{ value: '1905' }] },
    });
    expect(items[1]?.wikipedia).toEqual({ en: 'River Plate' });
  });
});

describe('universities (Hipo)', () => {
  it('gives bs: items with country and website', () => {
    const [item] = universityItemsOf([
      {
        name: 'Damascus University',
        country: 'Syria',
        alpha_two_code: 'SY',
        web_pages: ['http://www.damascusuniversity.edu.sy/'],
      },
    ]);
    expect(item).toMatchObject({
      id: 'bs:university-sy-damascus-university',
      labels: { en: 'Damascus University' },
      claims: {
        P31: [{ value: 'Q3918' }],
        P17: [{ value: 'Q858' }],
        P856: [{ value: 'http://www.damascusuniversity.edu.sy/' }],
      },
    });
  });
});

describe('WordNet instances', () => {
  // Invented offsets in data.noun's format: a class chain and two instances.
  const DATA = [
    '  1 This software and database is being provided to you, the LICENSEE',
    '00000001 03 n 01 entity 0 000 | that which exists',
    '00000002 03 n 01 person 0 001 @ 00000001 n 0000 | a human being',
    '00000003 18 n 01 physicist 0 001 @ 00000002 n 0000 | a scientist',
    '00000004 18 n 02 Einstein 0 Albert_Einstein 0 001 @i 00000003 n 0000 | physicist born in Germany; "Einstein was wrong once"',
    '00000005 14 n 01 organization 0 001 @ 00000001 n 0000 | a group of people',
    '00000006 14 n 02 United_Nations 0 UN 0 001 @i 00000005 n 0000 | an organization of independent states',
  ].join('\n');

  it('parses synsets and picks the fuller name', () => {
    expect(parseSynset(DATA.split('\n')[0] ?? '')).toBeUndefined();
    expect(parseSynset(DATA.split('\n')[4] ?? '')).toMatchObject({
      offset: '00000004',
      lexFile: 18,
      words: ['Einstein', 'Albert Einstein'],
      instanceOf: ['00000003'],
    });
    expect(synsetLabel(['Einstein', 'Albert Einstein'])).toBe('Albert Einstein');
    expect(synsetLabel(['United Nations', 'UN'])).toBe('United Nations');
  });

  it('gives bs:wn items with aliases, the gloss and a kind', () => {
    const items = wordnetItemsOf(DATA);
    expect(items).toEqual([
      {
        id: 'bs:wn-00000004',
        labels: { en: 'Albert Einstein' },
        aliases: { en: ['Einstein'] },
        descriptions: { en: 'physicist born in Germany' },
        claims: {},
        sources: ['wordnet'],
        kindHint: 'person',
      },
      expect.objectContaining({
        id: 'bs:wn-00000006',
        kindHint: 'organisation',
        aliases: { en: ['UN'] },
      }),
    ]);
  });
});

describe('Phoenix actors', () => {
  const FILE = `# comment
AFGHANISTAN_  [AFG]
+AFGANISTAN_
+KABUL_
HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
ABU_NIDAL_ORGANIZATION_(ANO)_ [IMGMUSALQ] #  kkl 21 Mar 13
+FATAH_REVOLUTIONARY_COUNCIL_
UNKNOWN_PERSON_
\t[AFGGOV 010101-020202]
`;

  it('parses actors, their variants and codes', () => {
    const actors = parseActors(FILE);
    expect(actors.map((actor) => actor.names)).toEqual([
      ['AFGHANISTAN', 'AFGANISTAN', 'KABUL'],
      ['HAMID KARZAI', 'KARZAI', 'PRESIDENT KARZAI'],
      ['ABU NIDAL ORGANIZATION', 'ANO', 'FATAH REVOLUTIONARY COUNCIL'],
      ['UNKNOWN PERSON'],
    ]);
    expect(actors.map((actor) => actorKind(actor))).toEqual([
      'place',
      'person',
      'organisation',
      'person',
    ]);
  });

  it('joins by name, with capitals only where another source spells the name', () => {
    const item = (id: string, label: string, kind: 'place' | 'person' | 'organisation') => ({
      ...newItem(id as 'Q1', 'test'),
      labels: { en: label },
      kindHint: kind,
    });
    const index = new NameIndex().add(
      [
        item('Q889', 'Afghanistan', 'place'),
        item('Q5838', 'Kabul', 'place'),
        item('Q15003', 'Hamid Karzai', 'person'),
        item('Q123', 'Karzai', 'place'),
        item('Q456', 'Abu Nidal Organization', 'organisation'),
      ],
      2,
    );
    const stats = newPhoenixStats();
    const items = phoenixItemsOf([['Phoenix.Countries.actors.txt', FILE]], index, stats);
    expect(items.map((found) => [found.id, found.aliases.en])).toEqual([
      ['Q889', ['Afghanistan']],
      ['Q15003', ['Hamid Karzai', 'Karzai']],
      ['Q456', ['Abu Nidal Organization']],
    ]);
    expect(stats).toMatchObject({ actors: 4, joined: 3, ownItems: 0, dropped: 1 });
    expect(foldName('The United Nations')).toBe('united nations');
  });
});
