// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticleDate } from '@/utils/article-date/find';
import { parseDate } from '@/utils/article-date/parse';

/** The reader's "today" in these tests: 10 May 2024, local time. */
const TODAY = new Date(2024, 4, 10, 15, 30);
const PLAIN_URL = 'https://news.example/world/ceasefire-talks-resume';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Test</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

function jsonLd(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
}

function find(doc: Document, url = PLAIN_URL) {
  return findArticleDate(doc, url, TODAY);
}

describe('findArticleDate: one source at a time', () => {
  it('reads meta article:published_time, keeping the day in the page’s own offset', () => {
    const doc = page(
      '<meta property="article:published_time" content="2021-08-22T09:40:00+03:00">',
    );
    expect(find(doc)).toEqual({
      date: '2021-08-22',
      dateTime: '2021-08-22T09:40:00+03:00',
      source: 'meta',
      confidence: 0.9,
      detail: 'meta article:published_time',
      conflicts: [],
    });
  });

  it('does not shift a late-evening timestamp onto the next UTC day', () => {
    const doc = page(
      '<meta property="article:published_time" content="2021-08-22T23:30:00-05:00">',
    );
    expect(find(doc)).toMatchObject({
      date: '2021-08-22',
      dateTime: '2021-08-22T23:30:00-05:00',
    });
  });

  it.each([
    ['<meta name="pubdate" content="2021-08-22">', 'meta pubdate', 0.8],
    ['<meta name="publishdate" content="2021-08-22">', 'meta publishdate', 0.8],
    ['<meta name="DC.date.issued" content="2021-08-22">', 'meta DC.date.issued', 0.8],
    [
      '<meta name="parsely-pub-date" content="2021-08-22T06:40:00Z">',
      'meta parsely-pub-date',
      0.85,
    ],
    ['<meta name="sailthru.date" content="2021-08-22 02:40:00 -0400">', 'meta sailthru.date', 0.8],
    ['<meta itemprop="datePublished" content="2021-08-22">', 'meta datePublished', 0.9],
    [
      '<meta property="og:article:published_time" content="2021-08-22">',
      'meta og:article:published_time',
      0.9,
    ],
    ['<meta name="date" content="22 August 2021">', 'meta date', 0.7],
  ])('reads %s', (head, detail, confidence) => {
    expect(find(page(head))).toMatchObject({
      date: '2021-08-22',
      source: 'meta',
      detail,
      confidence,
    });
  });

  it('reads JSON-LD datePublished from a single NewsArticle', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Talks resume in Doha',
        datePublished: '2021-08-22T09:40:00+03:00',
        dateModified: '2021-08-23T10:00:00+03:00',
      }),
    );
    expect(find(doc)).toEqual({
      date: '2021-08-22',
      dateTime: '2021-08-22T09:40:00+03:00',
      source: 'json-ld',
      confidence: 0.9,
      detail: 'JSON-LD datePublished (NewsArticle)',
      conflicts: [],
    });
  });

  it('reads JSON-LD @graph, preferring the article node over the page node', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', name: 'Example News', foundingDate: '1998-01-01' },
          { '@type': 'WebPage', '@id': '#page', datePublished: '2021-08-22T08:00:00Z' },
          {
            '@type': 'ReportageNewsArticle',
            mainEntityOfPage: { '@id': '#page' },
            datePublished: '2021-08-22T09:40:00+03:00',
          },
        ],
      }),
    );
    expect(find(doc)).toMatchObject({
      date: '2021-08-22',
      dateTime: '2021-08-22T09:40:00+03:00',
      source: 'json-ld',
      detail: 'JSON-LD datePublished (ReportageNewsArticle)',
      conflicts: [],
    });
  });

  it('reads a JSON-LD array and a type written as a list of schema.org URLs', () => {
    const doc = page(
      jsonLd([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': ['http://schema.org/BlogPosting'], datePublished: '2021-08-22' },
      ]),
    );
    expect(find(doc)).toMatchObject({
      date: '2021-08-22',
      source: 'json-ld',
      detail: 'JSON-LD datePublished (BlogPosting)',
    });
    expect(find(doc).dateTime).toBeUndefined();
  });

  it('reads an Article nested as a WebPage’s mainEntity, and falls back to dateCreated', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'WebPage',
        mainEntity: { '@type': 'Article', dateCreated: { '@value': '2021-08-22' } },
      }),
    );
    expect(find(doc)).toMatchObject({
      date: '2021-08-22',
      source: 'json-ld',
      confidence: 0.8,
      detail: 'JSON-LD dateCreated (Article)',
    });
  });

  it('accepts a JSON-LD script type in any case, with parameters', () => {
    const doc = page(
      '<script type="application/LD+JSON; charset=utf-8">{"@type":"Article","datePublished":"2021-08-22"}</script>',
    );
    expect(find(doc)).toMatchObject({ date: '2021-08-22', source: 'json-ld' });
  });

  it('ignores dates of related stories listed in an ItemList', () => {
    const doc = page(
      jsonLd({
        '@type': 'ItemList',
        itemListElement: [{ '@type': 'NewsArticle', datePublished: '2019-03-01' }],
      }),
    );
    expect(find(doc).source).toBe('none');
  });

  it('reads a <time> in the byline', () => {
    const doc = page(
      '',
      `<article><h1>Talks resume</h1>
        <p class="article-byline">By A. Writer, <time datetime="2021-08-22">22 August 2021</time></p>
        <p>Negotiators met on Sunday.</p></article>`,
    );
    expect(find(doc)).toMatchObject({
      date: '2021-08-22',
      source: 'time',
      confidence: 0.65,
      detail: '<time> in byline',
    });
  });

  it('reads a byline <time> from its text when it has no datetime, trusting it less', () => {
    const doc = page('', '<div class="byline">By A. Writer · <time>August 22, 2021</time></div>');
    expect(find(doc)).toMatchObject({
      date: '2021-08-22',
      source: 'time',
      confidence: 0.55,
      detail: '<time> in byline (its text)',
    });
  });

  it('prefers <time itemprop=datePublished> over the masthead’s date', () => {
    const doc = page(
      '',
      `<header class="masthead"><time datetime="2024-05-10">Friday 10 May</time></header>
       <main><div><span>Published</span>
         <time itemprop="datePublished" datetime="2021-08-22T09:40:00+03:00">22 Aug</time></div></main>`,
    );
    expect(find(doc)).toMatchObject({
      date: '2021-08-22',
      source: 'time',
      detail: '<time itemprop=datePublished>',
    });
  });

  it('skips an "updated" <time> in the article header', () => {
    const doc = page(
      '',
      `<article><header>
         <span class="updated">Updated <time datetime="2021-08-25">25 Aug</time></span>
         <span>Published <time datetime="2021-08-22">22 Aug</time></span>
       </header></article>`,
    );
    expect(find(doc)).toMatchObject({ date: '2021-08-22', detail: '<time> in article header' });
  });

  it.each([
    ['https://news.example/world/2021/08/22/talks-resume/', '2021-08-22'],
    ['https://news.example/world/2021/aug/22/talks-resume', '2021-08-22'],
    ['https://news.example/2021-08-22/talks-resume', '2021-08-22'],
    ['https://news.example/world/talks-resume-20210822.html', '2021-08-22'],
  ])('reads the day from the address %s', (url, date) => {
    expect(find(page(''), url)).toMatchObject({ date, source: 'url' });
    expect(find(page(''), url).confidence).toBeGreaterThanOrEqual(0.4);
  });

  it('reads a month-only address as YYYY-MM', () => {
    expect(find(page(''), 'https://news.example/2021/08/talks-resume.html')).toEqual({
      date: '2021-08',
      source: 'url',
      confidence: 0.35,
      detail: 'month in the address',
      conflicts: [],
    });
  });

  it('does not take an article id for a date', () => {
    expect(find(page(''), 'https://news.example/story/58290313').source).toBe('none');
  });
});

describe('findArticleDate: when sources disagree', () => {
  it('lets meta win over an older date in the address, listing the address as a conflict', () => {
    const doc = page('<meta property="article:published_time" content="2021-08-22">');
    const result = find(doc, 'https://news.example/2017/06/01/talks-resume/');
    expect(result).toEqual({
      date: '2021-08-22',
      source: 'meta',
      confidence: 0.9,
      detail: 'meta article:published_time',
      conflicts: [{ date: '2017-06-01', detail: 'date in the address' }],
    });
  });

  it('prefers a full JSON-LD timestamp over a bare-day meta, and lowers confidence when they disagree', () => {
    const doc = page(
      `<meta name="pubdate" content="2021-08-20">${jsonLd({
        '@type': 'NewsArticle',
        datePublished: '2021-08-22T09:40:00+03:00',
      })}`,
    );
    expect(find(doc)).toEqual({
      date: '2021-08-22',
      dateTime: '2021-08-22T09:40:00+03:00',
      source: 'json-ld',
      confidence: 0.75,
      detail: 'JSON-LD datePublished (NewsArticle)',
      conflicts: [{ date: '2021-08-20', detail: 'meta pubdate' }],
    });
  });

  it('raises confidence when meta and JSON-LD agree', () => {
    const doc = page(
      `<meta property="article:published_time" content="2021-08-22">${jsonLd({
        '@type': 'NewsArticle',
        datePublished: '2021-08-22T09:40:00+03:00',
      })}`,
    );
    expect(find(doc)).toMatchObject({
      source: 'json-ld',
      dateTime: '2021-08-22T09:40:00+03:00',
      confidence: 0.95,
      conflicts: [],
    });
  });

  it('counts a bare UTC day as agreeing with a local timestamp on the evening before', () => {
    const doc = page(
      `<meta name="pubdate" content="2021-08-22">${jsonLd({
        '@type': 'NewsArticle',
        datePublished: '2021-08-21T23:30:00-04:00',
      })}`,
    );
    expect(find(doc)).toMatchObject({ date: '2021-08-21', conflicts: [], confidence: 0.95 });
  });

  it('prefers a day in the address over a month-only meta', () => {
    const doc = page('<meta name="date" content="2021-08">');
    expect(find(doc, 'https://news.example/2021/08/22/talks/')).toMatchObject({
      date: '2021-08-22',
      source: 'url',
      conflicts: [],
    });
  });

  it('prefers meta over a <time> of the same precision', () => {
    const doc = page(
      '<meta name="publishdate" content="2021-08-22">',
      '<article><header><time datetime="2021-08-23">23 Aug</time></header></article>',
    );
    expect(find(doc)).toMatchObject({
      source: 'meta',
      conflicts: [{ date: '2021-08-23', detail: '<time> in article header' }],
    });
  });
});

describe('findArticleDate: weak and missing signals', () => {
  it('skips invalid JSON-LD and uses the next block', () => {
    const doc = page(
      `<script type="application/ld+json">{ "@type": "NewsArticle", "datePublished": </script>
       ${jsonLd({ '@type': 'NewsArticle', datePublished: '2021-08-22' })}`,
    );
    expect(find(doc)).toMatchObject({ date: '2021-08-22', source: 'json-ld' });
  });

  it('falls through to other signals when the only JSON-LD is broken', () => {
    const doc = page(
      '<script type="application/ld+json">{"datePublished": "2021-08-22",}</script>',
    );
    expect(find(doc, 'https://news.example/2021/08/22/x/')).toMatchObject({ source: 'url' });
  });

  it('uses a modified time only as a last resort, with low confidence', () => {
    const doc = page('<meta property="article:modified_time" content="2021-08-23T12:00:00Z">');
    const result = find(doc);
    expect(result).toMatchObject({ date: '2021-08-23', source: 'meta', confidence: 0.2 });
    expect(result.detail).toMatch(/modified/);
  });

  it('ignores a modified time when any publication date exists', () => {
    const doc = page('<meta property="article:modified_time" content="2021-08-23T12:00:00Z">');
    expect(find(doc, 'https://news.example/2021/08/22/x/')).toMatchObject({
      date: '2021-08-22',
      source: 'url',
      conflicts: [],
    });
  });

  it('uses today with source none when there is no date at all', () => {
    expect(find(page('<meta name="description" content="Talks resume">'))).toEqual({
      date: '2024-05-10',
      source: 'none',
      confidence: 0,
      detail: 'no date found; using today',
      conflicts: [],
    });
  });

  it('rejects implausible years', () => {
    const doc = page(
      '<meta name="pubdate" content="1970-01-01T00:00:00Z"><meta name="date" content="2099-01-01">',
    );
    expect(find(doc).source).toBe('none');
  });
});

describe('parseDate', () => {
  const MAX_YEAR = 2025;

  it.each([
    ['2021-08-22', '2021-08-22', undefined],
    ['2021-08-22T09:40:00+03:00', '2021-08-22', '2021-08-22T09:40:00+03:00'],
    ['2021-08-22T09:40:00.123+0300', '2021-08-22', '2021-08-22T09:40:00+03:00'],
    ['2021-08-22T09:40Z', '2021-08-22', '2021-08-22T09:40:00Z'],
    ['2021-08-22T09:40:00', '2021-08-22', '2021-08-22T09:40:00'],
    ['2021/8/22', '2021-08-22', undefined],
    ['20210822', '2021-08-22', undefined],
    ['Sun, 22 Aug 2021 09:40:00 GMT', '2021-08-22', '2021-08-22T09:40:00Z'],
    ['Sun, 22 Aug 2021 09:40:00 +0300', '2021-08-22', '2021-08-22T09:40:00+03:00'],
    ['22 August 2021', '2021-08-22', undefined],
    ['August 22, 2021', '2021-08-22', undefined],
    ['Sunday, Aug. 22, 2021 9:40 pm EDT', '2021-08-22', '2021-08-22T21:40:00-04:00'],
    ['1629614400', '2021-08-22', '2021-08-22T06:40:00Z'],
  ])('reads %s', (text, date, dateTime) => {
    const parsed = parseDate(text, MAX_YEAR);
    expect(parsed?.date).toBe(date);
    expect(parsed?.dateTime).toBe(dateTime);
  });

  it('reads a month alone', () => {
    expect(parseDate('2021-08', MAX_YEAR)?.date).toBe('2021-08');
  });

  it.each(['', 'yesterday', '2021-02-30', '2021-13-01', '1989-12-31', '2027-01-01', 'Aug 2021'])(
    'rejects %j',
    (text) => {
      expect(parseDate(text, MAX_YEAR)).toBeUndefined();
    },
  );
});
