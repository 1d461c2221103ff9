/**
 * The messages the background answers, each with who may send it and a schema its payload must
 * pass before a handler sees it. Content scripts report their page and ask for matches; card
 * frames ask for the card they show; only our own pages change packs or read the history.
 */
import * as v from 'valibot';
import type { DateEvidence } from '../article-date/signals';
import type { Correction } from '../corrections/correction';
import { CorrectionRequest, MAX_SURFACE } from '../corrections/correction';
import type { ListedCorrection } from '../corrections/correction-store';
import type { VisitedPage } from '../history/history-store';
import type { PackSummary, PacksOverview } from '../knowledge/pack-summary';
import { EntityId } from '../knowledge/schema';
import type { LiveAnswer } from '../live/answer';
import { LIVE_PARTS, type LivePart } from '../live/source';
import type { LocatorMap } from '../map/locator';
import type {
  CardData,
  CorrectionOptions,
  FoundEntity,
  MatchAnswer,
  MessageSpecs,
  PageConfig,
  PageStart,
} from './protocol';

const Empty = v.strictObject({});
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A page session: a random id the content script draws when it starts on a page. */
const SessionId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, 'Expected a session id'));
/** Longest text matched in one batch, and most segments: a page sends more batches, not bigger ones. */
export const MAX_BATCH_CHARS = 512 * 1024;
export const MAX_BATCH_SEGMENTS = 4096;

const DateEvidenceSchema = v.strictObject({
  url: Text(4096),
  metas: v.pipe(v.array(v.tuple([Text(200), Text(200)])), v.maxLength(100)),
  jsonLd: v.pipe(
    v.array(Text(1_000_000)),
    v.maxLength(20),
    v.check(
      (blocks) => blocks.reduce((sum, block) => sum + block.length, 0) <= 1_000_000,
      'JSON-LD over 1 MB in all',
    ),
  ),
  times: v.pipe(
    v.array(
      v.strictObject({
        place: Count,
        datetime: v.nullable(Text(200)),
        text: Text(200),
        modified: v.boolean(),
      }),
    ),
    v.maxLength(50),
  ),
  datelines: v.optional(
    v.pipe(v.array(v.strictObject({ place: Count, text: Text(200) })), v.maxLength(10)),
  ),
}) satisfies v.GenericSchema<unknown, DateEvidence>;

const MatchRequest = v.pipe(
  v.strictObject({
    session: SessionId,
    /** The packs' key the page started with ('' on the first batch). */
    key: Text(10_000),
    ids: v.pipe(v.array(Count), v.maxLength(MAX_BATCH_SEGMENTS)),
    texts: v.pipe(v.array(v.string()), v.maxLength(MAX_BATCH_SEGMENTS)),
    /** Sent with a session's first batch: what the page says about its date. */
    evidence: v.optional(DateEvidenceSchema),
    /** Sent with a session's first batch: the language the page declares (`<html lang>`). */
    lang: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(35),
        v.regex(/^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/, 'Expected a language tag'),
      ),
    ),
  }),
  v.check((batch) => batch.ids.length === batch.texts.length, 'ids and texts differ in length'),
  v.check(
    (batch) => batch.texts.reduce((sum, text) => sum + text.length, 0) <= MAX_BATCH_CHARS,
    'Batch too large',
  ),
);

/** A card frame's token: drawn by the content script, so the frame can tell its port is genuine. */
const Token = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{16,64}$/, 'Expected a token'));

export type BackgroundProtocol = {
  /**
   * A content script starts on a page with its first batch of text (its `key` is ''): should it
   * mark the page, and how; and, when it should, that batch matched. One message, so an ordinary
   * article costs the page one; where Backstory is off the batch is dropped unmatched.
   */
  'page:start': { request: v.InferOutput<typeof MatchRequest>; response: PageStart };
  /** Should the page be marked, and how? (Asked again when settings or packs change.) */
  'page:config': { request: v.InferOutput<typeof Empty>; response: PageConfig };
  /** A batch of the page's text to match; answered with offsets and entities. */
  'page:match': { request: v.InferOutput<typeof MatchRequest>; response: MatchAnswer };
  /** How many entities the page shows (the toolbar badge). */
  'page:count': {
    request: { active: boolean; entities: number };
    response: { ok: true };
  };
  /** The reader has read the page (see SECURITY.md for the rule): it may enter the history. */
  'page:read': {
    request: { title: string; canonical?: string | undefined };
    response: { recorded: boolean };
  };
  /** The content script tells the background which token its card frame must show to be trusted. */
  'card:register': { request: { token: string }; response: { ok: true } };
  /** A card frame asks for its tab's token. */
  'card:hello': { request: v.InferOutput<typeof Empty>; response: { token: string | null } };
  /** A card frame asks for its entity, the tab's article date and the reader's earlier pages. */
  'card:data': { request: { id: string }; response: CardData };
  /**
   * A card frame asks for one part of its live background (the reader's opted-in sources), after
   * showing the pack's card. Answered from the cache or the network; nothing is asked unless a
   * source is on and permitted and the tab's page mentions the entity on a site Backstory works on.
   */
  'card:live': { request: { id: string; part: LivePart }; response: LiveAnswer };
  /** A place card asks for its locator map (built in the background, on first use). */
  'map:locator': { request: { id: string }; response: LocatorMap | null };
  /**
   * A card frame's "Not this?": the other entities the packs have for the name its mark is on
   * (the site is the tab's, as the background knows it, never one the frame names).
   */
  'correction:options': {
    request: { id: string; surface: string };
    response: CorrectionOptions;
  };
  /** A card frame remembers the reader's choice for a name, on the tab's site or everywhere. */
  'correction:add': {
    request: v.InferOutput<typeof CorrectionRequest>;
    response: { correction: Correction; entity: FoundEntity | null };
  };
  /** The options page lists the corrections (those whose entity left the packs marked stale). */
  'corrections:list': { request: v.InferOutput<typeof Empty>; response: ListedCorrection[] };
  /** Undo one correction. */
  'corrections:remove': { request: { id: string }; response: { removed: boolean } };
  /** Undo every correction. */
  'corrections:clear': { request: v.InferOutput<typeof Empty>; response: { cleared: number } };
  /**
   * "Explain with Backstory" on a selection (the reader's command or context menu, passed on by
   * the background to the tab's content script): what the packs say the selected words name.
   */
  'page:explain': {
    request: { text: string };
    /** The entity, and the name in the text that names it. */
    response: { entity: FoundEntity; surface: string } | null;
  };
  /** The options page lists the packs. */
  'packs:list': { request: v.InferOutput<typeof Empty>; response: PacksOverview };
  /** Import a pack file the options page staged; fails with every problem named, storing nothing. */
  'packs:import': {
    request: { staged: string };
    /** With the number of corrections taken, when the file carried some. */
    response: PackSummary & { corrections?: number };
  };
  'packs:remove': { request: { id: string }; response: { removed: boolean } };
  /**
   * Subscribe to the pack whose manifest is at this address (the options page has just asked the
   * browser for its host, on the reader's click); fails with the problem named, storing nothing.
   */
  'subscriptions:add': { request: { url: string }; response: PackSummary };
  /** Check one subscription now, whatever its schedule; its state after. */
  'subscriptions:check': { request: { id: string }; response: PackSummary };
  /** Unsubscribe: the pack and its files go; its address comes back, to give the host back. */
  'subscriptions:remove': {
    request: { id: string };
    response: { removed: boolean; url: string | null };
  };
  /** Add or replace one of the reader's own entities (validated in the background). */
  'user:save': { request: { entity: unknown }; response: { id: string } };
  'user:delete': { request: { id: string }; response: { removed: boolean } };
  /** The reading history, newest first. */
  'history:list': { request: { limit?: number | undefined }; response: VisitedPage[] };
  'history:clear': { request: v.InferOutput<typeof Empty>; response: { cleared: number } };
  /** The options page forgets every stored live answer. */
  'live:clear': { request: v.InferOutput<typeof Empty>; response: { ok: true } };
};

export const BACKGROUND_MESSAGES: MessageSpecs<BackgroundProtocol> = {
  'page:start': { senders: ['content'], request: MatchRequest },
  'page:config': { senders: ['content'], request: Empty },
  'page:match': { senders: ['content'], request: MatchRequest },
  'page:count': {
    senders: ['content'],
    request: v.strictObject({ active: v.boolean(), entities: Count }),
  },
  'page:read': {
    senders: ['content'],
    request: v.strictObject({ title: Text(2000), canonical: v.optional(Text(4096)) }),
  },
  'card:register': { senders: ['content'], request: v.strictObject({ token: Token }) },
  'card:hello': { senders: ['card'], request: Empty },
  'card:data': { senders: ['card'], request: v.strictObject({ id: EntityId }) },
  'card:live': {
    senders: ['card'],
    request: v.strictObject({ id: EntityId, part: v.picklist(LIVE_PARTS) }),
  },
  'map:locator': { senders: ['card'], request: v.strictObject({ id: EntityId }) },
  'correction:options': {
    senders: ['card'],
    request: v.strictObject({ id: EntityId, surface: Text(MAX_SURFACE) }),
  },
  'correction:add': { senders: ['card'], request: CorrectionRequest },
  'corrections:list': { senders: ['extension-page'], request: Empty },
  'corrections:remove': {
    senders: ['extension-page'],
    request: v.strictObject({ id: Text(80) }),
  },
  'corrections:clear': { senders: ['extension-page'], request: Empty },
  'page:explain': { senders: ['content'], request: v.strictObject({ text: Text(500) }) },
  'packs:list': { senders: ['extension-page'], request: Empty },
  'packs:import': {
    senders: ['extension-page'],
    request: v.strictObject({ staged: v.pipe(v.string(), v.regex(/^import-[A-Za-z0-9-]{8,64}$/)) }),
  },
  'packs:remove': { senders: ['extension-page'], request: v.strictObject({ id: Text(200) }) },
  'subscriptions:add': {
    senders: ['extension-page'],
    request: v.strictObject({ url: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)) }),
  },
  'subscriptions:check': {
    senders: ['extension-page'],
    request: v.strictObject({ id: Text(200) }),
  },
  'subscriptions:remove': {
    senders: ['extension-page'],
    request: v.strictObject({ id: Text(200) }),
  },
  'user:save': { senders: ['extension-page'], request: v.strictObject({ entity: v.unknown() }) },
  'user:delete': { senders: ['extension-page'], request: v.strictObject({ id: EntityId }) },
  'history:list': {
    senders: ['extension-page'],
    request: v.strictObject({
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
    }),
  },
  'history:clear': { senders: ['extension-page'], request: Empty },
  'live:clear': { senders: ['extension-page'], request: Empty },
};
