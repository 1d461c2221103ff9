/**
 * Hand-judged gold for real news pages that nobody here wrote. The pages themselves are never
 * committed (their sentences are not ours): each is read from a fetched copy of a public
 * repository (`fetch`, then `git show <commit>:<path>` in its bare mirror); only our judgments
 * live here, in `test/eval/news-pages.gold.json`.
 */
import type { EntityKind } from '../../utils/knowledge/schema';

/** An entity a reader of the page would want explained. */
export interface GoldEntity {
  /** The names the page uses for it, as written ("Donald Trump", "Trump", "Mr. Trump"). */
  names: string[];
  /** Its Wikidata id, when it has one; marks are right when they carry it. */
  qid?: string;
  /** Its usual English name (for entities without a Wikidata id, marks are judged by this name). */
  label: string;
  kind: EntityKind;
  /** Worth a mark but not missed when absent (generic or marginal). Not counted in coverage. */
  optional?: boolean;
}

/** A mark judged by hand that the entity list does not settle. */
export interface GoldJudgment {
  /** The marked text, as written on the page. */
  text: string;
  /** The entity id the engine gave it (a Wikidata id or a pack slug). */
  id: string;
  right: boolean;
  note?: string;
}

/** One page. */
export interface PageGold {
  /** `owner/name` of the public repository the page is read from. */
  repo: string;
  /** The commit it is read at (40 hex digits). */
  commit: string;
  /** Path of the HTML file in that repository. */
  path: string;
  outlet: string;
  /** BCP 47 primary language of the article. */
  language: string;
  /** Publication date, `YYYY-MM-DD`, when the page gives one. */
  date?: string;
  entities: GoldEntity[];
  /** Words on the page that name nothing a card could explain, or name something else. */
  traps?: { text: string; note: string }[];
  judged?: GoldJudgment[];
}
