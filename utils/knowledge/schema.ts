/**
 * The knowledge pack format, version 1: one valibot schema that is both the validator and the
 * source of the TypeScript types. A pack is data only; every string in it is shown as text.
 */
import * as v from 'valibot';

export const PACK_FORMAT = 'backstory-pack';
export const PACK_SCHEMA_VERSION = 1;

export const ENTITY_KINDS = ['person', 'place', 'organisation', 'event', 'group', 'topic'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Strings a pack may hold: bounded so a hostile pack cannot make us render megabytes. */
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** `2021`, `2021-08` or `2021-08-22`: history is often known only to the year or month. */
export const PartialDate = v.pipe(
  v.string(),
  v.regex(
    /^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'Expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
  ),
);

/** Only web links: `javascript:`, `data:` and the like never reach a card. */
export const WebUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.url('Expected an absolute URL'),
  v.regex(/^https?:\/\//i, 'Expected an http(s) URL'),
);

/** Entity ids: a Wikidata QID where one exists, else a namespaced slug such as `bs:daraa-siege-2021`. */
export const EntityId = v.pipe(
  v.string(),
  v.regex(
    /^(Q[1-9]\d*|[a-z][a-z0-9-]*:[a-z0-9][a-z0-9-]*)$/,
    'Expected a Wikidata id (Q123) or a slug like bs:some-name',
  ),
);

/** BCP 47 primary language subtag: `en`, `ar`, `fr`. */
export const LanguageCode = v.pipe(
  v.string(),
  v.regex(/^[a-z]{2,3}$/, 'Expected a language code such as en or ar'),
);

/** How an alias may match; per-alias values override the entity's {@link Hints}. */
const MatchRules = {
  /** Match only with the alias's own capitals ("Nice" the city, not "nice"; "SANA", not "Sana"). */
  caseSensitive: v.optional(v.boolean()),
  /** Match only when one of the entity's context words is on the page. */
  requireContext: v.optional(v.boolean()),
  /** Never mark on its own: only once the entity is mentioned on the page by another alias. */
  neverAlone: v.optional(v.boolean()),
  /**
   * The name is also an everyday word of some language ("Todos", "Centro", "Poder"): a capital at
   * the start of a sentence proves nothing, and a little-known entity needs its context or its
   * full name on the page.
   */
  everyday: v.optional(v.boolean()),
};

export const AliasObject = v.strictObject({ text: text(120), ...MatchRules });
export const Alias = v.union([text(120), AliasObject]);

export const Hints = v.strictObject({
  /** Words that, nearby or on the page, point to this entity (used to pick among namesakes). */
  context: v.optional(v.pipe(v.array(text(60)), v.maxLength(200))),
  /** Preferred when several entities share an alias and context does not decide. */
  priority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-10), v.maxValue(10))),
  ...MatchRules,
});

/**
 * A field's text in other languages, keyed by language code: `{ ar: { title: '…' } }`. The
 * main fields stay English, the fallback wherever a language has no text of its own.
 */
const translations = <const F extends Record<string, v.GenericSchema<string, string>>>(fields: F) =>
  v.optional(
    v.pipe(
      v.record(LanguageCode, v.strictObject(fieldsOptional(fields))),
      v.check((byLanguage) => Object.keys(byLanguage).length <= 40, 'Too many languages'),
    ),
  );

function fieldsOptional<F extends Record<string, v.GenericSchema<string, string>>>(fields: F) {
  return Object.fromEntries(
    Object.entries(fields).map(([key, schema]) => [key, v.optional(schema)]),
  ) as { [K in keyof F]: v.OptionalSchema<F[K], undefined> };
}

export const Link = v.strictObject({
  title: text(300),
  outlet: text(120),
  url: WebUrl,
  date: v.optional(PartialDate),
  translations: translations({ title: text(300) }),
});

export const Source = v.strictObject({
  title: text(200),
  url: v.optional(WebUrl),
  licence: v.optional(text(80)),
});

export const Fact = v.strictObject({
  label: text(80),
  value: text(300),
  /** When the fact began to hold (for facts that change: offices, control of a town). */
  from: v.optional(PartialDate),
  /** When it stopped holding; absent while it still holds. */
  to: v.optional(PartialDate),
  translations: translations({ label: text(80), value: text(300) }),
});

export const TimelineEntry = v.strictObject({
  date: PartialDate,
  title: text(200),
  summary: v.optional(text(600)),
  /** The event entity this entry is about, when the pack has one. */
  event: v.optional(EntityId),
  links: v.optional(v.pipe(v.array(Link), v.maxLength(20))),
  translations: translations({ title: text(200), summary: text(600) }),
});

export const Coordinates = v.strictObject({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
});

export const Entity = v.strictObject({
  id: EntityId,
  kind: v.picklist(ENTITY_KINDS),
  /** Display name, in English. */
  name: text(120),
  /** Names and aliases per language; the display name is matched too. */
  aliases: v.pipe(
    v.record(LanguageCode, v.pipe(v.array(Alias), v.maxLength(200))),
    v.check((aliases) => Object.keys(aliases).length <= 40, 'Too many languages'),
  ),
  /** One line: who or what this is. */
  description: text(200),
  summary: v.optional(text(1200)),
  facts: v.optional(v.pipe(v.array(Fact), v.maxLength(40))),
  /** When it began and ended: birth and death, founding and dissolution, an event's span. */
  dates: v.optional(
    v.strictObject({ start: v.optional(PartialDate), end: v.optional(PartialDate) }),
  ),
  coordinates: v.optional(Coordinates),
  /** ISO 3166-1 alpha-2 code of the country a place is in (or is). */
  country: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 code')),
  ),
  timeline: v.optional(v.pipe(v.array(TimelineEntry), v.maxLength(100))),
  hints: v.optional(Hints),
  related: v.optional(v.pipe(v.array(EntityId), v.maxLength(50))),
  /**
   * How well known it is, on the scale of Wikidata's sitelinks (the number of Wikipedias and
   * other sites with a page on it: ~300 for a country, ~100 for a head of state, 1–5 for a local
   * figure); estimated where a source gives none. Among namesakes the most popular is the usual
   * referent of a name.
   */
  popularity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
  sources: v.pipe(
    v.array(Source),
    v.minLength(1, 'Every entity names at least one source'),
    v.maxLength(20),
  ),
  /** Name, description and summary in other languages (cards fall back to English). */
  translations: translations({ name: text(120), description: text(200), summary: text(1200) }),
});

export const KnowledgePack = v.strictObject({
  format: v.literal(PACK_FORMAT),
  schemaVersion: v.literal(PACK_SCHEMA_VERSION),
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9.-]*$/, 'Expected a pack id like backstory.default'),
  ),
  name: text(120),
  version: text(40),
  description: v.optional(text(600)),
  /** Where the data comes from and under which licences. */
  sources: v.optional(v.pipe(v.array(Source), v.maxLength(50))),
  entities: v.pipe(v.array(Entity), v.maxLength(2_000_000)),
});

export type AliasObject = v.InferOutput<typeof AliasObject>;
export type Alias = v.InferOutput<typeof Alias>;
export type Hints = v.InferOutput<typeof Hints>;
export type Link = v.InferOutput<typeof Link>;
export type Source = v.InferOutput<typeof Source>;
export type Fact = v.InferOutput<typeof Fact>;
export type TimelineEntry = v.InferOutput<typeof TimelineEntry>;
export type Entity = v.InferOutput<typeof Entity>;
export type KnowledgePack = v.InferOutput<typeof KnowledgePack>;
