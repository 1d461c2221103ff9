import type { ListedCorrection } from '@/utils/corrections/correction-store';
import type { VisitedPage } from '@/utils/history/history-store';
import type { PacksOverview } from '@/utils/knowledge/pack-summary';
import type { Settings } from '@/utils/settings/settings';

/** What the options page shows. */
export interface OptionsModel {
  version: string;
  /** The browser's interface language (what "the browser's language" means). */
  browserLanguage?: string;
  settings: Settings | null;
  packs: PacksOverview | null;
  history: VisitedPage[];
  /** Result of the last pack import: the pack's name, or every problem found. */
  importResult: { ok: true | 'working'; message: string } | { ok: false; errors: string[] } | null;
  entityErrors: string[];
  /** The reader's corrections of marks. */
  corrections?: ListedCorrection[];
  /** A name to open the entity form with ("Add to my entities" on a selection). */
  prefillName?: string;
}

/** What the reader's choices on the options page ask for. */
export interface OptionsActions {
  onSettings(settings: Settings): void;
  onImport(file: File): void;
  onRemovePack(id: string): void;
  onExport(): void;
  onSaveEntity(candidate: unknown, done: () => void): void;
  onDeleteEntity(id: string): void;
  onClearHistory(): void;
  onUndoCorrection?(id: string): void;
  onUndoAllCorrections?(): void;
}
