import {
  DATELINE_CHARS,
  DATELINE_PLACES,
  type DateEvidence,
  MAX_JSON_LD_CHARS,
  MAX_JSON_LD_SCRIPTS,
  MAX_TIMES,
  MODIFIED_METAS,
  PUBLISHED_METAS,
  TIME_LOOKS,
  TIME_PLACES,
} from './signals';

/** JSON-LD sent to the background at most, in all: a page's date sits in its first blocks. */
const MAX_JSON_LD_TOTAL = 1_000_000;
/** A `<time>`'s text longer than this holds no date (parsing gives up past 100 characters). */
const MAX_TIME_TEXT = 100;

/**
 * What a page says about when it was published, read with a handful of element lookups and
 * never a walk of the whole document. Only collected here; the background weighs it
 * (`choose.ts`), so the page pays for no date parsing.
 */
export function collectDateEvidence(doc: Document, url: string): DateEvidence {
  return {
    url,
    metas: metasOf(doc),
    jsonLd: jsonLdOf(doc),
    times: timesOf(doc),
    datelines: datelinesOf(doc),
  };
}

function datelinesOf(doc: Document): NonNullable<DateEvidence['datelines']> {
  const out: NonNullable<DateEvidence['datelines']> = [];
  DATELINE_PLACES.forEach((place, index) => {
    const element = doc.querySelector(place.selector);
    const text = element ? startOfText(doc, element) : '';
    if (text) out.push({ place: index, text });
  });
  return out;
}

/**
 * The first {@link DATELINE_CHARS} characters of an element's text, read node by node: a class
 * that merely contains "dateline" may sit on a large container, whose whole text is not wanted.
 */
function startOfText(doc: Document, element: Element): string {
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (
    let node = walker.nextNode();
    node && text.length < DATELINE_CHARS * 2;
    node = walker.nextNode()
  )
    text += (node as Text).data;
  return text.trim().replace(/\s+/g, ' ').slice(0, DATELINE_CHARS);
}

function metasOf(doc: Document): [string, string][] {
  const out: [string, string][] = [];
  // Attribute selectors are case-sensitive (and `i` is not everywhere), so read each meta's key.
  for (const meta of doc.getElementsByTagName('meta')) {
    const written =
      meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    if (!written) continue;
    const key = written.trim().toLowerCase();
    if (PUBLISHED_METAS[key] === undefined && !MODIFIED_METAS.has(key)) continue;
    out.push([written, (meta.getAttribute('content') ?? '').slice(0, MAX_TIME_TEXT)]);
    if (out.length >= 100) break;
  }
  return out;
}

function jsonLdOf(doc: Document): string[] {
  const out: string[] = [];
  let total = 0;
  // Filtered here rather than by selector, since the type's case varies and `[type i]` is not everywhere.
  for (const script of doc.getElementsByTagName('script')) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS || total + text.length > MAX_JSON_LD_TOTAL) continue;
    out.push(text);
    total += text.length;
    if (out.length >= MAX_JSON_LD_SCRIPTS) break;
  }
  return out;
}

function timesOf(doc: Document): DateEvidence['times'] {
  // One query for every <time>, then `matches` per place: a page has few of them, and this avoids
  // one document walk per place.
  const times = Array.from(doc.getElementsByTagName('time')).slice(0, MAX_TIMES);
  const out: DateEvidence['times'] = [];
  TIME_PLACES.forEach((place, index) => {
    let looked = 0;
    for (const element of times) {
      if (looked >= TIME_LOOKS) break;
      if (!element.matches(place.selector)) continue;
      looked++;
      out.push({
        place: index,
        datetime: element.getAttribute('datetime'),
        text: (element.textContent ?? '').trim().slice(0, MAX_TIME_TEXT + 1),
        modified: isModifiedMark(element),
      });
    }
  });
  return out;
}

/** A byline often shows "Updated <time>" next to the published time; that one is not ours. */
function isModifiedMark(element: Element): boolean {
  if (element.getAttribute('itemprop') === 'dateModified') return true;
  const classes = `${element.getAttribute('class') ?? ''} ${element.parentElement?.getAttribute('class') ?? ''}`;
  return /updat|modif/i.test(classes);
}
