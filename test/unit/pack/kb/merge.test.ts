import { describe, expect, it } from 'vitest';
import { type KbItem, type KbSource, newItem } from '../../../../scripts/pack/kb/item';
import { crossCheckIds, ItemMerger, joinSlugs } from '../../../../scripts/pack/kb/merge';
import { sourceRegistry } from '../../../../scripts/pack/kb/trust';
import type { EntityKind } from '../../../../utils/knowledge/schema';

const SOURCES: KbSource[] = [
  { id: 'curated', title: 'Curated entries', licence: 'CC-BY-4.0', trust: 3 },
  { id: 'leaders', title: 'Leaders', licence: 'CC0-1.0', trust: 2 },
  { id: 'wikilinker', title: 'wikilinker', licence: 'MIT', trust: 1 },
];

function item(
  id: KbItem['id'],
  source: string,
  labels: Record<string, string>,
  extra: Partial<KbItem> = {},
): KbItem {
  return { ...newItem(id, source), labels, ...extra };
}

function merger(items: KbItem[]): ItemMerger {
  const out = new ItemMerger(sourceRegistry(SOURCES));
  for (const one of items) out.add(one);
  return out;
}

/** Kinds from the items' hints, as the classifier gives them without P31. */
const byHint = (one: KbItem): EntityKind | undefined => one.kindHint;

describe('merging by id', () => {
  it('keeps the most trusted source’s labels and makes the others aliases', () => {
    const merged = merger([
      item('Q43', 'wikilinker', { en: 'Turkiye' }, { aliases: { en: ['Turkish Republic'] } }),
      item('Q43', 'curated', { en: 'Turkey' }, { aliases: { en: ['Türkiye'] } }),
      item('Q43', 'wikidata', { en: 'Türkiye', ar: 'تركيا' }, { sitelinks: 320 }),
    ]);
    const turkey = merged.items.get('Q43');
    expect(turkey?.labels).toEqual({ en: 'Turkey', ar: 'تركيا' });
    expect(turkey?.aliases.en).toEqual(['Turkish Republic', 'Turkiye', 'Türkiye']);
    expect(turkey?.sources).toEqual(['wikilinker', 'curated', 'wikidata']);
    expect(turkey?.sitelinks).toBe(320);
    expect(merged.counts).toEqual({ received: 3, merged: 2 });
  });

  it('unites statements without repeating them, and takes the larger popularity figures', () => {
    const merged = merger([
      item(
        'Q1',
        'leaders',
        { en: 'A' },
        {
          claims: { P39: [{ value: 'Q11', from: '2001' }] },
          pageViews: 10,
        },
      ),
      item(
        'Q1',
        'wikidata',
        { en: 'A' },
        {
          claims: { P39: [{ value: 'Q11', from: '2001', rank: 'preferred' }, { value: 'Q12' }] },
          pageViews: 5,
          point: { lat: 1, lon: 2 },
        },
      ),
    ]);
    const one = merged.items.get('Q1');
    expect(one?.claims.P39).toEqual([
      { value: 'Q11', from: '2001', rank: 'preferred' },
      { value: 'Q12' },
    ]);
    expect(one?.pageViews).toBe(10);
    expect(one?.point).toEqual({ lat: 1, lon: 2 });
  });
});

describe('cross-checking ids by name', () => {
  it('drops the wikilinker’s wrong id for "Donald Trump" (the leaders data says Q22686)', () => {
    const merged = merger([
      item('Q22686', 'leaders', { en: 'Donald Trump' }, { kindHint: 'person' }),
      item('Q27947481', 'wikilinker', { en: 'Donald Trump' }, { kindHint: 'person' }),
      item('Q76', 'wikilinker', { en: 'Barack Obama' }, { kindHint: 'person' }),
    ]);
    const report = crossCheckIds(merged, byHint);
    expect(merged.items.has('Q27947481')).toBe(false);
    expect(merged.items.get('Q22686')?.labels.en).toBe('Donald Trump');
    expect(merged.items.has('Q76')).toBe(true);
    expect(report).toMatchObject({ contestedNames: 1, claimsDropped: 1, itemsDropped: 1 });
    expect(report.examples[0]).toContain('Q27947481');
    expect(report.examples[0]).toContain('Q22686');
  });

  it('takes only the contested name from an item that has others', () => {
    const merged = merger([
      item('Q22686', 'curated', { en: 'Donald Trump' }, { kindHint: 'person' }),
      item(
        'Q27947481',
        'wikilinker',
        { en: 'Donald Trump' },
        {
          kindHint: 'person',
          aliases: { en: ['Donald Trump Sr.'] },
        },
      ),
    ]);
    crossCheckIds(merged, byHint);
    expect(merged.items.get('Q27947481')?.labels).toEqual({ en: 'Donald Trump Sr.' });
  });

  it('keeps namesakes that sources of equal trust give, and names of different kinds', () => {
    const merged = merger([
      item('Q1', 'wikilinker', { en: 'John Smith' }, { kindHint: 'person' }),
      item('Q2', 'wikilinker', { en: 'John Smith' }, { kindHint: 'person' }),
      item('Q810', 'leaders', { en: 'Jordan' }, { kindHint: 'place' }),
      item('Q3', 'wikilinker', { en: 'Jordan' }, { kindHint: 'person' }),
    ]);
    const report = crossCheckIds(merged, byHint);
    expect([...merged.items.keys()].sort()).toEqual(['Q1', 'Q2', 'Q3', 'Q810']);
    expect(report.claimsDropped).toBe(0);
  });

  it('keeps a name that a trusted source confirms for the same id', () => {
    const merged = merger([
      item('Q5', 'wikilinker', { en: 'Ali Hassan' }, { kindHint: 'person' }),
      item('Q5', 'wikidata', { en: 'Ali Hassan' }),
      item('Q6', 'leaders', { en: 'Ali Hassan' }, { kindHint: 'person' }),
    ]);
    crossCheckIds(merged, byHint);
    // Q5's name now rests on Wikidata (trust 3): it is the leaders' claim that gives way.
    expect(merged.items.has('Q5')).toBe(true);
    expect(merged.items.has('Q6')).toBe(false);
  });
});

describe('joining slugs onto Q-ids', () => {
  it('joins a slug onto the one item of a compatible kind with its name', () => {
    const merged = merger([
      item(
        'bs:syrian-arab-army',
        'curated',
        { en: 'Syrian Arab Army' },
        {
          kindHint: 'organisation',
          aliases: { en: ['SAA'] },
        },
      ),
      item('Q1065377', 'wikidata', { en: 'Syrian Arab Army' }, { kindHint: 'group' }),
      item('bs:eighth-brigade', 'curated', { en: 'Eighth Brigade' }, { kindHint: 'group' }),
      item('Q900', 'wikidata', { en: 'Eighth Brigade' }, { kindHint: 'group' }),
      item('Q901', 'wikidata', { en: 'Eighth Brigade' }, { kindHint: 'group' }),
      item('bs:daraa-committee', 'curated', { en: 'Daraa Central Committee' }),
    ]);
    const report = joinSlugs(merged, byHint);
    expect([...report.joined]).toEqual([['bs:syrian-arab-army', 'Q1065377']]);
    expect(report).toMatchObject({ ambiguous: 1, unmatched: 1 });
    expect(merged.items.has('bs:syrian-arab-army')).toBe(false);
    expect(merged.items.get('Q1065377')?.aliases.en).toContain('SAA');
    expect(merged.items.get('Q1065377')?.sources).toEqual(['wikidata', 'curated']);
    expect(merged.items.has('bs:eighth-brigade')).toBe(true);
  });

  it('does not join across kinds that cannot be the same thing', () => {
    const merged = merger([
      item('bs:aleppo-battle', 'curated', { en: 'Aleppo' }, { kindHint: 'event' }),
      item('Q41183', 'wikidata', { en: 'Aleppo' }, { kindHint: 'place' }),
    ]);
    expect(joinSlugs(merged, byHint).unmatched).toBe(1);
  });
});
