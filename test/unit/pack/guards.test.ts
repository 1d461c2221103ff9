import { describe, expect, it } from 'vitest';
import type { Alias } from '@/utils/knowledge/schema';
import { compileMatcher } from '@/utils/match/compile';
import { findMentions } from '@/utils/match/find-mentions';
import { guardEverydayWords } from '../../../scripts/pack/guards/apply';
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

  it('so "the headquarters" is no village, while Raqqa is still marked', () => {
    const entities = [structuredClone(village), structuredClone(city)];
    guardEverydayWords(entities);
    const { data } = compileMatcher(entities);
    const text = 'عاد الوفد إلى المقر بعد زيارة الرقة.';
    const marked = (findMentions(data, [text])[0] ?? []).map((m) => text.slice(m.start, m.end));
    expect(marked).toEqual(['الرقة']);
  });
});
