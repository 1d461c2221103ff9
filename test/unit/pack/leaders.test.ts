import { describe, expect, it } from 'vitest';
import { alpha2 } from '../../../scripts/pack/breadth/country-codes';
import {
  buildLeaders,
  inferEnds,
  type LeaderTerm,
  looksPortuguese,
  partyLabel,
  personAliases,
  regnalShortName,
} from '../../../scripts/pack/breadth/leaders';
import {
  describeTerms,
  mergeTerms,
  officeFacts,
  officeName,
  partialDate,
} from '../../../scripts/pack/breadth/offices';

const row = (fields: Partial<LeaderTerm>): LeaderTerm => ({
  iso3: 'AUS',
  role: 'G',
  qid: 'Q1',
  name: 'Someone',
  start: '',
  end: '',
  party: '',
  ...fields,
});

describe('term dates → facts', () => {
  it('reads Wikidata year-precision dates (1 January) as years', () => {
    expect(partialDate('1990-01-01')).toBe('1990');
    expect(partialDate('2013-09-18')).toBe('2013-09-18');
    expect(partialDate('')).toBeUndefined();
  });

  it('joins terms that follow each other and keeps real gaps', () => {
    const merged = mergeTerms([
      { office: 'US Senator from Washington', from: '2001-01-03', to: '2007-01-03' },
      { office: 'US Senator from Washington', from: '2007-01-04', to: '2013-01-03' },
      { office: 'US Senator from Washington', from: '2013-01-03' },
      { office: 'Prime Minister of Israel', from: '1996-06-18', to: '1999-07-06' },
      { office: 'Prime Minister of Israel', from: '2009-03-31', to: '2021-06-13' },
    ]);
    expect(merged).toEqual([
      { office: 'Prime Minister of Israel', from: '1996-06-18', to: '1999-07-06' },
      { office: 'US Senator from Washington', from: '2001-01-03', to: undefined },
      { office: 'Prime Minister of Israel', from: '2009-03-31', to: '2021-06-13' },
    ]);
  });

  it('turns terms into dated Office facts, newest first', () => {
    expect(
      officeFacts([
        { office: 'Prime Minister of Australia', from: '2013-09-18', to: '2015-09-15' },
        { office: 'Leader of the Opposition', from: '2016' },
      ]),
    ).toEqual([
      { label: 'Office', value: 'Leader of the Opposition', from: '2016' },
      {
        label: 'Office',
        value: 'Prime Minister of Australia',
        from: '2013-09-18',
        to: '2015-09-15',
      },
    ]);
  });

  it('describes a person from the facts alone', () => {
    expect(
      describeTerms([
        { office: 'Prime Minister of Australia', from: '2013-09-18', to: '2015-09-15' },
      ]),
    ).toBe('Prime Minister of Australia 2013–2015');
    expect(
      describeTerms([
        { office: 'President of Russia', from: '2000-05-07', to: '2008-05-07' },
        { office: 'Prime Minister of Russia', from: '2008-05-08', to: '2012-05-07' },
        { office: 'President of Russia', from: '2012-05-07' },
      ]),
    ).toBe('President of Russia 2000–2008 and since 2012; Prime Minister of Russia 2008–2012');
  });

  it('names an office by its title only from the year the title applies', () => {
    const titles = { state: { title: 'President', since: 1959 } };
    expect(officeName('S', 'France', titles, '2017-05-14')).toBe('President of France');
    expect(officeName('S', 'France', titles, '1830')).toBe('Head of state of France');
    expect(officeName('G', 'France', titles, '2017')).toBe('Head of government of France');
  });

  it('closes an open term when the successor starts', () => {
    const terms = inferEnds([
      row({ qid: 'Q1', start: '2013-09-18' }),
      row({ qid: 'Q2', start: '2015-09-15' }),
    ]);
    expect(terms.find((term) => term.qid === 'Q1')?.end).toBe('2015-09-15');
    expect(terms.find((term) => term.qid === 'Q2')?.end).toBe('');
  });
});

describe('names and countries in the geografia data', () => {
  it('maps ISO alpha-3 codes to alpha-2 (country names there are Portuguese, codes are not)', () => {
    expect(alpha2('AFG')).toBe('AF');
    expect(alpha2('GBR')).toBe('GB');
    expect(alpha2('XXX')).toBeUndefined();
  });

  it('recognises Portuguese labels', () => {
    expect(looksPortuguese('Carlos III do Reino Unido', 'GB')).toBe(true);
    expect(looksPortuguese('Boris Iéltsin', 'RU')).toBe(true);
    expect(looksPortuguese('Leonid Kravtchuk', 'UA')).toBe(true);
    expect(looksPortuguese('Luís XIII de França', 'AD')).toBe(true);
    expect(looksPortuguese('François Mitterrand', 'FR')).toBe(false);
    expect(looksPortuguese('Luiz Inácio Lula da Silva', 'BR')).toBe(false);
    expect(looksPortuguese('Anthony Albanese', 'AU')).toBe(false);
    expect(partyLabel('Partido Baath', 'SY')).toBeUndefined();
    expect(partyLabel('Partido Justicialista', 'AR')).toBe('Partido Justicialista');
  });

  it('guards one-word names and shortens regnal ones', () => {
    expect(regnalShortName('Harald V of Norway')).toBe('Harald V');
    expect(regnalShortName('Albert II, Prince of Monaco')).toBe('Albert II');
    expect(personAliases(['Tony Abbott', 'Naruhito'])).toEqual([
      'Tony Abbott',
      { text: 'Naruhito', caseSensitive: true },
    ]);
  });

  it('builds people with dated offices, English names, and the offices in their country', () => {
    const rows = [
      row({
        qid: 'Q8',
        name: 'Tony Abbott',
        start: '2013-09-18T00:00:00Z'.slice(0, 10),
        end: '2015-09-15',
        party: 'Liberal Party of Australia',
      }),
      row({ qid: 'Q9', name: 'Malcolm Turnbull', start: '2015-09-15', end: '2018-08-24' }),
      row({
        iso3: 'GBR',
        role: 'S',
        qid: 'Q43274',
        name: 'Carlos III do Reino Unido',
        start: '2022-09-08',
      }),
      row({
        iso3: 'GBR',
        role: 'S',
        qid: 'Q10',
        name: 'Jorge VI do Reino Unido',
        start: '1936-12-11',
        end: '1952-02-06',
      }),
      row({
        iso3: 'HTI',
        role: 'S',
        qid: 'Q11',
        name: 'Conselho Presidencial de Transição',
        start: '2024-04-25',
      }),
    ];
    const { people, countryFacts } = buildLeaders(rows, new Map([['Q43274', 'Charles III']]));
    expect(people.map((person) => person.id)).toEqual(['Q43274', 'Q8', 'Q9']);
    const abbott = people.find((person) => person.id === 'Q8');
    expect(abbott?.description).toBe('Prime Minister of Australia 2013–2015');
    expect(abbott?.facts).toContainEqual({
      label: 'Office',
      value: 'Prime Minister of Australia',
      from: '2013-09-18',
      to: '2015-09-15',
    });
    expect(abbott?.facts).toContainEqual({ label: 'Party', value: 'Liberal Party of Australia' });
    expect(abbott?.related).toEqual(['Q408']);
    expect(people.find((person) => person.id === 'Q43274')?.name).toBe('Charles III');
    expect(countryFacts.get('AU')).toEqual([
      { label: 'Prime Minister', value: 'Malcolm Turnbull', from: '2015-09-15', to: '2018-08-24' },
      { label: 'Prime Minister', value: 'Tony Abbott', from: '2013-09-18', to: '2015-09-15' },
    ]);
  });
});
