import type { Fact } from '../knowledge/schema';
import type { CoverageItem } from './coverage';
import type { LiveSummary } from './source';
import type { LiveSourceId } from './sources';

/**
 * What the background's live service hands a card frame (`card:live`): the parts of a card that
 * come from the reader's opted-in live sources, as data. Remote text in it is already plain text;
 * the card renders it as text only. A card asks in two parts so the quick one (Wikipedia,
 * Wikidata) is not held up by the slow one (news archives that ask for seconds between requests).
 * Its fields say what kind of thing was found, not which source found it: each source of a part
 * adds to them (see `source.ts`).
 */

export interface LiveAnswer {
  /** Sources asked for this part: on, permitted in this browser, and the page's site not excluded. */
  asked: LiveSourceId[];
  /** Of those, the ones that gave no answer (offline, rate limited, refused, failed). */
  failed: LiveSourceId[];
  summary?: LiveSummary;
  /** Dated facts (Wikidata's), in the pack's `Fact` shape. */
  facts?: Fact[];
  /** Earlier coverage, all published before the article, newest first. */
  coverage?: CoverageItem[];
  /** Sources that answered for the article's date on a best-effort basis only (GDELT before its documented window). */
  bestEffort?: LiveSourceId[];
}

/** The answer when nothing was asked. */
export const NOTHING_ASKED: Readonly<LiveAnswer> = Object.freeze({ asked: [], failed: [] });

/** Two parts' answers as one (a card draws what has arrived so far). */
export function joinAnswers(a: LiveAnswer, b: LiveAnswer): LiveAnswer {
  return {
    ...a,
    ...b,
    asked: [...new Set([...a.asked, ...b.asked])],
    failed: [...new Set([...a.failed, ...b.failed])],
    ...(a.bestEffort || b.bestEffort
      ? { bestEffort: [...new Set([...(a.bestEffort ?? []), ...(b.bestEffort ?? [])])] }
      : {}),
  };
}
