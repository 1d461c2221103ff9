import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINTS } from '@/utils/live/endpoints';
import { entitiesUrls, IDS_PER_REQUEST, parseEntities } from '@/utils/live/wikidata';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('wbgetentities addresses (built by wikibase-sdk)', () => {
  it('asks for labels, descriptions, claims and two sitelinks in English and Arabic', () => {
    const [url] = entitiesUrls(DEFAULT_ENDPOINTS, ['Q858', 'Q810']);
    expect(url?.startsWith('https://www.wikidata.org/w/api.php?')).toBe(true);
    expect(params(url as string)).toEqual({
      action: 'wbgetentities',
      ids: 'Q858|Q810',
      format: 'json',
      languages: 'en|ar',
      props: 'labels|descriptions|claims|sitelinks',
      sitefilter: 'enwiki|arwiki',
      origin: '*',
    });
  });

  it('asks at most 50 ids a request, each once, items only', () => {
    const ids = Array.from({ length: 120 }, (_, index) => `Q${index + 1}`);
    const urls = entitiesUrls(DEFAULT_ENDPOINTS, [...ids, 'Q1', 'P31', 'not an id']);
    expect(urls.map((url) => params(url).ids?.split('|').length)).toEqual([50, 50, 20]);
    expect(urls.flatMap((url) => params(url).ids?.split('|'))).toEqual(ids);
    expect(IDS_PER_REQUEST).toBe(50);
    expect(entitiesUrls(DEFAULT_ENDPOINTS, [])).toEqual([]);
  });

  it('asks for labels alone for the items facts point to', () => {
    const [url] = entitiesUrls(DEFAULT_ENDPOINTS, ['Q3766'], { labelsOnly: true });
    expect(params(url as string)).toMatchObject({
      props: 'labels',
      languages: 'en|ar',
      origin: '*',
    });
    expect(params(url as string).sitefilter).toBeUndefined();
  });

  it('points at another endpoint when told (a local fake)', () => {
    const [url] = entitiesUrls(
      { ...DEFAULT_ENDPOINTS, wikidataApi: 'http://127.0.0.1:4000/wikidata/w/api.php' },
      ['Q858'],
    );
    expect(url?.startsWith('http://127.0.0.1:4000/wikidata/w/api.php?action=wbgetentities')).toBe(
      true,
    );
  });
});

describe('wbgetentities answers', () => {
  it('reads labels, descriptions, instance-of and sitelinks; leaves out missing ids', () => {
    const entities = parseEntities({
      entities: {
        Q858: {
          type: 'item',
          id: 'Q858',
          labels: {
            en: { language: 'en', value: 'Syria' },
            ar: { language: 'ar', value: 'سوريا' },
          },
          descriptions: { en: { language: 'en', value: 'country in <i>West Asia</i>' } },
          claims: {
            P31: [
              {
                rank: 'normal',
                mainsnak: { datavalue: { value: { id: 'Q6256' } } },
              },
              {
                rank: 'deprecated',
                mainsnak: { datavalue: { value: { id: 'Q7275' } } },
              },
            ],
          },
          sitelinks: { enwiki: { site: 'enwiki', title: 'Syria', badges: [] } },
        },
        Q999999999: { id: 'Q999999999', missing: '' },
      },
      success: 1,
    });
    expect([...(entities?.keys() ?? [])]).toEqual(['Q858']);
    expect(entities?.get('Q858')).toMatchObject({
      id: 'Q858',
      labels: { en: 'Syria', ar: 'سوريا' },
      descriptions: { en: 'country in West Asia' },
      instanceOf: ['Q6256'],
      sitelinks: { enwiki: 'Syria' },
    });
  });

  it('finds an entity asked under a redirected id under both ids', () => {
    const entities = parseEntities({
      entities: { Q100: { type: 'item', id: 'Q200', redirects: { from: 'Q100', to: 'Q200' } } },
    });
    expect(entities?.get('Q100')?.id).toBe('Q200');
    expect(entities?.get('Q200')?.id).toBe('Q200');
  });

  it('refuses API errors and other shapes', () => {
    expect(
      parseEntities({ error: { code: 'no-such-entity', info: 'Could not find…', id: 'Q0' } }),
    ).toBeNull();
    expect(parseEntities([])).toBeNull();
  });
});
