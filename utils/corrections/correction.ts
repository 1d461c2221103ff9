/**
 * A reader's correction of a mark: what a name, as written on the page, names (another of the
 * packs' entities), or that it should not be marked at all; on one site or everywhere. Corrections
 * are the reader's data: kept on this device, applied by the background as it matches, never
 * sent anywhere and never in a page's reach.
 */
import * as v from 'valibot';
import { EntityId } from '../knowledge/schema';
import { tokenize } from '../match/tokenize';

/** Longest name a correction is about (the packs' aliases are at most 120 characters). */
export const MAX_SURFACE = 120;
/** Most corrections kept: far more than a reader makes, few enough to check on every batch. */
export const MAX_CORRECTIONS = 5000;

/**
 * What the reader chose: another entity for the name (`choose`), none of the packs' entities
 * (`none`), or never to mark the name (`never`). The last two both leave the name unmarked; the
 * options page tells them apart.
 */
export const CORRECTION_ACTIONS = ['choose', 'none', 'never'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** Where a correction holds: the page's site, or (`null`) everywhere. */
const Site = v.nullable(
  v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.:[\]-]+$/, 'Expected a host name')),
);

const Surface = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_SURFACE));

/** One stored correction (the same shape in storage and in an exported file). */
export const Correction = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^c-[A-Za-z0-9-]{4,64}$/, 'Expected a correction id')),
    /** The name as the reader met it on the page. */
    surface: Surface,
    /** The name folded as the matcher folds it: what the correction is found by. */
    folded: Surface,
    site: Site,
    action: v.picklist(CORRECTION_ACTIONS),
    /** The entity the reader chose (only with `choose`). */
    entity: v.optional(EntityId),
    /** Its name when chosen, so a correction whose entity left the packs can still be listed. */
    entityName: v.optional(v.pipe(v.string(), v.maxLength(120))),
    /** The entity the mark showed before (for the options page). */
    was: v.optional(EntityId),
    /** When the reader made it (ms since the epoch). */
    createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check(
    (c) => (c.action === 'choose') === (c.entity !== undefined),
    'A chosen entity goes with "choose" only',
  ),
);
export type Correction = v.InferOutput<typeof Correction>;

/** A list of corrections, as an exported file carries it. */
export const CorrectionList = v.pipe(v.array(Correction), v.maxLength(MAX_CORRECTIONS));

/** What the card asks to remember (the background adds the site, the id and the time). */
export const CorrectionRequest = v.pipe(
  v.strictObject({
    surface: Surface,
    action: v.picklist(CORRECTION_ACTIONS),
    entity: v.optional(EntityId),
    /** The entity the card showed. */
    was: v.optional(EntityId),
    scope: v.picklist(['site', 'everywhere']),
  }),
  v.check(
    (c) => (c.action === 'choose') === (c.entity !== undefined),
    'A chosen entity goes with "choose" only',
  ),
);
export type CorrectionRequest = v.InferOutput<typeof CorrectionRequest>;

/**
 * A name folded as the matcher folds it (case, diacritics, Arabic letter variants), its words
 * joined by single spaces: "Washington", "WASHINGTON" and "washington" are one name.
 */
export function foldName(text: string): string {
  return tokenize(text)
    .map((token) => token.folded)
    .join(' ');
}
