import type { LiveSourceId } from '../../../utils/live/sources';
import type { FakeSource } from '../fake-source';
import { gdeltFake } from './gdelt';
import { guardianFake } from './guardian';
import { wikidataFake } from './wikidata';
import { type Wiki, wikipediaFake } from './wikipedia';

/**
 * One fake per registered live source (a source without one does not compile): the local fake
 * server answers with all of them.
 */
export function fakeSources(wikis?: Record<string, Wiki>): Record<LiveSourceId, FakeSource> {
  return {
    wikipedia: wikipediaFake(wikis),
    wikidata: wikidataFake,
    gdelt: gdeltFake,
    guardian: guardianFake,
  };
}
