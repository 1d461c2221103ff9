import type { CorrectionAction } from '../corrections/correction';
import type { CorrectionChoice, CorrectionOptions } from '../messages/protocol';

/** Where a correction holds. */
export type CorrectionScope = 'site' | 'everywhere';

/** What the card frame gives the card for "Not this?". */
export interface CardCorrection {
  /** The marked name as written on the page. */
  surface: string;
  /** The entity the card shows. */
  shown: string;
  /** Said once when the card opens (the choice just made that brought this card). */
  notice?: string;
  /** The other entities the packs have for the name (asked when the reader opens the list). */
  options(): Promise<CorrectionOptions>;
  /** Remember the reader's choice; rejects with the reason it could not be saved. */
  choose(
    choice: { action: CorrectionAction; entity?: CorrectionChoice },
    scope: CorrectionScope,
  ): Promise<void>;
}
