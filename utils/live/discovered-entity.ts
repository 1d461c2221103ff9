import type { Entity } from '../knowledge/schema';
import type { AnswerCache } from './cache';
import { utcDay } from './coverage';
import { liveEntity } from './live-entity';
import { encodeTitle } from './wikipedia';

/**
 * What live discovery keeps: the entities it found on a tab's page (a card is built from what the
 * look-up said), and the day's count of look-up requests, in the live cache.
 */

/** An entity live discovery found on a tab's page: what its card is built from. */
export interface DiscoveredEntity {
  id: string;
  /** The name as the page wrote it. */
  name: string;
  title: string;
  description: string;
  lang: string;
  kind: Entity['kind'];
}

/** What is remembered of a tab's discoveries (session storage, across background restarts). */
export interface DiscoveredTab {
  session: string;
  lang: string;
  entities: DiscoveredEntity[];
}

/** A discovered entity as a card shows it before the live parts fill it in: the pack's `Entity`. */
export function discoveredEntity(found: DiscoveredEntity): Entity | null {
  return liveEntity({
    name: found.name,
    kind: found.kind,
    summary: {
      title: found.title,
      description: found.description,
      url: `https://${found.lang}.wikipedia.org/wiki/${encodeTitle(found.title)}`,
      wikidataId: found.id,
      lang: found.lang,
    },
  });
}

const isCount = (value: unknown): value is number => typeof value === 'number' && value >= 0;
const dayKey = (now: number) => `discovery:requests:${utcDay(now)}`;

/** Look-up requests made today (UTC), all pages together. */
export async function requestsToday(cache: AnswerCache, now: number): Promise<number> {
  return (await cache.get<number>(dayKey(now), isCount)) ?? 0;
}

/** Count one more look-up request today. */
export async function countRequest(cache: AnswerCache, now: number): Promise<void> {
  await cache.set(dayKey(now), (await requestsToday(cache, now)) + 1);
}
