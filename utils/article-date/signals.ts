/**
 * Where a news page states its publication date: the metas, `<time>` places and JSON-LD limits
 * that both the page side (collecting what a page says) and the background (weighing it) use.
 */

/** Meta names, properties and itemprops (lower-cased) that state the publication date. */
export const PUBLISHED_METAS: Record<string, number> = {
  'article:published_time': 0.9,
  'og:article:published_time': 0.9,
  datepublished: 0.9,
  'parsely-pub-date': 0.85,
  'og:published_time': 0.8,
  'article:published': 0.8,
  'article.published': 0.8,
  pubdate: 0.8,
  publishdate: 0.8,
  'publish-date': 0.8,
  publish_date: 0.8,
  publication_date: 0.8,
  'dc.date.issued': 0.8,
  'dcterms.issued': 0.8,
  citation_publication_date: 0.8,
  'sailthru.date': 0.8,
  'original-publish-date': 0.8,
  date: 0.7,
  'dc.date': 0.7,
  'dcterms.date': 0.7,
  'dc.date.created': 0.7,
  'dcterms.created': 0.7,
};

/** Meta keys that state when the page last changed: a last resort, since edits come later. */
export const MODIFIED_METAS = new Set([
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'datemodified',
  'last-modified',
  'dc.date.modified',
  'dcterms.modified',
]);

/** `<time>` places, most telling first; only the first that yields a date is used. */
export const TIME_PLACES: { selector: string; confidence: number; detail: string }[] = [
  {
    selector: 'time[itemprop="datePublished"]',
    confidence: 0.8,
    detail: '<time itemprop=datePublished>',
  },
  { selector: 'time[pubdate]', confidence: 0.75, detail: '<time pubdate>' },
  { selector: 'article header time', confidence: 0.65, detail: '<time> in article header' },
  { selector: '[class*="byline"] time', confidence: 0.65, detail: '<time> in byline' },
  { selector: 'article time', confidence: 0.55, detail: 'first <time> in article' },
  {
    selector: '[class*="date"] time, time[class*="date"]',
    confidence: 0.5,
    detail: '<time> in a date element',
  },
  { selector: 'header time', confidence: 0.45, detail: '<time> in page header' },
];

/**
 * Where an article states its date in words at its top, outside any `<time>`: a dateline element,
 * or the start of its first paragraph ("بيروت، 8 أيلول 2021 — …", "BEIRUT, 8 September 2021 —").
 * One `querySelector` each: the first match in the document.
 */
export const DATELINE_PLACES: { selector: string; confidence: number; detail: string }[] = [
  {
    selector: '[itemprop="dateline"], [class*="dateline"]',
    confidence: 0.55,
    detail: 'dateline',
  },
  { selector: 'article p, main p', confidence: 0.45, detail: 'dateline in the first paragraph' },
];
/** The start of a dateline's text that is read: a city, a weekday and a date fit in it. */
export const DATELINE_CHARS = 100;

/** How many elements of one `<time>` place to look at before giving up on it. */
export const TIME_LOOKS = 3;
/** Live blogs stamp every post; the publication date sits near the top, so the rest can wait. */
export const MAX_TIMES = 50;

/** JSON-LD limits, so a page with a huge or deeply nested graph costs little. */
export const MAX_JSON_LD_SCRIPTS = 20;
export const MAX_JSON_LD_CHARS = 1_000_000;
export const MAX_JSON_LD_DEPTH = 6;
export const MAX_JSON_LD_NODES = 200;

/** What a page says about its date, collected in the page and weighed in the background. */
export interface DateEvidence {
  /** The page's address (dates in its path). */
  url: string;
  /** Date metas as `[key as written, content]`, in document order. */
  metas: [string, string][];
  /** The text of its JSON-LD blocks. */
  jsonLd: string[];
  /** The first few `<time>` elements at each telling place ({@link TIME_PLACES} index). */
  times: { place: number; datetime: string | null; text: string; modified: boolean }[];
  /** The start of the text at each {@link DATELINE_PLACES} the page has, by index. */
  datelines?: { place: number; text: string }[];
}

/** How far a last-modified date is trusted: used only when nothing states the publication. */
export const MODIFIED_CONFIDENCE = 0.2;
