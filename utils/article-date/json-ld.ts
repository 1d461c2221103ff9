/**
 * Publication dates in JSON-LD: Article-like and WebPage-like nodes, found in arrays, `@graph`
 * and `mainEntity`. Only JSON.parse, never eval; bounded in size, depth and nodes.
 */
import { type Candidate, parseDate } from './parse';
import {
  MAX_JSON_LD_CHARS,
  MAX_JSON_LD_DEPTH,
  MAX_JSON_LD_NODES,
  MAX_JSON_LD_SCRIPTS,
  MODIFIED_CONFIDENCE,
} from './signals';

type JsonObject = Record<string, unknown>;

/**
 * Publication dates stated in a page's JSON-LD blocks; `dateModified` values go to `modified`,
 * a last resort.
 */
export function jsonLdDates(
  blocks: readonly string[],
  maxYear: number,
  modified: Candidate[],
): Candidate[] {
  const nodes: { node: JsonObject; type: string; isArticle: boolean }[] = [];
  for (const text of blocks.slice(0, MAX_JSON_LD_SCRIPTS)) {
    const data = parseJson(text);
    if (data !== undefined) collectNodes(data, 0, nodes);
  }
  // Article nodes before page nodes, datePublished before dateCreated: the first that parses is
  // the JSON-LD's answer, the rest still count for agreement and conflicts.
  const out: Candidate[] = [];
  const tiers = [
    { article: true, field: 'datePublished', confidence: 0.9 },
    { article: true, field: 'dateCreated', confidence: 0.8 },
    { article: false, field: 'datePublished', confidence: 0.75 },
    { article: false, field: 'dateCreated', confidence: 0.65 },
  ];
  for (const tier of tiers) {
    for (const { node, type, isArticle } of nodes) {
      if (isArticle !== tier.article) continue;
      const parsed = parseDate(dateText(node[tier.field]), maxYear);
      if (!parsed) continue;
      const detail = `JSON-LD ${tier.field} (${type})`;
      if (!out.some((c) => c.detail === detail && c.date === parsed.date)) {
        out.push({ ...parsed, source: 'json-ld', confidence: tier.confidence, detail });
      }
    }
  }
  for (const { node, type } of nodes) {
    const parsed = parseDate(dateText(node.dateModified), maxYear);
    if (!parsed) continue;
    modified.push({
      ...parsed,
      source: 'json-ld',
      confidence: MODIFIED_CONFIDENCE,
      detail: `JSON-LD dateModified (${type}; last modified, no publication date found)`,
    });
  }
  return out;
}

/** JSON.parse only (never eval); a broken block, or one wrapped in an HTML comment, is skipped or unwrapped. */
function parseJson(text: string): unknown {
  if (text.length > MAX_JSON_LD_CHARS) return undefined;
  const body = text
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .replace(/^\/\/\s*<!\[CDATA\[/, '')
    .replace(/\/\/\s*\]\]>$/, '');
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Gathers Article-like and WebPage-like nodes from arrays, `@graph` and `mainEntity`, and nowhere
 * else: lists of related articles (`itemListElement`, `hasPart`) carry other stories' dates.
 */
function collectNodes(
  value: unknown,
  depth: number,
  out: { node: JsonObject; type: string; isArticle: boolean }[],
): void {
  if (depth > MAX_JSON_LD_DEPTH || out.length >= MAX_JSON_LD_NODES) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_JSON_LD_NODES)) collectNodes(item, depth + 1, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as JsonObject;
  const type = typeNames(node['@type']).find((name) => isArticleType(name) || isPageType(name));
  if (type) out.push({ node, type, isArticle: isArticleType(type) });
  if ('@graph' in node) collectNodes(node['@graph'], depth + 1, out);
  if ('mainEntity' in node) collectNodes(node.mainEntity, depth + 1, out);
}

/** `"NewsArticle"`, `["NewsArticle"]`, `"schema:NewsArticle"`, `"https://schema.org/NewsArticle"` → `NewsArticle`. */
function typeNames(type: unknown): string[] {
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.split(/[/:#]/).pop() ?? name);
}

/** Article, NewsArticle, ReportageNewsArticle, ScholarlyArticle, BlogPosting, LiveBlogPosting… */
function isArticleType(name: string): boolean {
  return /(?:Article|Posting|^Report)$/.test(name);
}

/** WebPage, ItemPage, AboutPage… */
function isPageType(name: string): boolean {
  return /Page$/.test(name);
}

/** A date value as JSON-LD writes it: a string, a list of strings, or `{ "@value": … }`. */
function dateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return dateText(value[0]);
  if (value !== null && typeof value === 'object') return dateText((value as JsonObject)['@value']);
  return '';
}
