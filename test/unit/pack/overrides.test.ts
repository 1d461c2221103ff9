import { describe, expect, it } from 'vitest';
import {
  CITY_EXTRA_IDS,
  CityOverrides,
  COUNTRY_EXTRA_ALIASES,
  OfficeOverrides,
  OverridesError,
  validateOverrides,
} from '../../../scripts/pack/breadth/overrides';

describe('override data (packs/overrides/*.yaml)', () => {
  it('loads the tables the generators use', () => {
    expect(COUNTRY_EXTRA_ALIASES.US).toContainEqual({ text: 'US', caseSensitive: true });
    expect(CITY_EXTRA_IDS).toContain(266826);
  });

  it('names the file, the entry and the field of a broken value', () => {
    const broken = {
      names: { 'IQ:Basrah': { name: 'Basra', aliases: [5] } },
      excluded: [],
      extraIds: {},
      forceStrict: [],
      keepGuarded: [],
      nativeNames: {},
      adminNames: {},
      leftToCurated: [],
      preferredNamesakes: [],
      cityStates: [],
      descriptions: {},
    };
    let error: unknown;
    try {
      validateOverrides('cities.yaml', CityOverrides, broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OverridesError);
    const problems = (error as OverridesError).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^cities\.yaml, field names\.IQ:Basrah\.aliases\[0\]: /);
  });

  it('rejects unknown fields and bad codes', () => {
    expect(() =>
      validateOverrides('offices.yaml', OfficeOverrides, {
        titles: { France: { state: { title: 'President', since: 1959 } } },
      }),
    ).toThrow(/offices\.yaml, field titles\.France: Expected an ISO 3166-1 alpha-2 code/);
    expect(() =>
      validateOverrides('offices.yaml', OfficeOverrides, {
        titles: { FR: { state: { title: 'President', since: 1959, until: 2000 } } },
      }),
    ).toThrow(/offices\.yaml, field titles\.FR\.state\.until: /);
  });
});
