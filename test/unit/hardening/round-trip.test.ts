// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '@/utils/knowledge/schema';
import { Annotator } from '@/utils/page/annotator';
import {
  type HighlightApi,
  HighlightPainter,
  type Painter,
  WrapperPainter,
} from '@/utils/page/paint';
import { articleBody, attachShadows } from '../../support/dom-arbitrary';
import { TEST_ENTITIES } from '../../support/entities';
import { localMatching } from '../../support/local-matching';

/** Cases per property: small in CI, larger on demand (BACKSTORY_FUZZ_RUNS=5000 npm run test:unit). */
const RUNS = Number(process.env.BACKSTORY_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.BACKSTORY_FUZZ_SEED ?? 20261125);
/** Time for a property: a few milliseconds a case, generously. */
const TIMEOUT = 10_000 + RUNS * 25;

const local = localMatching(TEST_ENTITIES);
const filter = { kinds: new Set(ENTITY_KINDS), firstMentionOnly: false };

/** An annotator over the whole document through a fresh page session; `stop` ends the session. */
function annotate(painter: Painter) {
  const { remote: _remote, ...matching } = local.matching();
  const session = new AbortController();
  const annotator = new Annotator(
    document,
    { ...matching, painter, filter, paint: 'all' },
    session.signal,
  );
  return { annotator, stop: () => session.abort() };
}

/** Everything a reader or a script could see: light DOM, shadow roots, field values. */
function serialise(doc: Document): string {
  const shadows = [...doc.querySelectorAll('.shadow-host')].map(
    (host) => host.shadowRoot?.innerHTML ?? '',
  );
  const values = [
    ...doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
  ].map((el) => el.value);
  return JSON.stringify([doc.body.innerHTML, shadows, values]);
}

function textNodes(doc: Document): [Text, string][] {
  const walker = doc.createTreeWalker(doc.body, 4);
  const out: [Text, string][] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    out.push([node as Text, (node as Text).data]);
  return out;
}

function fakeHighlights(): { api: HighlightApi; count: () => number } {
  const registry = new Map<string, Set<AbstractRange>>();
  return {
    api: {
      registry: registry as unknown as HighlightRegistry,
      create: () =>
        Object.assign(new Set<AbstractRange>(), { priority: 0 }) as unknown as Highlight,
    },
    count: () => [...registry.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

describe('paint then clear leaves the page exactly as it was (property)', () => {
  it(
    `with the wrapper fallback, over ${RUNS} generated pages: same serialisation, same text nodes, same data`,
    async () => {
      await fc.assert(
        fc.asyncProperty(articleBody, async (html) => {
          document.body.innerHTML = html;
          attachShadows(document);
          const before = serialise(document);
          const nodes = textNodes(document);
          const { annotator, stop } = annotate(new WrapperPainter('underline'));
          await annotator.scan([document.body]);
          // While painted, fields and editors are untouched.
          for (const field of document.querySelectorAll(
            'input, textarea, [contenteditable], pre',
          )) {
            expect(field.querySelector('backstory-mark')).toBeNull();
          }
          stop();
          expect(serialise(document)).toBe(before);
          for (const [node, data] of nodes) {
            expect(node.isConnected).toBe(true);
            expect(node.data).toBe(data);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `with CSS highlights, over ${RUNS} generated pages: the DOM never changes, even while painted`,
    async () => {
      await fc.assert(
        fc.asyncProperty(articleBody, async (html) => {
          document.body.innerHTML = html;
          attachShadows(document);
          const before = serialise(document);
          const { api, count } = fakeHighlights();
          const { annotator, stop } = annotate(new HighlightPainter(api, 'underline'));
          await annotator.scan([document.body]);
          expect(serialise(document)).toBe(before);
          stop();
          expect(count()).toBe(0);
          expect(serialise(document)).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it('finds names split across inline elements in generated pages', async () => {
    document.body.innerHTML =
      '<p><b>Bash</b><i>ar al</i>-<span>Assad</span> and <em>Dar</em>aa</p>';
    const { api, count } = fakeHighlights();
    const { annotator } = annotate(new HighlightPainter(api, 'underline'));
    await annotator.scan([document.body]);
    expect(count()).toBe(2);
  });
});
