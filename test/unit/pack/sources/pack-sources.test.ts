/** The sources today's pack reads (leaders, Congress, parties, organisations, regions, cities). */
import { describe, expect, it } from 'vitest';
import { congressItemsOf, parseCongressYaml } from '../../../../scripts/pack/sources/congress';
import {
  englishLeaderNames,
  HEAD_OF_GOVERNMENT,
  HEAD_OF_STATE,
  leaderItemsOf,
  parseGeografiaTerms,
} from '../../../../scripts/pack/sources/leaders';
import {
  organisationItemsOf,
  organisationRecords,
} from '../../../../scripts/pack/sources/organisations';
import { parseCsv } from '../../../../scripts/pack/sources/parse';
import { partyItemsOf, partyRows } from '../../../../scripts/pack/sources/parties';
import {
  cityRows,
  type RawCity,
  regionAndCityItemsOf,
  regionRows,
} from '../../../../scripts/pack/sources/regions-cities';

const GEOGRAFIA = `iso3,country,role,person,person_qid,start,end,party,end_cause
AUS,Austrália,head_of_government,Anthony Albanese,Q4773904,2022-05-23T00:00:00Z,,Australian Labor Party,
GBR,Reino Unido,head_of_state,Carlos III do Reino Unido,Q43274,2022-09-08T00:00:00Z,,,
SYR,Síria,head_of_government,Conselho de Ministros,Q1,2000-01-01T00:00:00Z,,,
FRA,França,head_of_state,Sem id,,2000-01-01T00:00:00Z,,,
`;

describe('leaders (geografia, every-politician)', () => {
  const terms = parseGeografiaTerms(GEOGRAFIA);
  const english = englishLeaderNames(
    parseCsv(GEOGRAFIA),
    parseCsv(
      'countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\nQ145,United Kingdom,Q9134365,monarch of the United Kingdom,Q43274,Charles III,2022,\n',
    ),
    parseCsv('id,name,gender\nQ4773904,Anthony Albanese,male\n'),
  );

  it('reads terms with ids, cut to the day', () => {
    expect(terms).toHaveLength(3);
    expect(terms[0]).toEqual({
      iso3: 'AUS',
      role: 'G',
      qid: 'Q4773904',
      name: 'Anthony Albanese',
      start: '2022-05-23',
      end: '',
      party: 'Australian Labor Party',
    });
  });

  it('takes English names that differ from geografia’s own', () => {
    expect([...english]).toEqual([['Q43274', 'Charles III']]);
  });

  it('gives people P39 terms and countries P35/P6, and skips councils', () => {
    const items = leaderItemsOf(terms, english);
    const charles = items.find((item) => item.id === 'Q43274');
    expect(charles?.labels).toEqual({ en: 'Charles III', pt: 'Carlos III do Reino Unido' });
    expect(charles?.sources).toEqual(['geografia', 'every-politician']);
    expect(charles?.claims.P39).toEqual([{ value: HEAD_OF_STATE, of: 'Q145', from: '2022-09-08' }]);
    const albanese = items.find((item) => item.id === 'Q4773904');
    expect(albanese?.labels).toEqual({ en: 'Anthony Albanese' });
    expect(albanese?.claims.P39?.[0]?.value).toBe(HEAD_OF_GOVERNMENT);
    const australia = items.find((item) => item.id === 'Q408');
    expect(australia?.claims.P6).toEqual([{ value: 'Q4773904', from: '2022-05-23' }]);
    expect(items.some((item) => item.id === 'Q1')).toBe(false);
  });
});

describe('Congress (congress-legislators)', () => {
  const records = parseCongressYaml(`
- id: { bioguide: K000367, wikidata: Q22237 }
  name: { first: Amy, last: Klobuchar, official_full: Amy Klobuchar }
  bio: { birthday: '1960-05-25' }
  terms:
    - { type: sen, start: '2019-01-03', end: '2025-01-03', state: MN, party: Democrat }
    - { type: sen, start: '2025-01-03', end: '2031-01-03', state: MN, party: Democrat }
- id: { bioguide: X000001 }
  name: { first: Nobody, last: Known }
  terms: [{ type: rep, start: '2025-01-03', end: '2027-01-03', state: MN, district: 9 }]
`);

  it('reads records as the breadth generator expects', () => {
    expect(records[0]?.slice(0, 4)).toEqual(['Q22237', 'Amy Klobuchar', 'Klobuchar', '1960-05-25']);
    expect(records[1]?.[4]).toEqual([['rep', '2025-01-03', '2027-01-03', 'MN', 9, '']]);
  });

  it('gives people with ids their offices, party and birth; terms not yet over stay open', () => {
    const items = congressItemsOf(records, '2026-01-01');
    expect(items.map((item) => item.id)).toEqual(['Q22237']);
    expect(items[0]?.claims.P39).toEqual([
      { value: 'Q4416090', from: '2019-01-03', to: '2025-01-03' },
      { value: 'Q4416090', from: '2025-01-03' },
    ]);
    expect(items[0]?.claims.P102).toEqual([{ value: 'Q29552' }]);
    expect(items[0]?.claims.P569).toEqual([{ value: '1960-05-25' }]);
  });
});

describe('parties (Party Facts)', () => {
  const rows = partyRows(
    'country,partyfacts_id,wikidata_id,name,name_short,name_native\nPSE,1,Q178888,Fatah,,فتح\nPSE,2,Q178888,Fatah again,,\nGBR,3,,No id,,\n',
    '"country","partyfacts_id","url","name_short","name","name_native","year_founded","year_dissolved"\n"PSE",1,"",,"Fatah","فتح","1959.0",\n',
  );

  it('keeps one row per id, with years', () => {
    expect(rows).toEqual([
      {
        qid: 'Q178888',
        iso3: 'PSE',
        name: 'Fatah',
        short: '',
        native: 'فتح',
        founded: '1959',
        dissolved: '',
      },
    ]);
  });

  it('gives P31 party, P17 and the native name in its script’s language', () => {
    const [fatah] = partyItemsOf(rows);
    expect(fatah?.labels).toEqual({ en: 'Fatah', ar: 'فتح' });
    expect(fatah?.claims).toEqual({
      P31: [{ value: 'Q7278' }],
      P17: [{ value: 'Q219060' }],
      P571: [{ value: '1959' }],
    });
  });
});

describe('organisations (Supraverden)', () => {
  const records = organisationRecords(`
Example Union:
  Wikidata_code: Q458
  Name_en: European Union
  Abbreviation_en: EU
  Type: EU itself
  Name_fr: Union européenne
  Year_established: 1993
  Assessment_against_FATF_definition: Included
No id body:
  Name_en: Nobody
`);

  it('keeps names and facts of entries with ids', () => {
    expect(records).toEqual([
      {
        qid: 'Q458',
        name: 'European Union',
        abbr: ['EU'],
        names: { fr: 'Union européenne' },
        type: 'EU itself',
        family: '',
        founded: '1993',
        hq: '',
      },
    ]);
    const [eu] = organisationItemsOf(records);
    expect(eu?.labels).toEqual({ en: 'European Union', fr: 'Union européenne' });
    expect(eu?.aliases).toEqual({ en: ['EU'] });
    expect(eu?.claims.P571).toEqual([{ value: '1993' }]);
  });
});

describe('regions and cities (countries-states-cities)', () => {
  const states =
    parseCsv(`id,name,country_id,country_code,country_name,iso2,iso3166_2,fips_code,type,level,parent_id,native,latitude,longitude,timezone,wikiDataId,population
1,Damascus Governorate,1,SY,Syria,DI,SY-DI,,governorate,,,محافظة دمشق,33.51020000,36.29128000,,Q2007044,
2,Some District,1,SY,Syria,XX,,,district,,1,,33.1,36.1,,Q999999,
`);
  const cities: RawCity[] = [
    {
      name: 'Damascus',
      country_code: 'SY',
      state_code: 'DI',
      type: 'capital',
      latitude: '33.51020000',
      longitude: '36.29128000',
      native: 'دمشق',
      population: 1569394,
      translations: { ar: 'دمشق', fr: 'Damas', br: 'Damasco', 'zh-CN': '大马士革' },
      wikiDataId: 'Q3766',
    },
    {
      name: 'Small Town',
      country_code: 'SY',
      state_code: 'DI',
      type: 'city',
      latitude: '33',
      longitude: '36',
      native: null,
      population: 900,
      translations: null,
      wikiDataId: 'Q12345',
    },
  ];

  it('gives the breadth generator first-level regions and big cities', () => {
    expect(regionRows(states).map((row) => [row.qid, row.lat, row.native])).toEqual([
      ['Q2007044', '33.510', 'محافظة دمشق'],
    ]);
    expect(cityRows(cities).map((row) => [row.qid, row.capital, row.ar, row.zh])).toEqual([
      ['Q3766', 'capital', 'دمشق', '大马士革'],
    ]);
  });

  it('gives every row with an id: country, region, population, capital, names', () => {
    const items = regionAndCityItemsOf(states, cities);
    expect(items.map((item) => item.id)).toEqual(['Q2007044', 'Q999999', 'Q3766', 'Q12345']);
    const district = items[1];
    expect(district?.claims.P131).toEqual([{ value: 'Q2007044' }]);
    const damascus = items[2];
    expect(damascus?.labels).toEqual({ en: 'Damascus', ar: 'دمشق', fr: 'Damas', zh: '大马士革' });
    expect(damascus?.claims).toEqual({
      P17: [{ value: 'Q858' }],
      P131: [{ value: 'Q2007044' }],
      P1082: [{ value: 1569394 }],
      P1376: [{ value: 'Q858' }],
    });
    expect(damascus?.point).toEqual({ lat: 33.5102, lon: 36.29128 });
  });
});
