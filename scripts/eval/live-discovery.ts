/**
 * Live discovery in the evaluation: each page is marked by the packs as in `mark.ts`, and its
 * batches go through the background's own {@link LiveDiscovery} against the local fake Wikipedia
 * (`test/fakes/live-server.ts`, real HTTP on 127.0.0.1), which answers from a title list:
 *
 * - `titles`: every item of the knowledge base's sources in `../shared/data` with a Wikidata id
 *   (`scripts/pack/sources/`), titled by its label in each language (its English label where a
 *   Latin-script wiki has none: people's names are the same), its aliases as redirects, a name
 *   two items share as a disambiguation page unless one is far better known, descriptions from
 *   the sources or, failing those, the kind the source gives ("person", "place");
 * - `gold`: the gold file's own labels, each its entity's article (an advantage: the fake knows
 *   exactly the pages the judges want; reported as such).
 *
 * (The lists are built in `title-lists.ts`; nothing of them is written anywhere.) Every page
 * starts with an empty cache, so the requests counted are those of a first visit.
 */

import { type LiveFake, startLiveFake } from '../../test/fakes/live-server';
import type { Wiki } from '../../test/fakes/sources/wikipedia';
import { LiveDiscovery } from '../../utils/background/live-discovery';
import { LiveService } from '../../utils/background/live-service';
import type { EntityKind } from '../../utils/knowledge/schema';
import { apiUserAgent, createHttpClient } from '../../utils/live/http';
import { MemoryCache } from '../../utils/live/memory-cache';
import { KIND_CODES } from '../../utils/match/matcher-data';
import { PageMatch } from '../../utils/match/page-match';
import type { FoundEntity, MatchAnswer } from '../../utils/messages/protocol';
import { inBatches } from '../../utils/page/batches';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import type { Knowledge } from './knowledge';
import type { Mark } from './mark';

/** A running evaluation of live discovery: the fake, and how to mark a page with it. */
export interface LiveEvaluation {
  /** The pack's marks and live discovery's, and the look-up requests the page cost. */
  markPage(
    knowledge: Knowledge,
    blocks: readonly string[],
    options: { date?: string; lang?: string; on: boolean },
  ): Promise<{ marks: Mark[]; lookups: number }>;
  close(): Promise<void>;
}

/** Start the fake Wikipedia on `wikis` and the services that ask it. */
export async function startLiveEvaluation(wikis: Record<string, Wiki>): Promise<LiveEvaluation> {
  const fake: LiveFake = await startLiveFake({ wikis });
  const http = createHttpClient({
    fetch: (input, init) => fetch(input, init),
    userAgent: apiUserAgent('0.0.0-eval', 'https://example.org/backstory-eval'),
  });
  const page = 'https://news.example.org/article';
  return {
    async markPage(knowledge, blocks, { date, lang, on }) {
      const cache = new MemoryCache();
      const settings = {
        ...structuredClone(DEFAULT_SETTINGS),
        liveSources: { ...DEFAULT_SETTINGS.liveSources, wikipedia: on },
      };
      const live = new LiveService({
        http,
        cache,
        config: { endpoints: fake.endpoints, imageOrigins: [], gdeltSpacingMs: 0 },
        readSettings: async () => settings,
        permitted: async () => true,
        sourceKey: async () => '',
        entity: async (id) => knowledge.entity(id) ?? null,
        isReaderOwn: async () => false,
        now: () => Date.now(),
      });
      const discovery = new LiveDiscovery({
        live,
        cache,
        ownNames: async () => new Set(),
        saveTab: async () => {},
        loadTab: async () => null,
        now: () => Date.now(),
      });
      const before = fake.requests.length;
      const marks = await markWithDiscovery(knowledge, discovery, blocks, page, date, lang);
      const lookups = fake.requests
        .slice(before)
        .filter((request) => request.service === 'wikipedia-api').length;
      return { marks, lookups };
    },
    close: () => fake.close(),
  };
}

/**
 * One page through the packs and live discovery, as the background runs them for a tab: the
 * annotator's batches matched, each followed by discovery, then the page's empty batch.
 */
async function markWithDiscovery(
  knowledge: Knowledge,
  discovery: LiveDiscovery,
  blocks: readonly string[],
  url: string,
  date: string | undefined,
  lang: string | undefined,
): Promise<Mark[]> {
  const { data } = knowledge.matcher;
  const match = new PageMatch<number>(knowledge.matcher, date ? { articleDate: date } : {});
  const session = 'eval-session-1';
  const key = 'eval';
  const entities = new Map<number, FoundEntity>();
  const sent = new Set<number>();
  const quads: number[] = [];
  const describe = (entity: number, out: FoundEntity[]) => {
    if (sent.has(entity)) return;
    sent.add(entity);
    const id = data.entityIds.at(entity) as string;
    const found: FoundEntity = {
      ref: entity,
      id,
      name: data.entityNames.at(entity) as string,
      kind: KIND_CODES[data.entityKinds[entity] as number] as EntityKind,
    };
    entities.set(entity, found);
    out.push(found);
  };
  const take = (answer: MatchAnswer) => {
    for (const entity of answer.entities) entities.set(entity.ref, entity);
    quads.push(...answer.mentions, ...answer.released);
  };
  let first = true;
  const keyed = blocks.map((text, i) => ({ key: i, text }));
  for (const batch of inBatches(keyed, (block) => block.text.length)) {
    const result = match.match(batch);
    const answer: MatchAnswer = {
      key,
      mentions: [],
      released: [],
      waiting: result.waiting,
      entities: [],
    };
    for (const m of result.mentions) {
      answer.mentions.push(m.key, m.start, m.end, m.entity);
      describe(m.entity, answer.entities);
    }
    for (const m of result.released) {
      answer.released.push(m.key, m.start, m.end, m.entity);
      describe(m.entity, answer.entities);
    }
    const request = {
      session,
      key,
      ids: batch.map((block) => block.key),
      texts: batch.map((block) => block.text),
      ...(first && lang ? { lang } : {}),
    };
    first = false;
    take(await discovery.follow(1, url, request, answer));
  }
  const last = await discovery.follow(
    1,
    url,
    { session, key, ids: [], texts: [] },
    { key, mentions: [], released: [], waiting: [], entities: [] },
  );
  take(last);
  const marks: Mark[] = [];
  for (let i = 0; i + 3 < quads.length; i += 4) {
    const [block, start, end, ref] = quads.slice(i, i + 4) as [number, number, number, number];
    const entity = entities.get(ref);
    if (!entity) continue;
    const known = entity.live ? undefined : knowledge.entity(entity.id);
    marks.push({
      block,
      start,
      end,
      surface: (blocks[block] as string).slice(start, end),
      id: entity.id,
      wikidata: entity.live ? entity.id : (knowledge.wikidataId(entity.id) ?? null),
      name: known?.name ?? entity.name,
      kind: known?.kind ?? entity.kind,
      ...(entity.live ? { live: true as const } : {}),
    });
  }
  return marks.sort((a, b) => a.block - b.block || a.start - b.start);
}
