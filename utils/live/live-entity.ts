import * as v from 'valibot';
import { Entity, type EntityKind } from '../knowledge/schema';
import { clip } from './text';
import type { WikidataCard } from './wikidata';
import type { PageSummary } from './wikipedia';

/**
 * A card's entity built from live answers, for a name the pack lacks or to refresh one it has:
 * the Wikipedia summary gives the words, Wikidata the kind, dates and facts. The result is the
 * pack's own `Entity`, validated by the pack's schema, so the card renders it like any other.
 */

/** P31 (instance of) values that say what kind of thing an entity is. */
const KIND_BY_CLASS: Readonly<Record<string, EntityKind>> = Object.freeze({
  Q5: 'person',
  Q6256: 'place', // country
  Q3624078: 'place', // sovereign state
  Q515: 'place', // city
  Q1549591: 'place', // big city
  Q5119: 'place', // capital
  Q486972: 'place', // human settlement
  Q3957: 'place', // town
  Q532: 'place', // village
  Q10864048: 'place', // first-level administrative division
  Q43229: 'organisation', // organisation
  Q7278: 'organisation', // political party
  Q4830453: 'organisation', // business
  Q484652: 'organisation', // international organisation
  Q1190554: 'event', // occurrence
  Q1656682: 'event', // event
  Q180684: 'event', // conflict
  Q178561: 'event', // battle
  Q198: 'event', // war
  Q645883: 'event', // military operation
  Q17149090: 'group', // armed organisation
});

/** The kind Wikidata's P31 implies, else `topic`. */
export function kindOf(instanceOf: readonly string[]): EntityKind {
  for (const id of instanceOf) {
    const kind = KIND_BY_CLASS[id];
    if (kind) return kind;
  }
  return 'topic';
}

export interface LiveEntityInput {
  /** The name as found on the page. */
  name: string;
  summary?: PageSummary;
  wikidata?: WikidataCard;
  /** The kind when Wikidata does not tell it (a discovered page's description may). */
  kind?: EntityKind;
}

/**
 * The pack entity for a name from its live answers, or null when they do not make a valid one
 * (no description from either source, say). Ids are the Wikidata id where known.
 */
export function liveEntity(input: LiveEntityInput): Entity | null {
  const { summary, wikidata } = input;
  const id = wikidata?.entity.id ?? summary?.wikidataId;
  if (!id) return null;
  const name = wikidata?.entity.labels.en ?? summary?.title ?? input.name;
  const description = summary?.description ?? wikidata?.entity.descriptions.en;
  if (!description) return null;
  const nameAr = wikidata?.entity.labels.ar;
  const descriptionAr = wikidata?.entity.descriptions.ar;
  const aliases = [...new Set([input.name, name].map((alias) => clip(alias, 120)))];
  const candidate = {
    id,
    kind: wikidata ? kindOf(wikidata.entity.instanceOf) : (input.kind ?? 'topic'),
    name: clip(name, 120),
    aliases: { en: aliases, ...(nameAr ? { ar: [clip(nameAr, 120)] } : {}) },
    description: clip(description, 200),
    ...(summary?.extract ? { summary: clip(summary.extract, 1200) } : {}),
    ...(wikidata?.facts.length ? { facts: wikidata.facts } : {}),
    ...(wikidata && (wikidata.dates.start || wikidata.dates.end) ? { dates: wikidata.dates } : {}),
    ...(summary?.coordinates ? { coordinates: summary.coordinates } : {}),
    sources: [
      ...(summary
        ? [{ title: `Wikipedia: ${summary.title}`, url: summary.url, licence: 'CC BY-SA 4.0' }]
        : []),
      ...(wikidata
        ? [{ title: `Wikidata: ${id}`, url: `https://www.wikidata.org/wiki/${id}`, licence: 'CC0' }]
        : []),
    ],
    ...(nameAr || descriptionAr
      ? {
          translations: {
            ar: {
              ...(nameAr ? { name: clip(nameAr, 120) } : {}),
              ...(descriptionAr ? { description: clip(descriptionAr, 200) } : {}),
            },
          },
        }
      : {}),
  };
  const parsed = v.safeParse(Entity, candidate);
  return parsed.success ? parsed.output : null;
}
