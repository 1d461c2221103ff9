import { describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '@/utils/map/atlas';
import { ISO_COUNTRIES } from '@/utils/map/iso-countries';
import { createAtlasLoader } from '@/utils/map/world';
import { isoCountryTable } from '../../../scripts/map/iso-table';

describe('loadAtlas', () => {
  it('loads once and shares the result', async () => {
    const [first, second] = await Promise.all([loadAtlas(), loadAtlas()]);
    expect(second).toBe(first);
    expect(first.countries.length).toBeGreaterThan(200);
  }, 60_000);

  it('finds countries by ISO alpha-2, with short English names', async () => {
    const atlas = await loadAtlas();
    expect(atlas.byAlpha2.get('SY')).toMatchObject({ id: '760', alpha2: 'SY', name: 'Syria' });
    expect(atlas.byAlpha2.get('PS')?.name).toBe('Palestine');
    // The atlas leaves Kosovo without an id; XK must still find it.
    expect(atlas.byAlpha2.get('XK')?.name).toBe('Kosovo');
    // Small states the 1:110m atlas lacks are here at 1:50m.
    for (const code of ['LB', 'BH', 'SG', 'MT']) expect(atlas.byAlpha2.has(code)).toBe(true);
  });

  it('knows which countries share a land border', async () => {
    const atlas = await loadAtlas();
    const names = (code: string) =>
      (atlas.byAlpha2.get(code)?.borders ?? []).map((id) => atlas.byId.get(id)?.name).sort();
    expect(names('SY')).toEqual(['Iraq', 'Israel', 'Jordan', 'Lebanon', 'Türkiye']);
    expect(names('IS')).toEqual([]);
  });

  it('keeps the areas without an ISO code, by their atlas name', async () => {
    const atlas = await loadAtlas();
    expect(atlas.byId.get('Somaliland')?.alpha2).toBeUndefined();
    expect(atlas.byId.get('N. Cyprus')?.name).toBe('Northern Cyprus');
  });
});

describe('the ISO table', () => {
  it('is what scripts/map/iso-table.ts generates (run it after updating the packages)', () => {
    expect(ISO_COUNTRIES).toEqual(isoCountryTable());
  });

  it('maps alpha-2 to the numeric codes world-atlas uses', () => {
    expect(ISO_COUNTRIES.SY).toEqual(['760', 'Syria']);
    expect(ISO_COUNTRIES.JO).toEqual(['400', 'Jordan']);
    expect(ISO_COUNTRIES.XK?.[0]).toBe('983');
  });
});

describe('createAtlasLoader', () => {
  const topology = async () => (await import('world-atlas/countries-110m.json')).default;

  it('runs its source once, when first asked', async () => {
    const source = vi.fn(topology);
    const load = createAtlasLoader(source);
    expect(source).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([load(), load()]);
    expect(second).toBe(first);
    expect(source).toHaveBeenCalledTimes(1);
    expect(first.byAlpha2.get('JO')?.name).toBe('Jordan');
  }, 60_000);

  it('rejects what is not a countries topology, and tries again next time', async () => {
    const source = vi
      .fn()
      .mockResolvedValueOnce({ type: 'FeatureCollection' })
      .mockImplementation(topology);
    const load = createAtlasLoader(source);
    await expect(load()).rejects.toThrow('Not a world-atlas countries topology');
    await expect(load()).resolves.toHaveProperty('countries');
    expect(source).toHaveBeenCalledTimes(2);
  }, 60_000);
});
