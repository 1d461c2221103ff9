import { describe, expect, it } from 'vitest';
import type { Alias } from '@/utils/knowledge/schema';
import { compileMatcher } from '@/utils/match/compile';
import { findMentions } from '@/utils/match/find-mentions';
import { stringsOf } from '@/utils/match/matcher-data';
import { guardEverydayWords } from '../../../scripts/pack/guards/apply';
import { guardPlaceNamedOrganisations } from '../../../scripts/pack/guards/place-names';
import { entity } from '../../support/entities';

const everyday = (alias: Alias | undefined) => typeof alias === 'object' && alias.everyday === true;

describe('the everyday-word guard', () => {
  const village = {
    ...entity('Q4704494', 'place', 'Al Muqr', { ar: ['المقر'] }),
    popularity: 3,
  };
  const city = { ...entity('Q131301', 'place', 'Raqqa', { ar: ['الرقة'] }), popularity: 11 };
  const curated = entity('bs:qamishli', 'place', 'Qamishli', { ar: ['القامشلي'] });

  it('reads a little-known entity’s Arabic name with the article as the common noun it spells', () => {
    const entities = [structuredClone(village), structuredClone(city), structuredClone(curated)];
    guardEverydayWords(entities);
    const [guarded, known, ours] = entities;
    expect(everyday(guarded?.aliases.ar?.[0])).toBe(true);
    expect(everyday(known?.aliases.ar?.[0])).toBe(false);
    // A curated entity (no popularity) is taken at its pack's word.
    expect(everyday(ours?.aliases.ar?.[0])).toBe(false);
  });

  it('leaves a state’s or a country’s own name a name, though German texts use it often', () => {
    const iso = (code: string) => [{ label: 'ISO 3166-2', value: code }];
    const texas = { ...entity('Q1439', 'place', 'Texas'), facts: iso('US-TX'), popularity: 12 };
    const england = { ...entity('Q21', 'place', 'England'), facts: iso('GB-ENG'), popularity: 15 };
    // "Wald" (forest) is a common German noun, and a village's name.
    const village = { ...entity('Q1', 'place', 'Wald'), popularity: 3 };
    const entities = [texas, england, village].map((e) => structuredClone(e));
    guardEverydayWords(entities);
    const [guardedTexas, guardedEngland, guardedVillage] = entities;
    expect(everyday(guardedTexas?.aliases.en?.[0])).toBe(false);
    expect(everyday(guardedEngland?.aliases.en?.[0])).toBe(false);
    expect(everyday(guardedVillage?.aliases.en?.[0])).toBe(true);
  });

  it('so "the headquarters" is no village, while Raqqa is still marked', () => {
    const entities = [structuredClone(village), structuredClone(city)];
    guardEverydayWords(entities);
    const { data } = compileMatcher(entities);
    const text = 'عاد الوفد إلى المقر بعد زيارة الرقة.';
    const marked = (findMentions(data, [text])[0] ?? []).map((m) => text.slice(m.start, m.end));
    expect(marked).toEqual(['الرقة']);
  });
});

describe('the everyday-abbreviation guard', () => {
  const party = {
    ...entity('Q48796385', 'organisation', 'Purple Party', {
      en: ['Purple Party', { text: 'PM', caseSensitive: true }],
    }),
    related: ['Q419'],
    popularity: 10,
  };
  const peru = { ...entity('Q419', 'place', 'Peru'), popularity: 300 };
  const spd = {
    ...entity('Q49768', 'organisation', 'Social Democratic Party of Germany', {
      en: ['Social Democratic Party of Germany', { text: 'SPD', caseSensitive: true }],
    }),
    popularity: 20,
  };

  it('reads "PM" as the time of day or the prime minister, not a little-known party', () => {
    const entities = [structuredClone(party), structuredClone(peru), structuredClone(spd)];
    guardEverydayWords(entities);
    expect(everyday(entities[0]?.aliases.en?.[1])).toBe(true);
    // An acronym that is no everyday abbreviation keeps its mark.
    expect(everyday(entities[2]?.aliases.en?.[1])).toBe(false);
    const { data } = compileMatcher(entities);
    const marked = (text: string) =>
      (findMentions(data, [text])[0] ?? []).map((m) => text.slice(m.start, m.end));
    expect(marked('The PM spoke at 9 PM, and SPD leaders listened.')).toEqual(['SPD']);
    // Named in full, the party is marked by its acronym too.
    expect(marked('The Purple Party won two seats, and PM leaders met.')).toEqual([
      'Purple Party',
      'PM',
    ]);
  });
});

describe('the guard on organisations called by a place’s name', () => {
  const population = [{ label: 'Population', value: '632,743 (GeoNames figure)' }];
  const city = { ...entity('Q1022', 'place', 'Stuttgart'), facts: population, popularity: 20 };
  const club = {
    ...entity('Q4512', 'organisation', 'VfB Stuttgart', { en: ['VfB Stuttgart', 'Stuttgart'] }),
    popularity: 85,
  };
  const company = { ...entity('Q53268', 'organisation', 'Toyota'), popularity: 150 };
  const town = { ...entity('Q207723', 'place', 'Toyota'), facts: population, popularity: 40 };
  const marks = (text: string) => {
    const entities = [city, club, company, town].map((e) => structuredClone(e));
    guardPlaceNamedOrganisations(entities);
    const { data } = compileMatcher(entities);
    return (findMentions(data, [text])[0] ?? []).map(
      (m) => `${text.slice(m.start, m.end)} → ${stringsOf(data.entityIds)[m.entity]}`,
    );
  };

  it('leaves a travel page’s city to the city', () => {
    expect(marks('The train runs from Munich to Stuttgart twice a day.')).toEqual([
      'Stuttgart → Q1022',
    ]);
  });

  it('gives the name to the club once the page names the club in full', () => {
    expect(marks('VfB Stuttgart won again. Stuttgart scored twice.')).toEqual([
      'VfB Stuttgart → Q4512',
      'Stuttgart → Q4512',
    ]);
  });

  it('keeps an organisation’s own name its own', () => {
    expect(marks('Toyota sold more cars this year.')).toEqual(['Toyota → Q53268']);
  });

  it('leaves acronyms and curated entries as they are written', () => {
    const capital = {
      ...entity('Q2471', 'place', 'Sanaa', { en: ['Sanaa', 'Sana'] }),
      facts: population,
    };
    const agency = entity('bs:sana', 'organisation', 'Syrian Arab News Agency', { en: ['SANA'] });
    const curatedClub = entity('bs:club', 'organisation', 'VfB Stuttgart', { en: ['Stuttgart'] });
    const entities = [capital, agency, curatedClub, structuredClone(city)];
    expect(guardPlaceNamedOrganisations(entities, new Set(['bs:club']))).toBe(0);
    expect(agency.aliases.en).toEqual(['SANA']);
    expect(curatedClub.aliases.en).toEqual(['Stuttgart']);
  });
});
