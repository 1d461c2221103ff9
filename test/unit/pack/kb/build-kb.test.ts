import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKnowledgeBase, formatKbReport } from '../../../../scripts/pack/kb/build-kb';
import { type KbItem, type KbSource, newItem } from '../../../../scripts/pack/kb/item';
import { FIXTURE_ITEMS } from '../../../../scripts/pack/kb/synthetic-dump';
import { validatePack } from '../../../../utils/knowledge/validate';
import { packOf } from './pack-of';

const SOURCES: KbSource[] = [
  { id: 'curated', title: 'Backstory curated entries', licence: 'CC-BY-4.0', trust: 3 },
  { id: 'leaders', title: 'Leaders (geografia)', licence: 'CC0-1.0', trust: 2 },
  { id: 'wikilinker', title: 'wikilinker names', licence: 'MIT', trust: 1 },
];

function item(id: KbItem['id'], source: string, en: string, extra: Partial<KbItem> = {}): KbItem {
  return { ...newItem(id, source), labels: { en }, ...extra };
}

const dir = mkdtempSync(join(tmpdir(), 'kb-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildKnowledgeBase', () => {
  it('builds entities from items alone, sync or async, with every decision counted', async () => {
    const items = [
      item('Q22686', 'leaders', 'Donald Trump', { kindHint: 'person' }),
      item('Q27947481', 'wikilinker', 'Donald Trump', { kindHint: 'person' }),
      item('Q76', 'wikilinker', 'Barack Obama', { kindHint: 'person' }),
      item('Q76', 'leaders', 'Barack Obama', { kindHint: 'person', pageViews: 300_000 }),
      item('bs:syrian-arab-army', 'curated', 'Syrian Arab Army', { kindHint: 'organisation' }),
      item('Q2', 'wikilinker', 'No Kind At All'),
    ];
    async function* stream() {
      yield* items;
    }
    for (const input of [items, stream()]) {
      const { entities, report } = await buildKnowledgeBase({ items: input, sources: SOURCES });
      expect(entities.map((entity) => entity.id)).toEqual(['bs:syrian-arab-army', 'Q76', 'Q22686']);
      expect(report.sources).toEqual({ leaders: 2, wikilinker: 3, curated: 1 });
      expect(report.merge).toEqual({ received: 6, merged: 1, items: 5 });
      expect(report.classify.dropped).toEqual({ 'no-kind': 1 });
      expect(report.crossCheck).toMatchObject({ claimsDropped: 1, itemsDropped: 1 });
      expect(report.slugs).toMatchObject({ joined: [], unmatched: 1 });
      const result = validatePack(packOf(entities));
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(formatKbReport(report).join('\n')).toContain('1 claims dropped');
    }
  });

  it('merges the dump into the sources’ items and keeps dump items that have a kind', async () => {
    const { entities, report } = await buildKnowledgeBase({
      items: [
        item('Q646148', 'leaders', 'Henning Christophersen', { kindHint: 'person' }),
        item('bs:bielefeld', 'curated', 'Bielefeld', { kindHint: 'place' }),
      ],
      sources: SOURCES,
      dump: FIXTURE_ITEMS,
      minSitelinks: 20,
    });
    // Henning Christophersen (17 sitelinks) is read because a source names him.
    expect(report.dump).toMatchObject({ lines: 13, skipped: 7, parsed: 6, named: 1, kept: 2 });
    expect(report.dump?.dropped).toEqual({ 'no-kind': 3 });
    expect(report.slugs.joined).toEqual([['bs:bielefeld', 'Q2112']]);
    expect(entities.map((entity) => entity.id)).toEqual(['Q2112', 'Q328212', 'Q646148']);
    const henning = entities.find((entity) => entity.id === 'Q646148');
    expect(henning?.popularity).toBe(17);
    expect(henning?.sources.map((source) => source.title)).toEqual([
      'Wikidata Q646148',
      'Leaders (geografia)',
    ]);
    const bielefeld = entities.find((entity) => entity.id === 'Q2112');
    expect(bielefeld?.sources.map((source) => source.title)).toContain('Backstory curated entries');
    const result = validatePack(packOf(entities));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('names the items facts refer to through a second pass over a dump file', async () => {
    const office = (id: string, en: string) =>
      JSON.stringify({
        type: 'item',
        id,
        labels: { en: { language: 'en', value: en } },
        claims: {},
        sitelinks: {},
      });
    const path = join(dir, 'dump.json');
    const fixture = readFileSync(FIXTURE_ITEMS, 'utf8').trim().split('\n');
    const lines = [
      ...fixture,
      office('Q1780230', 'Vice-President of the European Commission'),
      office('Q217321', 'Venstre'),
    ];
    writeFileSync(path, `[\n${lines.join(',\n')}\n]\n`);
    const { entities, report } = await buildKnowledgeBase({
      dump: path,
      minSitelinks: 15,
      referencePass: true,
    });
    expect(report.labels.referencePass?.found).toBe(2);
    const henning = entities.find((entity) => entity.id === 'Q646148');
    expect(henning?.facts).toEqual([
      {
        label: 'Office',
        value: 'Vice-President of the European Commission',
        from: '1989-01-06',
        to: '1995-01-22',
      },
      { label: 'Party', value: 'Venstre' },
    ]);
  });
});
