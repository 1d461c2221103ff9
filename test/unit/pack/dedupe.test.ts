import { describe, expect, it } from 'vitest';
import type { KnowledgePack } from '@/utils/knowledge/schema';
import { assemble } from '../../../scripts/pack/breadth';
import {
  dropCuratedNamesakes,
  dropMinorNamesakes,
  guardSharedNames,
  mergeById,
} from '../../../scripts/pack/breadth/dedupe';
import { checkPack } from '../../../scripts/pack/check';
import { entity } from '../../support/entities';

const pack = (entities: KnowledgePack['entities']): KnowledgePack => ({
  format: 'backstory-pack',
  schemaVersion: 1,
  id: 'test',
  name: 'test',
  version: '1',
  entities,
});

describe('putting the sources together', () => {
  it('merges one id from two sources: first name wins, aliases and facts are united', () => {
    const fromLeaders = {
      ...entity('Q6279', 'person', 'Joe Biden', { en: ['Joe Biden'] }),
      facts: [{ label: 'Office', value: 'President of the United States', from: '2021-01-20' }],
    };
    const fromCongress = {
      ...entity('Q6279', 'person', 'Joseph Biden', { en: ['Joseph R. Biden'] }),
      facts: [
        { label: 'Office', value: 'Vice President of the United States', from: '2009-01-20' },
      ],
    };
    const [merged] = mergeById([[fromLeaders], [fromCongress]]);
    expect(merged?.name).toBe('Joe Biden');
    expect(merged?.aliases.en).toEqual(['Joe Biden', 'Joseph R. Biden']);
    expect(merged?.facts).toHaveLength(2);
  });

  it('lets a curated person win over a generated namesake with another id', () => {
    const curated = [
      entity('bs:jd-vance', 'person', 'JD Vance', { en: ['JD Vance', 'J.D. Vance'] }),
    ];
    const generated = [
      entity('Q28935729', 'person', 'J.D. Vance', { en: ['J.D. Vance'] }),
      entity('Q1', 'place', 'JD Vance', {}),
    ];
    expect(dropCuratedNamesakes(generated, curated).map((item) => item.id)).toEqual(['Q1']);
    const burhan = [entity('bs:abdel-fattah-al-burhan', 'person', 'Abdel Fattah al-Burhan', {})];
    const other = [entity('Q63111184', 'person', 'Abdel Fattah Abdelrahman Burhan', {})];
    expect(dropCuratedNamesakes(other, burhan)).toHaveLength(1);
    expect(
      dropCuratedNamesakes(other, burhan, { 'bs:abdel-fattah-al-burhan': 'Q63111184' }),
    ).toEqual([]);
  });

  it('keeps the namesakes of a name a curated entity takes only in context', () => {
    const curated = [
      entity('Q29552', 'organisation', 'Democratic Party (United States)', {
        en: [{ text: 'Democratic Party', requireContext: true }],
      }),
    ];
    const generated = [
      entity('Q47729', 'organisation', 'Democratic Party', {}),
      entity('Q3', 'organisation', 'Democratic Party (United States)', {}),
    ];
    expect(dropCuratedNamesakes(generated, curated).map((item) => item.id)).toEqual(['Q47729']);
  });

  it('guards shared names on the generated side, so the pack check passes', () => {
    const entities = [
      entity('Q1', 'organisation', 'Labour Party', { en: ['Labour Party'] }),
      entity('Q2', 'organisation', 'Labour Party', { en: ['Labour Party'] }),
      entity('Q3', 'person', 'John Smith', {}),
      entity('Q4', 'person', 'John Smith', {}),
    ];
    expect(checkPack(pack(entities))).toHaveLength(2);
    expect(guardSharedNames(entities, (item) => item.id === 'Q1')).toBe(2);
    expect(checkPack(pack(entities))).toEqual([]);
    expect(entities[0]?.aliases.en).toEqual(['Labour Party']);
    expect(entities[1]?.aliases.en).toEqual([{ text: 'Labour Party', requireContext: true }]);
  });

  it('drops minor towns and popular titles that another entity already answers to', () => {
    const town = {
      ...entity('Q1018448', 'place', 'Washington', {
        en: [{ text: 'Washington', caseSensitive: true }],
      }),
      sources: [{ title: 'countries-states-cities' }],
    };
    const state = entity('Q1223', 'place', 'Washington', { en: ['Washington'] });
    expect(dropMinorNamesakes([town, state], (item) => item.id === 'Q1018448')).toEqual([state]);
    const title = {
      ...entity('bs:wp-emmanuel-macron', 'person', 'Emmanuel Macron', {}),
      hints: { caseSensitive: true },
    };
    const curated = entity('Q3052772', 'person', 'Emmanuel Macron', { en: ['Emmanuel Macron'] });
    expect(assemble([title], [curated]).map((item) => item.id)).toEqual(['Q3052772']);
  });
});
