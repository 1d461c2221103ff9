import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClassGraph, readClassGraph } from '../../../../scripts/pack/kb/class-graph';
import { CLASS_ROWS } from '../../../../scripts/pack/kb/classes';
import { classify } from '../../../../scripts/pack/kb/classify';
import { readDump } from '../../../../scripts/pack/kb/dump';
import { type KbItem, newItem } from '../../../../scripts/pack/kb/item';
import { FIXTURE_ITEMS } from '../../../../scripts/pack/kb/synthetic-dump';

function item(classes: string[], hint?: KbItem['kindHint']): KbItem {
  const out = newItem('Q100', 'test');
  out.labels.en = 'Something';
  out.claims.P31 = classes.map((value) => ({ value }));
  if (hint) out.kindHint = hint;
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'kb-classes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the class table', () => {
  it('lists each class once, with a noun', () => {
    const ids = CLASS_ROWS.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CLASS_ROWS.every(([id, , noun]) => /^Q[1-9]\d*$/.test(id) && noun.length > 0)).toBe(
      true,
    );
  });
});

describe('classify', () => {
  it('gives the fixture items their kinds from P31', async () => {
    const kinds: Record<string, string> = {};
    for await (const read of readDump(FIXTURE_ITEMS)) {
      const verdict = classify(read);
      kinds[read.id] = verdict.keep ? `${verdict.kind} (${verdict.noun})` : `- ${verdict.reason}`;
    }
    expect(kinds).toMatchObject({
      Q2112: 'place (city)',
      Q328212: 'person (person)',
      Q646148: 'person (person)',
      Q22002395: 'topic (book)',
      Q4132785: 'topic (literary work)',
      Q1: '- no-kind',
    });
  });

  it('takes the first of the item’s classes that the table lists', () => {
    expect(classify(item(['Q999999999', 'Q7278', 'Q43229']))).toMatchObject({
      keep: true,
      kind: 'organisation',
      noun: 'political party',
      via: 'class',
    });
    expect(classify(item(['Q17127659']))).toMatchObject({ kind: 'group' });
    expect(classify(item(['Q178561']))).toMatchObject({ kind: 'event', noun: 'battle' });
  });

  it('drops Wikimedia pages whatever else they are', () => {
    expect(classify(item(['Q5', 'Q4167410']))).toEqual({
      keep: false,
      reason: 'wikimedia',
      cls: 'Q4167410',
    });
  });

  it('drops classes news never names, even against a source’s hint', () => {
    expect(classify(item(['Q13442814'], 'topic'))).toMatchObject({
      keep: false,
      reason: 'unwanted',
    });
    expect(classify(item(['Q16521']))).toMatchObject({ keep: false, reason: 'unwanted' });
    expect(classify(item(['Q4164871']))).toMatchObject({ keep: false, reason: 'reference' });
  });

  it('falls back on the source’s hint, then drops or keeps as a topic', () => {
    expect(classify(item(['Q999999999'], 'place'))).toMatchObject({
      keep: true,
      kind: 'place',
      via: 'hint',
      noun: 'place',
    });
    expect(classify(item([]))).toEqual({ keep: false, reason: 'no-kind' });
    expect(classify(item([]), { keepUnclassified: true })).toMatchObject({
      keep: true,
      kind: 'topic',
      via: 'unclassified',
    });
  });
});

describe('the P279 closure', () => {
  it('gives a class the kind of its nearest listed ancestor', () => {
    const graph = new ClassGraph();
    // "district of Taipei" → district of Taiwan → second-level division (place).
    graph.add('Q705296', 'Q900000001');
    graph.add('Q900000001', 'Q13220204');
    // A class under both human (one step) and organisation (two steps): nearest wins.
    graph.add('Q900000002', 'Q5');
    graph.add('Q900000002', 'Q900000003');
    graph.add('Q900000003', 'Q43229');
    // A cycle does not loop.
    graph.add('Q900000004', 'Q900000005');
    graph.add('Q900000005', 'Q900000004');
    const closure = graph.closure();
    expect(closure.get('Q705296')?.[1]).toBe('place');
    expect(closure.get('Q900000002')?.[1]).toBe('person');
    expect(closure.has('Q900000004')).toBe(false);
    expect(classify(item(['Q705296']), { closure })).toMatchObject({
      keep: true,
      kind: 'place',
      via: 'closure',
      cls: 'Q13220204',
    });
    // A listed class of the item still comes before one found through the closure.
    expect(classify(item(['Q705296', 'Q5']), { closure })).toMatchObject({ kind: 'person' });
  });

  it('is read from a dump’s P279 statements, deprecated ones left out, and saved and loaded', async () => {
    const statement = (parent: string, rank = 'normal') => ({
      rank,
      mainsnak: {
        snaktype: 'value',
        property: 'P279',
        datavalue: { type: 'wikibase-entityid', value: { id: parent } },
      },
    });
    const lines = [
      { type: 'item', id: 'Q900000010', claims: { P279: [statement('Q515')] } },
      { type: 'item', id: 'Q900000011', claims: { P279: [statement('Q16521', 'deprecated')] } },
      { type: 'item', id: 'Q900000012', labels: {} },
    ];
    const path = join(dir, 'classes.json');
    writeFileSync(path, `[\n${lines.map((line) => JSON.stringify(line)).join(',\n')}\n]\n`);
    const graph = await readClassGraph(path);
    expect(graph.edges).toBe(1);
    expect(graph.children(515)).toEqual([900000010]);
    const saved = join(dir, 'classes.bin');
    graph.save(saved);
    const loaded = ClassGraph.load(saved);
    expect(loaded.closure().get('Q900000010')?.[2]).toBe('city');
    expect(loaded.closure().has('Q900000011')).toBe(false);
  });
});
