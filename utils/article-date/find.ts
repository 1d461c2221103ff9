import { type ArticleDate, chooseArticleDate } from './choose';
import { collectDateEvidence } from './evidence';

/**
 * When a page was published: its evidence collected and weighed in one call (tests, tools and
 * the pack pipeline; the extension collects in the page and weighs in the background).
 */
export function findArticleDate(doc: Document, url: string, today: Date): ArticleDate {
  return chooseArticleDate(collectDateEvidence(doc, url), today);
}
