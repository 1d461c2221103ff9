import { describe, expect, it } from 'vitest';
import { cleanKnowledge } from '../../../scripts/pack/assemble-kb';
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
