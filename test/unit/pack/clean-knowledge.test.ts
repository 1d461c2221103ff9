import { describe, expect, it } from 'vitest';
import { cleanKnowledge, linkGeneratedCities } from '../../../scripts/pack/assemble-kb';
import { entity } from '../../support/entities';

const names = (entities: { name: string }[]) => entities.map((e) => e.name);

describe('knowledge-base entities as a reader meets them', () => {
  it('drops a name with no capital, whatever its punctuation', () => {
    const brand = { ...entity('Q7486956', 'organisation', 'restore:', { en: ['restore:'] }) };
    const firm = { ...entity('Q1', 'organisation', 'E.ON', { en: ['E.ON', 'e.on'] }) };
    const kept = cleanKnowledge([brand, firm]);
    expect(names(kept)).toEqual(['E.ON']);
    expect(kept[0]?.aliases.en).toEqual(['E.ON']);
  });

  it('drops a well-known work named by one everyday word, and keeps one with a name', () => {
    const album = { ...entity('Q201816', 'topic', 'Help!', { en: ['Help!'] }), popularity: 60 };
    const film = {
      ...entity('Q18547944', 'topic', 'The Martian', { en: ['The Martian'] }),
      popularity: 71,
    };
    const classic = {
      ...entity('Q2', 'topic', 'Casablanca', { en: ['Casablanca'] }),
      popularity: 90,
    };
    expect(names(cleanKnowledge([album, film, classic]))).toEqual(['The Martian', 'Casablanca']);
  });
});

describe('generated cities and the knowledge base’s places', () => {
  const city = (id: string, name: string, country: string) => ({
    ...entity(id, 'place', name),
    country,
  });
  const place = (id: string, name: string, en: string[], country?: string) => ({
    ...entity(id, 'place', name, { en }),
    ...(country ? { country } : {}),
  });

  it('are one entity when the base has one place of that name (or alias) for the city', () => {
    const linked = linkGeneratedCities(
      [city('bs:city-2886242', 'Köln', 'DE'), city('bs:city-3128760', 'Barcelona', 'ES')],
      [
        place('Q365', 'Cologne', ['Cologne', 'Koln']),
        place('Q1492', 'Barcelona', ['Barcelona'], 'ES'),
        place('Q1020', 'Barcelona', ['Barcelona'], 'VE'),
      ],
    );
    expect(linked.map((e) => e.id)).toEqual(['Q365', 'Q1492']);
  });

  it('stay apart when the base’s place could be another of that name', () => {
    const linked = linkGeneratedCities(
      [city('bs:city-1269843', 'Hyderabad', 'IN'), city('bs:city-5', 'Salvador', 'BR')],
      [
        place('Q1361', 'Hyderabad', ['Hyderabad']),
        place('Q207', 'Hyderabad', ['Hyderabad']),
        place('Q9', 'Salvador', ['Salvador'], 'SV'),
      ],
    );
    expect(linked.map((e) => e.id)).toEqual(['bs:city-1269843', 'bs:city-5']);
  });
});

describe('a generated city and a place the knowledge base describes only in words', () => {
  const city = (id: string, name: string, country: string, description: string) => ({
    ...entity(id, 'place', name),
    country,
    description,
  });
  const place = (id: string, name: string, description: string) => ({
    ...entity(id, 'place', name, { en: [name] }),
    description,
  });

  it('are one entity when exactly one such place is a city in its country (and region)', () => {
    const linked = linkGeneratedCities(
      [
        city('bs:city-2147714', 'Sydney', 'AU', 'City in Australia'),
        city('bs:city-4509177', 'Columbus', 'US', 'City in Ohio, the United States'),
        city('bs:city-1', 'Kochi', 'JP', 'City in Japan'),
      ],
      [
        place('Q3130', 'Sydney', 'Capital city of New South Wales, Australia'),
        place('Q2', 'Sydney', 'Community in Nova Scotia, Canada'),
        place('Q3', 'Columbus', 'City in Platte County, Nebraska, United States'),
        place('Q1800', 'Kochi', 'City in Kerala, India'),
      ],
    );
    expect(linked.map((e) => e.id)).toEqual(['Q3130', 'bs:city-4509177', 'bs:city-1']);
  });

  it('are one entity when the other place of that name is a region the pack already has', () => {
    const oblast = { ...place('Q3178', 'Kursk', 'Administrative region of Russia'), country: 'RU' };
    const linked = linkGeneratedCities(
      [oblast, city('bs:city-538560', 'Kursk', 'RU', 'City in Russia')],
      [oblast, place('Q3159', 'Kursk', 'City in the south of Russia')],
    );
    expect(linked.map((e) => e.id)).toEqual(['Q3178', 'Q3159']);
  });

  it('stay apart when two such places could be the city', () => {
    const linked = linkGeneratedCities(
      [city('bs:city-538560', 'Kursk', 'RU', 'City in Russia')],
      [
        place('Q3159', 'Kursk', 'City in the south of Russia'),
        place('Q4', 'Kursk', 'Town in Russia, now abandoned'),
      ],
    );
    expect(linked.map((e) => e.id)).toEqual(['bs:city-538560']);
  });
});
