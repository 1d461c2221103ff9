import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergePacks } from '@/utils/knowledge/merge';
import type { KnowledgePack } from '@/utils/knowledge/schema';
import { validatePack } from '@/utils/knowledge/validate';
import { packJsonSchema, SCHEMA_PATH } from '../../../scripts/pack/json-schema';
import { entity } from '../../support/entities';

function pack(id: string, entities: unknown[]): unknown {
  return { format: 'backstory-pack', schemaVersion: 1, id, name: id, version: '1', entities };
}

describe('pack validation', () => {
  it('accepts a well-formed pack', () => {
    const result = validatePack(
      pack('user', [entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] })]),
    );
    expect(result.ok).toBe(true);
  });

  it('names the entity and the field at fault', () => {
    const daraa = {
      ...entity('Q238217', 'place', 'Daraa'),
      timeline: [
        {
          date: '2018-07',
          title: 'Retaken',
          links: [{ title: 'x', outlet: 'y', url: 'javascript:alert(1)' }],
        },
      ],
    };
    const broken = { ...entity('bs:broken', 'place', 'Broken'), kind: 'planet', sources: [] };
    const result = validatePack(pack('user', [daraa, broken]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain(
      'entity Q238217 (Daraa), field timeline[0].links[0].url: Expected an http(s) URL',
    );
    expect(
      result.errors.some((error) => error.startsWith('entity bs:broken (Broken), field kind:')),
    ).toBe(true);
    expect(result.errors).toContain(
      'entity bs:broken (Broken), field sources: Every entity names at least one source',
    );
  });

  it('rejects unknown fields, bad dates, bad ids and duplicate ids', () => {
    const polluted = JSON.parse(
      `{"__proto__": {"polluted": true}, ${JSON.stringify(entity('Q1', 'place', 'A')).slice(1)}`,
    );
    expect(validatePack(pack('user', [polluted])).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(validatePack(pack('user', [{ ...entity('Q1', 'place', 'A'), extra: 1 }])).ok).toBe(
      false,
    );
    const badDate = { ...entity('Q2', 'event', 'B'), dates: { start: '21 August 2021' } };
    expect(validatePack(pack('user', [badDate]))).toMatchObject({
      ok: false,
      errors: ['entity Q2 (B), field dates.start: Expected a date as YYYY, YYYY-MM or YYYY-MM-DD'],
    });
    expect(validatePack(pack('user', [entity('q1', 'place', 'C')])).ok).toBe(false);
    expect(
      validatePack(pack('user', [entity('Q3', 'place', 'D'), entity('Q3', 'place', 'E')])),
    ).toEqual({
      ok: false,
      errors: ['entity Q3: the id is used more than once'],
    });
  });

  it('reports a file that is not a pack at all', () => {
    expect(validatePack('hello')).toMatchObject({ ok: false });
    expect(validatePack({ format: 'other' })).toMatchObject({ ok: false });
  });

  it('keeps the committed JSON Schema in step with the validator', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(packJsonSchema());
  });
});

describe('pack merging', () => {
  const base = pack('backstory.default', [
    { ...entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] }), description: 'City in Syria' },
    entity('Q858', 'place', 'Syria', { en: ['Syria'] }),
  ]) as KnowledgePack;

  it('lets a later pack refine an entity: its fields win, aliases and timelines are united', () => {
    const user = pack('user', [
      {
        ...entity('Q238217', 'place', 'Daraa', { en: ['Deraa', 'Daraa'], ar: ['درعا'] }),
        description: 'My note on Daraa',
        timeline: [{ date: '2021-09', title: 'Siege ends' }],
      },
      entity('bs:my-town', 'place', 'My town'),
    ]) as KnowledgePack;
    const merged = mergePacks([base, user]);
    const daraa = merged.find((item) => item.id === 'Q238217');
    expect(merged.map((item) => item.id)).toEqual(['Q238217', 'Q858', 'bs:my-town']);
    expect(daraa?.description).toBe('My note on Daraa');
    expect(daraa?.aliases).toEqual({ en: ['Daraa', 'Deraa'], ar: ['درعا'] });
    expect(daraa?.timeline).toEqual([{ date: '2021-09', title: 'Siege ends' }]);
  });
});
