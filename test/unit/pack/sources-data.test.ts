import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/utils/match/compile';
import { findMentions } from '@/utils/match/find-mentions';
import {
  addGeonamesNames,
  buildMoreCities,
  type CityRow,
  cityNameFlags,
} from '../../../scripts/pack/breadth/more-cities';
import {
  abbreviationAlias,
  buildOrganisations,
  describeOrganisation,
} from '../../../scripts/pack/breadth/organisations';
import {
  buildParties,
  describeParty,
  isAcronym,
  type PartyRow,
} from '../../../scripts/pack/breadth/parties';
import {
  buildRegions,
  type RegionRow,
  withoutArabicArticle,
} from '../../../scripts/pack/breadth/regions';
import { entity } from '../../support/entities';

const party = (fields: Partial<PartyRow>): PartyRow => ({
  qid: 'Q1',
  iso3: 'GBR',
  name: 'Party',
  short: '',
  native: '',
  founded: '',
  dissolved: '',
  ...fields,
});

describe('parties (Party Facts)', () => {
  const parties = buildParties([
    party({ qid: 'Q9630', name: 'Labour Party', short: 'Lab', founded: '1900' }),
    party({ qid: 'Q2', iso3: 'NZL', name: 'Labour Party', short: 'NZLP' }),
    party({
      qid: 'Q3',
      iso3: 'TUR',
      name: 'Justice and Development Party',
      short: 'AKP',
      native: 'Adalet ve Kalkınma Partisi',
    }),
    party({ qid: 'Q4', iso3: 'DEU', name: 'The Republicans', short: 'REP', founded: '1983' }),
    party({
      qid: 'Q5',
      iso3: 'IRQ',
      name: 'Islamic Dawa Party',
      native: 'حزب الدعوة الإسلامية',
      founded: '1957',
      dissolved: '',
    }),
    party({ qid: 'Q178888', iso3: 'PSE', name: 'Fatah', native: 'فتح', founded: '1959' }),
  ]);
  const byId = new Map(parties.map((item) => [item.id, item]));

  it('needs context for names several countries share, and keeps acronyms in capitals', () => {
    expect(byId.get('Q9630')?.aliases.en).toEqual([{ text: 'Labour Party', requireContext: true }]);
    expect(byId.get('Q3')?.aliases.en).toEqual([
      'Justice and Development Party',
      { text: 'AKP', caseSensitive: true },
    ]);
    expect(isAcronym('PiS')).toBe(true);
    expect(isAcronym('Lab')).toBe(false);
  });

  it('lets a one-word name that is an English word mark only after the party is named otherwise', () => {
    expect(byId.get('Q4')?.aliases.en?.[0]).toEqual({
      text: 'The Republicans',
      caseSensitive: true,
      neverAlone: true,
    });
  });

  it('keeps native names in their script and builds the description from facts', () => {
    expect(byId.get('Q5')?.aliases.ar).toEqual(['حزب الدعوة الإسلامية']);
    expect(byId.get('Q5')?.translations?.ar?.name).toBe('حزب الدعوة الإسلامية');
    expect(byId.get('Q3')?.aliases.tr).toBeUndefined();
    // فتح is also the everyday verb "opened": alone it waits for Palestine or a related name.
    expect(byId.get('Q178888')?.aliases.ar).toEqual([{ text: 'فتح', requireContext: true }]);
    expect(describeParty('France', '1958', '')).toBe('Political party in France, founded 1958');
    expect(describeParty('Italy', '1943', '1994')).toBe(
      'Former political party in Italy (1943–1994)',
    );
  });
});

describe('international organisations (Supraverden, names and facts only)', () => {
  it('builds names, abbreviations and facts, and names the share-alike source', () => {
    const [eu] = buildOrganisations([
      {
        qid: 'Q458',
        name: 'European Union',
        abbr: ['EU'],
        names: { ar: 'الاتحاد الأوروبي', fr: 'Union européenne' },
        type: 'EU itself',
        family: 'EU institutions and bodies',
        founded: '1993',
        hq: 'Brussels, Belgium',
      },
    ]);
    expect(eu?.aliases.en).toEqual(['European Union', { text: 'EU', caseSensitive: true }]);
    expect(eu?.aliases.ar).toEqual(['الاتحاد الأوروبي']);
    expect(eu?.translations?.ar?.name).toBe('الاتحاد الأوروبي');
    expect(eu?.sources[0]?.licence).toBe('CC BY-SA 4.0');
    expect(
      describeOrganisation({
        type: 'UN specialized agency',
        family: 'UN and affiliates',
        founded: '1948',
      }),
    ).toBe('UN specialized agency (UN and affiliates), founded 1948');
    expect(abbreviationAlias('WHO')).toEqual({
      text: 'WHO',
      caseSensitive: true,
      requireContext: true,
    });
  });
});

describe('regions and cities (countries-states-cities, GeoNames)', () => {
  const region = (fields: Partial<RegionRow>): RegionRow => ({
    qid: 'Q1',
    cc: 'IQ',
    name: 'Region',
    native: '',
    type: 'governorate',
    iso: '',
    lat: '0',
    lon: '0',
    population: '',
    ...fields,
  });

  it('builds regions with their Arabic name, guarded like the word lists say', () => {
    const regions = buildRegions([
      region({
        qid: 'Q187334',
        name: 'Al Anbar',
        native: 'الأنبار',
        iso: 'IQ-AN',
        lat: '32.8',
        lon: '41.6',
      }),
      region({ qid: 'Q2', cc: 'ZM', name: 'Central', type: 'province' }),
      region({ qid: 'Q3', cc: 'KE', name: 'Central Province', type: 'province' }),
      region({ qid: 'Q4', cc: 'SY', name: 'Daraa' }),
    ]);
    expect(regions.map((item) => item.id)).toEqual(['Q187334', 'Q3']);
    expect(regions[0]?.description).toBe('Governorate of Iraq');
    expect(regions[0]?.aliases.en).toEqual([
      { text: 'Al Anbar', caseSensitive: true },
      { text: 'Anbar', caseSensitive: true },
    ]);
    expect(regions[0]?.translations?.ar?.name).toBe('الأنبار');
    expect(regions[1]?.aliases.en?.[0]).toEqual({
      text: 'Central Province',
      caseSensitive: true,
      requireContext: true,
    });
    expect(withoutArabicArticle('Al Kut')).toBeUndefined();
    expect(withoutArabicArticle('Al Bayda')).toBe('Bayda');
  });

  it('guards small towns and leaves out everyday words', () => {
    expect(cityNameFlags('Basel', 176_000)).toEqual({ caseSensitive: true });
    expect(cityNameFlags('Preston', 40_000)).toEqual({ caseSensitive: true, requireContext: true });
    expect(cityNameFlags('Bath', 90_000)).toBeNull();
  });

  it('adds other names to cities already in the pack and new cities with an Arabic name', () => {
    const amman = entity('Q3805', 'place', 'Amman', { en: ['Amman'] });
    amman.country = 'JO';
    amman.sources = [{ title: 'GeoNames', url: 'https://www.geonames.org/250441' }];
    expect(
      addGeonamesNames([amman], [{ geonameid: '250441', ar: 'عمان', fa: 'امان', he: 'עמאן' }]),
    ).toBe(1);
    expect(amman.aliases.ar).toEqual([{ text: 'عمان', requireContext: true }]);
    expect(amman.aliases.fa).toBeUndefined();
    expect(amman.translations?.ar?.name).toBe('عمان');

    const city = (fields: Partial<CityRow>): CityRow => ({
      qid: 'Q1',
      cc: 'CH',
      state: '',
      name: 'City',
      capital: '',
      lat: '47.5',
      lon: '7.6',
      population: '176329',
      ar: '',
      fa: '',
      ru: '',
      zh: '',
      ...fields,
    });
    const added = buildMoreCities(
      [amman],
      [
        city({ qid: 'Q78', name: 'Basel', ar: 'بازل', ru: 'Базель' }),
        city({ qid: 'Q3805', cc: 'JO', name: 'Amman', population: '4000000', zh: '安曼' }),
      ],
    );
    expect(added.map((item) => item.id)).toEqual(['Q78']);
    expect(added[0]?.aliases).toEqual({
      en: [{ text: 'Basel', caseSensitive: true }],
      ar: [{ text: 'بازل', requireContext: true }],
      ru: ['Базель'],
    });
    expect(added[0]?.translations?.ar?.name).toBe('بازل');
    expect(amman.aliases.zh).toEqual(['安曼']);
  });

  it('marks a guarded town only with its capitals and a cue', () => {
    const [preston] = buildMoreCities(
      [],
      [
        {
          qid: 'Q184090',
          cc: 'GB',
          state: '',
          name: 'Preston',
          capital: '',
          lat: '53.8',
          lon: '-2.7',
          population: '40000',
          ar: '',
          fa: '',
          ru: '',
          zh: '',
        },
      ],
    );
    if (!preston) throw new Error('no town');
    const { data } = compileMatcher([preston]);
    const ids = (text: string) =>
      findMentions(data, [text])[0]?.map((m) => data.entityIds.at(m.entity));
    expect(ids('Preston North End won.')).toEqual([]);
    expect(ids('In Preston, a British town, it rained.')).toEqual(['Q184090']);
    expect(ids('in preston, a British town')).toEqual([]);
  });
});
