import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildCard } from '@/utils/card/view-model';
import { Entity } from '@/utils/knowledge/schema';
import { kindOf, liveEntity } from '@/utils/live/live-entity';
import { cardsFrom, parseEntities } from '@/utils/live/wikidata';
import { parseSummary } from '@/utils/live/wikipedia';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fakes/fixtures/${path}`, import.meta.url), 'utf8'));
const entities = parseEntities(fixture('wikidata/entities.json')) ?? new Map();
const labels = new Map([...entities.values()].map((entity) => [entity.id, entity.labels]));
const cards = cardsFrom(entities, labels);
const summary = (title: string) => {
  const outcome = parseSummary(fixture('wikipedia/en/summaries.json')[title], 'en');
  return outcome?.found ? outcome.summary : undefined;
};

describe('an entity from live answers', () => {
  it('makes a valid pack entity a card renders like any other', () => {
    const entity = liveEntity({
      name: 'Deraa',
      summary: summary('Daraa'),
      wikidata: cards.get('Q238217'),
    });
    expect(v.safeParse(Entity, entity).success).toBe(true);
    expect(entity).toMatchObject({
      id: 'Q238217',
      kind: 'place',
      name: 'Daraa',
      aliases: { en: ['Deraa', 'Daraa'], ar: ['درعا'] },
      description: 'City in southern Syria',
      coordinates: { lat: 32.6189, lon: 36.1021 },
      translations: { ar: { name: 'درعا', description: 'مدينة في جنوب سوريا' } },
    });
    const card = buildCard(entity as Entity, [], Date.parse('2021-09-01T12:00:00Z'), {
      date: '2021-09-01',
      source: 'meta',
      confidence: 0.9,
      detail: 'meta article:published_time',
      conflicts: [],
    });
    expect(card.facts.map((fact) => `${fact.label}: ${fact.value}`)).toEqual([
      'Country: Syria',
      'Population: 97,969',
    ]);
    expect(card.sources.map((source) => source.url)).toEqual([
      'https://en.wikipedia.org/wiki/Daraa',
      'https://www.wikidata.org/wiki/Q238217',
    ]);
  });

  it('works from Wikidata alone, and needs a description from somewhere', () => {
    expect(liveEntity({ name: 'Bashar al-Assad', wikidata: cards.get('Q44329') })).toMatchObject({
      kind: 'person',
      description: 'President of Syria from 2000 to 2024',
      dates: { start: '1965-09-11' },
    });
    expect(liveEntity({ name: 'Jordan River', summary: summary('Jordan River') })).toBeNull();
    expect(liveEntity({ name: 'Nobody' })).toBeNull();
  });

  it('guesses the kind from instance-of, else topic', () => {
    expect(kindOf(['Q6256'])).toBe('place');
    expect(kindOf(['Q7278'])).toBe('organisation');
    expect(kindOf(['Q178561'])).toBe('event');
    expect(kindOf(['Q11424'])).toBe('topic');
  });
});
