import { PageSessions } from '@/utils/background/page-sessions';
import type { LoadedMatcher } from '@/utils/knowledge/layered-matcher';
import type { Entity } from '@/utils/knowledge/schema';
import { compileMatcher } from '@/utils/match/compile';
import { Matcher } from '@/utils/match/matcher';
import { stringsOf } from '@/utils/match/matcher-data';
import type { AnnotatorOptions } from '@/utils/page/annotator';
import { RemoteMatcher } from '@/utils/page/remote-matcher';

/**
 * The whole matching path in one process: the background's page sessions over a compiled matcher,
 * and the page side's RemoteMatcher talking to them directly instead of through a message.
 */
export function localMatching(entities: readonly Entity[], own: ReadonlySet<string> = new Set()) {
  const { data } = compileMatcher(entities);
  const loaded: LoadedMatcher = {
    key: 'test-packs',
    matcher: new Matcher(data),
    capitals: {},
    own: new Set(stringsOf(data.entityIds).flatMap((id, index) => (own.has(id) ? [index] : []))),
  };
  let markOwn = true;
  const sessions = new PageSessions({
    matcher: async () => loaded,
    markOwn: async () => markOwn,
    saveTab: async () => {},
    loadTab: async () => null,
    today: () => new Date('2026-11-30T12:00:00Z'),
  });
  let count = 0;
  return {
    data,
    sessions,
    setMarkOwn: (on: boolean) => {
      markOwn = on;
    },
    /** A page session's matcher, as the content script makes one for each stretch of marking. */
    remote(tab = 1): RemoteMatcher {
      count++;
      return new RemoteMatcher(
        (batch) => sessions.match(tab, 'https://news.example/a', batch),
        `test-session-${count}`,
        loaded.key,
      );
    },
    /** Annotator options that match through a fresh page session. */
    matching(
      tab = 1,
    ): Pick<AnnotatorOptions, 'match' | 'forgetWaiting'> & { remote: RemoteMatcher } {
      const remote = this.remote(tab);
      return {
        remote,
        match: (segments) => remote.match(segments),
        forgetWaiting: (isGone) => remote.forgetWaiting(isGone),
      };
    },
  };
}
