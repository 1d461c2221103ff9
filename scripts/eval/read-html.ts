import { Window } from 'happy-dom';
import { type ArticleDate, knownDate } from '../../utils/article-date/choose';
import { findArticleDate } from '../../utils/article-date/find';
import { SegmentWalker, type TextSegment } from '../../utils/page/scan';

/** A page read the way the extension reads it. */
export interface HtmlPage {
  /** The walker's segments, in page order: the blocks the background is sent. */
  segments: TextSegment[];
  /** The page's date as the background would choose it (today, when the page says nothing). */
  articleDate: ArticleDate;
  /** The date the resolver is given: the chosen date only when the page stated one. */
  knownDate: string | undefined;
  /** The `lang` of the page's root element. */
  language: string;
  /** Let the page go (its segments' nodes stay readable until then). */
  close(): void;
}

/**
 * Read an HTML page with happy-dom and {@link SegmentWalker}, and find its date with
 * {@link findArticleDate}. Nothing is fetched and no script runs: pages read here are files,
 * some of them from public repositories nobody here wrote.
 * @param url the address the page is read at (dates in a real page's address count as evidence)
 */
export function readHtml(
  html: string,
  url = 'https://news.example.org/article',
  today = new Date(),
): HtmlPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const document = window.document as unknown as Document;
  // happy-dom's parser loses the rest of a page after a <style> inside an inline SVG (La Stampa's
  // page kept 19 KB of its 84 KB, and none of the article); a browser does not. The walker skips
  // SVG anyway, so it goes first.
  document.write(html.replace(/<svg\b[\s\S]*?<\/svg>/gi, ''));
  const walker = new SegmentWalker(document.body);
  const segments: TextSegment[] = [];
  for (let batch = walker.next(); batch; batch = walker.next()) segments.push(...batch);
  const articleDate = findArticleDate(document, url, today);
  return {
    segments,
    articleDate,
    knownDate: knownDate(articleDate),
    language: document.documentElement.getAttribute('lang') ?? '',
    close: () => window.close(),
  };
}
