import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Claims } from 'wikibase-sdk';
import { factsAt } from '@/utils/card/dated';
import { Fact } from '@/utils/knowledge/schema';
import { cardsFrom, parseEntities } from '@/utils/live/wikidata';
import { partialDate } from '@/utils/live/wikidata-claims';
import {
  entityDates,
  factsFromClaims,
  MAX_FACTS_PER_PROPERTY,
  referencedItems,
} from '@/utils/live/wikidata-facts';

/** Real Wikidata JSON from wikibase-sdk's tests (see fixtures/wikibase-sdk/README.md). */
const real = (id: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/wikibase-sdk/${id}.json`, import.meta.url), 'utf8'));
/** Our own fixtures in the same format, served by the fake. */
const ours = parseEntities(
  JSON.parse(
    readFileSync(new URL('../../fakes/fixtures/wikidata/entities.json', import.meta.url), 'utf8'),
  ),
);
const labelsOf = (claims: Claims) =>
  new Map(referencedItems(claims).map((id) => [id, { en: `label of ${id}` }]));
const brief = (facts: { label: string; value: string; from?: string; to?: string }[]) =>
  facts.map((fact) => `${fact.label}: ${fact.value} [${fact.from ?? ''}–${fact.to ?? ''}]`);

function card(id: string) {
  const entities = new Map([...(ours ?? [])].filter(([key]) => key === id));
  const labels = new Map([...(ours ?? []).values()].map((entity) => [entity.id, entity.labels]));
  return cardsFrom(entities, labels).get(id);
}

describe('Wikidata dates', () => {
  it('keeps the precision Wikidata gives: year, month or day', () => {
    expect(partialDate('+2000-07-17T00:00:00Z', 11)).toBe('2000-07-17');
    expect(partialDate('+2011-03-00T00:00:00Z', 10)).toBe('2011-03');
    expect(partialDate('+1214-00-00T00:00:00Z', 9)).toBe('1214');
    expect(partialDate('+2009-01-01T00:00:00Z', 9)).toBe('2009');
    expect(partialDate('-0500-00-00T00:00:00Z', 9)).toBe('-0500');
    // Coarser than a year (a decade, a century) is not a date a card can place.
    expect(partialDate('+1990-00-00T00:00:00Z', 8)).toBeUndefined();
    expect(partialDate('+13798000000-00-00T00:00:00Z', 3)).toBeUndefined();
  });
});

describe('claims to dated facts (real Wikidata JSON)', () => {
  it('turns offices held (P39) with start and end times into from/to', () => {
    const { claims } = real('Q646148');
    const facts = factsFromClaims(claims, labelsOf(claims));
    expect(brief(facts.filter((fact) => fact.label === 'Office'))).toEqual([
      'Office: label of Q1780230 [1989-01-06–1995-01-22]',
      'Office: label of Q651703 [1985-01-06–1995-01-22]',
      'Office: label of Q12311817 [–1984-12-31]',
      'Office: label of Q5449541 [1982-09-10–1984-07-23]',
      'Office: label of Q6866144 [1978-08-30–1979-10-26]',
      'Office: label of Q64852347 [1977–1984]',
    ]);
  });

  it('leaves out undated offices, and ends open facts at death', () => {
    const { claims } = real('Q646148');
    const facts = factsFromClaims(claims, labelsOf(claims));
    // Q12311817 appears seven times in the data, six of them undated: one fact, with its end.
    expect(facts.filter((fact) => fact.value === 'label of Q12311817')).toHaveLength(1);
    expect(brief(facts.filter((fact) => fact.label !== 'Office'))).toEqual([
      'Party: label of Q217321 [–2016-12-31]',
      'Born: 8 Nov 1939 [–]',
      'Died: 31 Dec 2016 [2016-12-31–]',
    ]);
    expect(entityDates(claims)).toEqual({ start: '1939-11-08', end: '2016-12-31' });
  });

  it('chains heads of government and countries, newest first', () => {
    const { claims } = real('Q2112');
    const facts = factsFromClaims(claims, labelsOf(claims));
    expect(brief(facts.filter((fact) => fact.label === 'Head of government'))).toEqual([
      'Head of government: label of Q2097128 [2009–]',
      'Head of government: label of Q1278930 [1999–2009]',
      'Head of government: label of Q534246 [1994–1999]',
      'Head of government: label of Q1278930 [1989–1994]',
      'Head of government: label of Q1460066 [1975–1989]',
    ]);
    expect(brief(facts.filter((fact) => fact.label === 'Country'))).toEqual([
      'Country: label of Q183 [1990-10-03–]',
      'Country: label of Q713750 [1949-05-23–1990-10-02]',
      'Country: label of Q1206012 [1871-01-18–1949-05-23]',
    ]);
  });

  it('dates populations by point in time (P585), each holding until the next, the newest kept', () => {
    const { claims } = real('Q2112');
    const population = factsFromClaims(claims, labelsOf(claims)).filter(
      (fact) => fact.label === 'Population',
    );
    expect(population).toHaveLength(MAX_FACTS_PER_PROPERTY);
    expect(brief(population.slice(0, 3))).toEqual([
      'Population: 334,002 [2021-12-31–]',
      'Population: 333,509 [2021-09-30–2021-12-31]',
      'Population: 339,842 [2019-12-31–2021-09-30]',
    ]);
    // As of an article of mid-2020, exactly one population holds.
    const then = factsAt(population, '2020-06-01').then;
    expect(then.map((fact) => fact.value)).toEqual(['339,842']);
  });

  it('gives every fact in the pack shape, valid by the pack schema', () => {
    for (const id of ['Q646148', 'Q2112']) {
      const { claims } = real(id);
      for (const fact of factsFromClaims(claims, labelsOf(claims)))
        expect(v.safeParse(Fact, fact).issues).toBeUndefined();
    }
  });

  it('needs labels for item values: no label, no fact (never a bare Q-id)', () => {
    const { claims } = real('Q646148');
    const facts = factsFromClaims(claims, new Map());
    expect(facts.map((fact) => fact.label)).toEqual(['Born', 'Died']);
  });
});

describe('claims to dated facts (our fixtures)', () => {
  it('shows Syria as of an article, and what changed since', () => {
    const syria = card('Q858');
    const { then, since } = factsAt(syria?.facts ?? [], '2021-09-01');
    expect(then.map((fact) => [fact.label, fact.value, fact.note ?? ''])).toEqual([
      ['Head of state', 'Bashar al-Assad', 'until 8 Dec 2024'],
      ['Head of government', 'Hussein Arnous', 'until 14 Sept 2024'],
      ['Capital', 'Damascus', ''],
      ['Population', '17,500,660', ''],
      ['Founded', '17 Apr 1946', ''],
    ]);
    expect(since.map((fact) => fact.value)).toEqual([
      'Ahmed al-Sharaa',
      'Mohammed al-Bashir',
      'Mohammad Ghazi al-Jalali',
    ]);
  });

  it('carries Arabic labels and values as the pack’s translations', () => {
    const assad = card('Q44329');
    expect(assad?.facts[0]).toEqual({
      label: 'Office',
      value: 'President of Syria',
      from: '2000-07-17',
      to: '2024-12-08',
      translations: { ar: { label: 'المنصب', value: 'رئيس سوريا' } },
    });
    expect(assad?.dates).toEqual({ start: '1965-09-11' });
  });
});

describe('qualifier edge cases', () => {
  const time = (value: string, precision = 11) => ({
    snaktype: 'value',
    property: 'P580',
    datatype: 'time',
    datavalue: {
      type: 'time',
      value: {
        time: value,
        timezone: 0,
        before: 0,
        after: 0,
        precision,
        calendarmodel: 'http://www.wikidata.org/entity/Q1985727',
      },
    },
  });
  const office = (id: string, qualifiers: Record<string, unknown[]>, rank = 'normal') => ({
    type: 'statement',
    rank,
    mainsnak: {
      snaktype: 'value',
      property: 'P39',
      datatype: 'wikibase-item',
      datavalue: { type: 'wikibase-entityid', value: { 'entity-type': 'item', id } },
    },
    qualifiers,
  });
  const labels = new Map([
    ['Q1', { en: 'Governor' }],
    ['Q2', { en: 'Mayor' }],
    ['Q3', { en: 'Minister' }],
    ['Q4', { en: 'Envoy' }],
  ]);

  it('drops a fact that ended at an unknown date, and deprecated statements', () => {
    const claims = {
      P39: [
        office('Q1', {
          P580: [time('+2010-01-01T00:00:00Z')],
          P582: [{ snaktype: 'somevalue', property: 'P582', datatype: 'time' }],
        }),
        office('Q2', { P580: [time('+2012-05-00T00:00:00Z', 10)] }, 'deprecated'),
        office('Q3', { P580: [time('+2015-03-02T00:00:00Z')] }),
        // A start known only to the decade cannot date the office: it is left out as undated.
        office('Q4', { P580: [time('+1990-00-00T00:00:00Z', 8)] }),
      ],
    } as unknown as Claims;
    expect(brief(factsFromClaims(claims, labels))).toEqual(['Office: Minister [2015-03-02–]']);
  });
});
