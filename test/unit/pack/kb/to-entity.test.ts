import { describe, expect, it } from 'vitest';
import { classify } from '../../../../scripts/pack/kb/classify';
import { readDump } from '../../../../scripts/pack/kb/dump';
import { type KbItem, type KbSource, newItem } from '../../../../scripts/pack/kb/item';
import { LabelTable } from '../../../../scripts/pack/kb/labels';
import { FIXTURE_ITEMS } from '../../../../scripts/pack/kb/synthetic-dump';
import { type EntityClass, popularityOf, toEntity } from '../../../../scripts/pack/kb/to-entity';
import { sourceRegistry } from '../../../../scripts/pack/kb/trust';
import type { Entity } from '../../../../utils/knowledge/schema';
import { validatePack } from '../../../../utils/knowledge/validate';
import { packOf } from './pack-of';

const SOURCES: KbSource[] = [
  {
    id: 'leaders',
    title: 'Heads of state and government (geografia, Wikidata facts)',
    url: 'https://github.com/cfmessias/geografia',
    licence: 'CC0-1.0',
    trust: 2,
  },
];

function labels(names: Record<string, string> = {}): LabelTable {
  const table = LabelTable.withCountries();
  for (const [id, name] of Object.entries(names)) table.setName(id, name);
  return table;
}

function entityOf(item: KbItem, cls: EntityClass, table = labels()): Entity {
  const entity = toEntity(item, cls, { labels: table, sources: sourceRegistry(SOURCES) });
  if (!entity) throw new Error('no entity');
  return entity;
}

function person(name: string, extra: Partial<KbItem> = {}): KbItem {
  return { ...newItem('Q1', 'wikidata'), labels: { en: name }, ...extra };
}

const PERSON: EntityClass = { kind: 'person', noun: 'person' };

describe('item → entity', () => {
  it('turns every fixture item with a kind into an entity the pack schema accepts', async () => {
    const entities: Entity[] = [];
    for await (const read of readDump(FIXTURE_ITEMS)) {
      const verdict = classify(read, { keepUnclassified: true });
      if (!verdict.keep) continue;
      const entity = toEntity(read, verdict, { labels: labels(), sources: sourceRegistry() });
      if (entity) entities.push(entity);
    }
    expect(entities.map((entity) => entity.id)).toContain('Q2112');
    const result = validatePack(packOf(entities));
    expect(result.ok ? [] : result.errors).toEqual([]);
    const bielefeld = entities.find((entity) => entity.id === 'Q2112');
    expect(bielefeld).toMatchObject({
      kind: 'place',
      name: 'Bielefeld',
      description: 'city in Germany',
      country: 'DE',
      popularity: 109,
      dates: { start: '1214' },
      coordinates: { lat: 52.016666666667, lon: 8.5333333333333 },
    });
    expect(bielefeld?.facts).toContainEqual({ label: 'Population', value: '334,002 (2021)' });
    expect(bielefeld?.facts).toContainEqual({ label: 'Country', value: 'Germany' });
    expect(bielefeld?.translations?.ru?.name).toBe('Билефельд');
    expect(bielefeld?.sources).toEqual([
      { title: 'Wikidata Q2112', url: 'https://www.wikidata.org/wiki/Q2112', licence: 'CC0-1.0' },
    ]);
  });

  it('gives a person with a multi-word name their surname, marked only after the full name', () => {
    const maliki = entityOf(person('Nouri al-Maliki'), PERSON);
    expect(maliki.aliases.en).toEqual([
      'Nouri al-Maliki',
      { text: 'Maliki', neverAlone: true },
      { text: 'al-Maliki', neverAlone: true },
    ]);
  });

  it('keeps acronyms as written, two-letter ones only for well-known items', () => {
    const org = (sitelinks: number) => ({
      ...newItem('Q7184', 'wikidata'),
      labels: { en: 'North Atlantic Treaty Organization' },
      aliases: { en: ['NATO', 'NA'], fr: ['OTAN'] },
      sitelinks,
    });
    const cls: EntityClass = { kind: 'organisation', noun: 'organisation' };
    expect(entityOf(org(150), cls).aliases).toMatchObject({
      en: ['North Atlantic Treaty Organization', 'NATO', { text: 'NA', caseSensitive: true }],
      fr: ['OTAN'],
    });
    expect(entityOf(org(20), cls).aliases.en).toEqual([
      'North Atlantic Treaty Organization',
      'NATO',
    ]);
  });

  it('names a company or a club without its legal form too, as news does', () => {
    const cls: EntityClass = { kind: 'organisation', noun: 'organisation' };
    const org = (id: KbItem['id'], name: string, sitelinks = 40) =>
      entityOf({ ...newItem(id, 'wikidata'), labels: { en: name }, sitelinks }, cls).aliases.en;
    expect(org('Q1359568', 'Alibaba Group')).toEqual(['Alibaba Group', 'Alibaba']);
    expect(org('Q18656', 'Manchester United F.C.')).toEqual([
      'Manchester United F.C.',
      'Manchester United',
    ]);
    // A short form that is an English word is guarded as any one-word name is.
    expect(org('Q312', 'Apple Inc.')).toEqual([
      'Apple Inc.',
      { text: 'Apple', caseSensitive: true, requireContext: true },
    ]);
    expect(org('Q7156', 'FC Barcelona')).toEqual(['FC Barcelona']);
    // Not for the little-known: a "survey" is no Encuesta, Inc.
    expect(org('Q5375633', 'Encuesta, Inc.', 3)).toEqual(['Encuesta, Inc.']);
  });

  it('guards one-word names that are English words', () => {
    const reading = { ...newItem('Q161491', 'wikidata'), labels: { en: 'Reading' } };
    const entity = entityOf(reading, { kind: 'place', noun: 'town' });
    expect(entity.aliases.en).toEqual([
      { text: 'Reading', caseSensitive: true, requireContext: true },
    ]);
  });

  it('writes a short description from kind and country when Wikidata gives none', () => {
    const daraa = {
      ...newItem('Q238217', 'wikidata'),
      labels: { en: 'Daraa' },
      claims: { P31: [{ value: 'Q515' }], P17: [{ value: 'Q858' }] },
    };
    const entity = entityOf(daraa, { kind: 'place', noun: 'city' });
    expect(entity).toMatchObject({ description: 'city in Syria', country: 'SY' });
    expect(entity.facts).toEqual([{ label: 'Country', value: 'Syria' }]);
    const battle = {
      ...newItem('Q5000', 'wikidata'),
      labels: { en: 'Battle of Somewhere' },
      claims: { P17: [{ value: 'Q858' }], P585: [{ value: '2018-06' }] },
    };
    expect(entityOf(battle, { kind: 'event', noun: 'battle' })).toMatchObject({
      description: 'battle in Syria (2018)',
      dates: { start: '2018-06' },
    });
    const dane = person('Henning Christophersen', {
      claims: {
        P27: [{ value: 'Q35' }],
        P106: [{ value: 'Q82955' }],
        P569: [{ value: '1939-11-08' }],
        P570: [{ value: '2016-12-31' }],
      },
    });
    expect(entityOf(dane, PERSON, labels({ Q82955: 'politician' })).description).toBe(
      'Danish politician (1939–2016)',
    );
  });

  it('writes offices and party as the leaders’ cards do, naming items from the label table', () => {
    const item = person('Henning Christophersen', {
      claims: {
        P39: [
          { value: 'Q1780230', from: '1989-01-06', to: '1995-01-22' },
          { value: 'Q651703', from: '1985-01-06', to: '1989-01-05' },
          { value: 'Q651703', from: '1989-01-06', to: '1995-01-22' },
          { value: 'Q999' },
        ],
        P102: [{ value: 'Q217321' }],
      },
      sources: ['leaders', 'wikidata'],
    });
    const table = labels({
      Q1780230: 'Vice-President of the European Commission',
      Q651703: 'European Commissioner',
      Q217321: 'Venstre',
    });
    const entity = entityOf(item, PERSON, table);
    expect(entity.facts).toEqual([
      {
        label: 'Office',
        value: 'Vice-President of the European Commission',
        from: '1989-01-06',
        to: '1995-01-22',
      },
      { label: 'Office', value: 'European Commissioner', from: '1985-01-06', to: '1995-01-22' },
      { label: 'Party', value: 'Venstre' },
    ]);
    expect(entity.sources).toEqual([
      { title: 'Wikidata Q1', url: 'https://www.wikidata.org/wiki/Q1', licence: 'CC0-1.0' },
      {
        title: 'Heads of state and government (geografia, Wikidata facts)',
        url: 'https://github.com/cfmessias/geografia',
        licence: 'CC0-1.0',
      },
    ]);
  });

  it('gives a country its ISO code and the holders of its top offices', () => {
    const denmark = {
      ...newItem('Q35', 'wikidata'),
      labels: { en: 'Denmark' },
      claims: {
        P297: [{ value: 'DK' }],
        P36: [{ value: 'Q1748' }],
        P35: [{ value: 'Q1', from: '2024-01-14' }],
      },
    };
    const table = labels({ Q1748: 'Copenhagen', Q1: 'Frederik X' });
    const entity = entityOf(denmark, { kind: 'place', noun: 'country' }, table);
    expect(entity.country).toBe('DK');
    expect(entity.description).toBe('country');
    expect(entity.facts).toEqual([
      { label: 'Capital', value: 'Copenhagen' },
      { label: 'Head of state', value: 'Frederik X', from: '2024-01-14' },
    ]);
  });

  it('is a short honest card when the item has only a name', () => {
    const bare = { ...newItem('bs:wikilinker-someone', 'leaders'), labels: { en: 'Some One' } };
    const entity = entityOf(bare, PERSON);
    expect(entity).toMatchObject({
      id: 'bs:wikilinker-someone',
      name: 'Some One',
      description: 'person',
    });
    const result = validatePack(packOf([entity]));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('popularity', () => {
  it('is the sitelinks, else an estimate from page views, the number of sources or the id’s age', () => {
    expect(popularityOf({ ...newItem('Q1', 'wikidata'), sitelinks: 109 })).toBe(109);
    // A recent id (Q12345678) says nothing: page views and sources alone.
    expect(popularityOf({ ...newItem('Q12345678', 'decks'), pageViews: 100_000 })).toBe(75);
    expect(popularityOf({ ...newItem('Q12345678', 'decks'), pageViews: 1_000 })).toBe(16);
    expect(popularityOf({ ...newItem('Q12345678', 'a'), sources: ['a', 'b', 'wikidata'] })).toBe(6);
    // Items Wikidata made first are the well-known ones: an early id counts for at least 20.
    expect(popularityOf({ ...newItem('Q1', 'decks'), pageViews: 1_000 })).toBe(20);
    expect(popularityOf(newItem('Q500000', 'a'))).toBe(10);
    expect(popularityOf(newItem('Q5000000', 'a'))).toBe(5);
  });
});
