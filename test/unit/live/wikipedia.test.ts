import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choosePage, contextScore } from '@/utils/live/choose-page';
import { DEFAULT_ENDPOINTS } from '@/utils/live/endpoints';
import {
  parseSummary,
  parseTitleLookup,
  summaryUrl,
  TITLES_PER_REQUEST,
  titleLookupUrls,
} from '@/utils/live/wikipedia';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fakes/fixtures/${path}`, import.meta.url), 'utf8'));
const summaries = fixture('wikipedia/en/summaries.json');
const arabic = fixture('wikipedia/ar/summaries.json');

describe('page summary', () => {
  it('reads a standard page as plain text, with its Wikidata id and address', () => {
    const outcome = parseSummary(summaries.Daraa, 'en');
    expect(outcome).toEqual({
      found: true,
      summary: {
        title: 'Daraa',
        description: 'City in southern Syria',
        extract: expect.stringMatching(/^Daraa is a city in southern Syria/),
        url: 'https://en.wikipedia.org/wiki/Daraa',
        wikidataId: 'Q238217',
        lang: 'en',
        timestamp: '2025-05-30T12:00:00Z',
        coordinates: { lat: 32.6189, lon: 36.1021 },
      },
    });
    // The HTML fields (`displaytitle`, `extract_html`) are never used.
    expect(JSON.stringify(outcome)).not.toContain('<');
  });

  it('reads Arabic pages the same way', () => {
    const outcome = parseSummary(arabic.درعا, 'ar');
    expect(outcome).toMatchObject({
      found: true,
      summary: { title: 'درعا', url: 'https://ar.wikipedia.org/wiki/%D8%AF%D8%B1%D8%B9%D8%A7' },
    });
  });

  it('gives no card for a disambiguation page or a missing one', () => {
    expect(parseSummary(summaries['Jordan (disambiguation)'], 'en')).toEqual({
      found: false,
      reason: 'disambiguation',
    });
    expect(
      parseSummary({ type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found' }, 'en'),
    ).toEqual({ found: false, reason: 'missing' });
  });

  it('strips markup a description was edited to hold, and drops unsafe links', () => {
    const outcome = parseSummary(
      {
        ...summaries.Syria,
        description: 'Country <img src=x onerror=alert(1)>in <b>West Asia</b>',
        thumbnail: { source: 'javascript:alert(1)' },
      },
      'en',
    );
    expect(outcome).toMatchObject({
      found: true,
      summary: { description: 'Country in West Asia' },
    });
    expect(outcome?.found && outcome.summary.thumbnail).toBeFalsy();
  });

  it('refuses what is not a summary', () => {
    expect(parseSummary('<html>', 'en')).toBeNull();
    expect(parseSummary({ type: 'standard', title: 'No address' }, 'en')).toBeNull();
  });

  it('encodes titles as the REST API expects', () => {
    expect(summaryUrl(DEFAULT_ENDPOINTS, 'en', 'Bashar al-Assad')).toBe(
      'https://en.wikipedia.org/api/rest_v1/page/summary/Bashar_al-Assad',
    );
    expect(summaryUrl(DEFAULT_ENDPOINTS, 'en', 'AC/DC')).toContain('/summary/AC%2FDC');
    expect(summaryUrl(DEFAULT_ENDPOINTS, 'xx', 'Daraa')).toMatch(/^https:\/\/en\.wikipedia/);
    expect(summaryUrl(DEFAULT_ENDPOINTS, 'ar', 'درعا')).toBe(
      'https://ar.wikipedia.org/api/rest_v1/page/summary/%D8%AF%D8%B1%D8%B9%D8%A7',
    );
  });
});

describe('batched title look-up', () => {
  it('asks at most 50 titles a request, each once, in the documented form', () => {
    const names = Array.from({ length: 120 }, (_, index) => `Name ${index}`);
    const urls = titleLookupUrls(DEFAULT_ENDPOINTS, 'en', [...names, 'Name 3', 'A|B', '  ']);
    expect(urls).toHaveLength(3);
    const batches = urls.map((url) => new URL(url).searchParams.get('titles')?.split('|') ?? []);
    expect(batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual(names);
    const params = new URL(urls[0] as string).searchParams;
    expect(Object.fromEntries([...params].filter(([key]) => key !== 'titles'))).toEqual({
      action: 'query',
      format: 'json',
      formatversion: '2',
      redirects: '1',
      prop: 'pageprops|description',
      ppprop: 'disambiguation|wikibase_item',
      origin: '*',
    });
    expect(TITLES_PER_REQUEST).toBe(50);
  });

  it('maps each asked name back through normalisation and redirects', () => {
    const asked = [
      'deraa',
      'Bashar_al-Assad',
      'Jordan (disambiguation)',
      'Zzyzx Governorate',
      'Daraa al-Balad',
      'Talk:',
      'Never answered',
    ];
    const outcomes = parseTitleLookup(fixture('wikipedia/en/query-example.json'), asked);
    expect(Object.fromEntries(outcomes ?? [])).toEqual({
      deraa: {
        status: 'found',
        title: 'Daraa',
        description: 'City in southern Syria',
        wikidataId: 'Q238217',
        redirectedFrom: 'Deraa',
      },
      'Bashar_al-Assad': {
        status: 'found',
        title: 'Bashar al-Assad',
        description: 'President of Syria from 2000 to 2024',
        wikidataId: 'Q44329',
      },
      'Jordan (disambiguation)': { status: 'disambiguation', title: 'Jordan (disambiguation)' },
      'Zzyzx Governorate': { status: 'missing' },
      // A redirect into a section lands on a page about something bigger: no card.
      'Daraa al-Balad': { status: 'section', title: 'Daraa' },
      'Talk:': { status: 'invalid' },
    });
  });

  it('refuses what is not a query answer', () => {
    expect(parseTitleLookup({ error: { code: 'badvalue' } }, ['x'])).toBeNull();
  });
});

describe('choosing the page a name means', () => {
  const country = { title: 'Jordan', description: 'Country in West Asia' };
  const river = {
    title: 'Jordan River',
    description: 'River in the Middle East flowing into the Dead Sea',
  };
  const player = { title: 'Michael Jordan', description: 'American basketball player (born 1963)' };

  it('scores by describing words found on the page, never by the name itself', () => {
    const page = 'Refugees crossed from Syria into Jordan, a country that borders the river.';
    expect(contextScore('Jordan', country, new Set(['jordan']))).toBe(0);
    expect(choosePage('Jordan', [country, river], page).scores).toEqual([1, 1]);
  });

  it('picks the candidate the page talks about', () => {
    const page = 'The Jordan flows into the Dead Sea; its waters are shared by five states.';
    expect(choosePage('Jordan', [country, river, player], page)).toMatchObject({
      chosen: river,
      reason: 'best-context',
    });
    const game = 'Jordan scored 40 points as the basketball season opened.';
    expect(choosePage('Jordan', [country, river, player], game).chosen).toBe(player);
  });

  it('chooses none on a tie or when nothing fits: no card beats a wrong one', () => {
    expect(choosePage('Jordan', [country, river], 'Jordan was mentioned.')).toMatchObject({
      chosen: null,
      reason: 'no-context',
    });
    expect(choosePage('Jordan', [country, river], 'A country on a river: Jordan.').reason).toBe(
      'tie',
    );
    expect(choosePage('Jordan', [], 'anything').reason).toBe('no-candidates');
  });

  it('takes a lone candidate, unless asked to require context', () => {
    expect(choosePage('Daraa', [{ title: 'Daraa' }], 'Daraa').chosen).toEqual({ title: 'Daraa' });
    expect(
      choosePage('Daraa', [{ title: 'Daraa', description: 'City in southern Syria' }], 'Football', {
        requireContext: true,
      }).chosen,
    ).toBeNull();
  });

  it('compares Arabic words too, without diacritics', () => {
    const city = { title: 'درعا', description: 'مدينة في جنوب سوريا' };
    const governorate = { title: 'محافظة درعا', description: 'محافظة في سوريا' };
    expect(choosePage('درعا', [city, governorate], 'تظاهرات في مدينة درعا').chosen).toBe(city);
  });
});
