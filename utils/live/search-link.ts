import { addDays, dayOf } from './coverage';

/**
 * Always-available "search earlier coverage" links, built here and sent nowhere: the reader's
 * click is the only request. The site's own search where we know its address, and a web search
 * limited to the site and to dates before the article.
 */

export interface SearchLink {
  kind: 'site' | 'web';
  /** What the link says, e.g. "Search bbc.co.uk for Daraa". */
  label: string;
  url: string;
  /** The site searched (the page's host, without `www.`). */
  host: string;
  /** The name searched for. */
  name: string;
  /** The search ends the day before the article. */
  beforeArticle: boolean;
}

/**
 * Search pages of news sites, by domain; `{q}` is the encoded query. Only sites whose search page
 * takes the query in its address. They cannot be limited by date, hence the web search as well.
 */
export const SITE_SEARCHES: Readonly<Record<string, string>> = Object.freeze({
  'bbc.co.uk': 'https://www.bbc.co.uk/search?q={q}',
  'bbc.com': 'https://www.bbc.co.uk/search?q={q}',
  'aljazeera.com': 'https://www.aljazeera.com/search/{q}',
  'apnews.com': 'https://apnews.com/search?q={q}',
  'reuters.com': 'https://www.reuters.com/site-search/?query={q}',
});

/** A web search taking `site:` and `before:` operators; `{q}` is the encoded query. */
export const WEB_SEARCH = 'https://www.google.com/search?q={q}';

export interface SearchLinkInput {
  /** The article's address: only its host is used. */
  pageUrl: string;
  /** The name on the card. */
  name: string;
  /** The article's date; the web search ends the day before. */
  articleDate?: string;
  /** Another web search (must understand `site:` and `before:`). */
  webSearch?: string;
}

function fill(template: string, query: string): string {
  return template.replace('{q}', encodeURIComponent(query));
}

/** The site's own search (when known) and a date-bounded web search of the site, for one name. */
export function earlierCoverageLinks(input: SearchLinkInput): SearchLink[] {
  let host: string;
  try {
    const url = new URL(input.pageUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
    host = url.hostname.replace(/^www\./, '');
  } catch {
    return [];
  }
  const name = input.name.replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  if (!name) return [];
  const links: SearchLink[] = [];
  const site = Object.entries(SITE_SEARCHES).find(
    ([domain]) => host === domain || host.endsWith(`.${domain}`),
  );
  if (site)
    links.push({
      kind: 'site',
      label: `Search ${host} for ${name}`,
      url: fill(site[1], name),
      host,
      name,
      beforeArticle: false,
    });
  const before = input.articleDate ? ` before:${addDays(dayOf(input.articleDate), -1)}` : '';
  links.push({
    kind: 'web',
    label: input.articleDate
      ? `Search the web for ${name} on ${host}, before this article`
      : `Search the web for ${name} on ${host}`,
    url: fill(input.webSearch ?? WEB_SEARCH, `site:${host} "${name}"${before}`),
    host,
    name,
    beforeArticle: !!input.articleDate,
  });
  return links;
}
