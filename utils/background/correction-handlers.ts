import * as v from 'valibot';
import { correctMark } from '../corrections/apply';
import { candidatesFor, explainSelection } from '../corrections/candidates';
import { CorrectionList, foldName } from '../corrections/correction';
import { correctionsFor } from '../corrections/correction-index';
import type { CorrectionStore } from '../corrections/correction-store';
import type { LoadedMatcher } from '../knowledge/layered-matcher';
import type { PackService } from '../knowledge/pack-service';
import type { Entity } from '../knowledge/schema';
import { indexOfId } from '../match/layers';
import { KIND_CODES } from '../match/matcher-data';
import type { BackgroundProtocol } from '../messages/background-messages';
import { issueLine } from '../messages/problem';
import type { CorrectionChoice, FoundEntity } from '../messages/protocol';
import { type Handler, ProblemsError } from '../messages/router';
import type { SenderInfo } from '../messages/sender';
import type { Settings } from '../settings/settings';
import { siteOf } from '../settings/site';
import type { PageSessions } from './page-sessions';

/** Most candidates "Not this?" lists for one name. */
const MAX_CHOICES = 12;

type CorrectionMessages =
  | 'correction:options'
  | 'correction:add'
  | 'corrections:list'
  | 'corrections:remove'
  | 'corrections:clear'
  | 'page:explain';

export interface CorrectionDeps {
  packs: PackService;
  sessions: PageSessions;
  corrections: CorrectionStore;
  readSettings(): Promise<Settings>;
  /** Corrections changed: every open tab matches its page again (with the new ones applied). */
  onCorrected?(): void;
  now(): number;
}

function tabOf(sender: SenderInfo): number {
  const tab = sender.tab?.id;
  if (tab === undefined) throw new Error('No tab');
  return tab;
}

/** An entity of the matcher as the page side knows it. */
function foundOf(loaded: LoadedMatcher, entity: number): FoundEntity {
  const { entityIds, entityNames, entityKinds } = loaded.matcher.data;
  return {
    ref: entity,
    id: entityIds.at(entity) as string,
    name: entityNames.at(entity) as string,
    kind: KIND_CODES[entityKinds[entity] as number] as FoundEntity['kind'],
  };
}

function choiceOf(entity: Entity): CorrectionChoice {
  const translations = entity.translations
    ? Object.fromEntries(
        Object.entries(entity.translations).map(([language, fields]) => [
          language,
          {
            ...(fields.name ? { name: fields.name } : {}),
            ...(fields.description ? { description: fields.description } : {}),
          },
        ]),
      )
    : undefined;
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    ...(translations ? { translations } : {}),
  };
}

/**
 * The corrections' side of the background: a card's "Not this?" (the other candidates, and the
 * reader's choice remembered for the tab's site or everywhere), the options page's list with undo,
 * and "Explain with Backstory" on a selection. The site always comes from the tab's page as the
 * background knows it; a card frame cannot name another.
 */
export function correctionHandlers(deps: CorrectionDeps): {
  [N in CorrectionMessages]: Handler<BackgroundProtocol, N>;
} {
  const siteOfTab = async (sender: SenderInfo) => {
    const state = await deps.sessions.tab(tabOf(sender));
    return state ? siteOf(state.url) : null;
  };
  return {
    'correction:options': async ({ surface }, sender) => {
      const [loaded, site] = await Promise.all([deps.packs.matcher(), siteOfTab(sender)]);
      const ids = candidatesFor(loaded.matcher, surface)
        .slice(0, MAX_CHOICES)
        .map((entity) => loaded.matcher.data.entityIds.at(entity) as string);
      const entities = await Promise.all(ids.map((id) => deps.packs.entity(id)));
      return {
        surface: surface.trim(),
        site,
        candidates: entities.flatMap((entity) => (entity ? [choiceOf(entity)] : [])),
      };
    },
    'correction:add': async (request, sender) => {
      const [loaded, site] = await Promise.all([deps.packs.matcher(), siteOfTab(sender)]);
      let chosen: number | null = null;
      if (request.entity) {
        // Only one of the packs' own candidates for the name: a card cannot make a name mean anything.
        chosen =
          candidatesFor(loaded.matcher, request.surface).find(
            (entity) => loaded.matcher.data.entityIds.at(entity) === request.entity,
          ) ?? null;
        if (chosen === null)
          throw new ProblemsError([`No pack has ${request.entity} for "${request.surface}"`]);
      }
      const correction = await deps.corrections.add(
        request,
        site,
        deps.now(),
        chosen === null ? undefined : (loaded.matcher.data.entityNames.at(chosen) as string),
      );
      deps.onCorrected?.();
      return { correction, entity: chosen === null ? null : foundOf(loaded, chosen) };
    },
    'corrections:list': () =>
      deps.corrections.listed(async (id) => (await deps.packs.entity(id)) !== null),
    'corrections:remove': async ({ id }) => {
      const removed = await deps.corrections.remove(id);
      if (removed) deps.onCorrected?.();
      return { removed };
    },
    'corrections:clear': async () => {
      const cleared = await deps.corrections.clear();
      if (cleared > 0) deps.onCorrected?.();
      return { cleared };
    },
    'page:explain': async ({ text }, sender) => {
      const [loaded, settings, corrections] = await Promise.all([
        deps.packs.matcher(),
        deps.readSettings(),
        deps.corrections.list(),
      ]);
      const found = explainSelection(loaded.matcher, text);
      if (!found) return null;
      const byName = correctionsFor(corrections, siteOf(sender.url ?? ''));
      const entity = correctMark(text, found.start, found.end, found.entity, byName, (id) =>
        indexOfId(loaded.matcher.data.entityIds, id),
      );
      if (entity === null) return null;
      // The reader's own entities stay off pages where they chose not to mark them.
      if (!settings.markOwnEntities && loaded.own.has(entity)) return null;
      return { entity: foundOf(loaded, entity), surface: text.slice(found.start, found.end) };
    },
  };
}

/**
 * Split an imported file into its pack and its corrections (the optional `corrections` field of
 * the reader's own export). Older files without the field import as before.
 */
export function splitImport(data: unknown): {
  pack: unknown;
  corrections: v.InferOutput<typeof CorrectionList>;
} {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, 'corrections'))
    return { pack: data, corrections: [] };
  const { corrections, ...pack } = data as { corrections: unknown };
  const checked = v.safeParse(CorrectionList, corrections);
  if (!checked.success)
    throw new ProblemsError(
      checked.issues.slice(0, 20).map((issue) => issueLine('pack', issue, ['corrections'])),
    );
  // A correction's folded name is derived again here: a file cannot make one name stand for another.
  const fixed = checked.output.flatMap((c) => {
    const folded = foldName(c.surface);
    return folded ? [{ ...c, folded }] : [];
  });
  return { pack, corrections: fixed };
}
