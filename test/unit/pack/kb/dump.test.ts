import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { newDumpCounters, parseDumpEntity, readDump } from '../../../../scripts/pack/kb/dump';
import { splitLines } from '../../../../scripts/pack/kb/dump-lines';
import { wikidataDate } from '../../../../scripts/pack/kb/dump-values';
import type { KbItem } from '../../../../scripts/pack/kb/item';
import { FIXTURE_ITEMS } from '../../../../scripts/pack/kb/synthetic-dump';
import { ROOT } from '../../../../scripts/pack/paths';

/** The 13 real items of the parser fixture, as JSON lines (read from ../shared/data, never copied). */
const fixtureText = readFileSync(FIXTURE_ITEMS, 'utf8');
const fixtureLines = fixtureText.split('\n').filter((line) => line.trim());

async function collect(items: AsyncIterable<KbItem>): Promise<Map<string, KbItem>> {
  const out = new Map<string, KbItem>();
  for await (const item of items) out.set(item.id, item);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'kb-dump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture in `latest-all.json`'s layout: a JSON array, one entity a line, lines ending in ",". */
function arrayLayout(): string {
  return `[\n${fixtureLines.join(',\n')}\n]\n`;
}

describe('the dump reader on real items (maxlath/wikibase-sdk fixture)', async () => {
  const items = await collect(readDump(FIXTURE_ITEMS));

  it('reads every item of the file', () => {
    expect(items.size).toBe(13);
    expect(items.has('Q1')).toBe(true);
    expect(items.get('Q1')?.labels).toEqual({});
  });

  it('keeps labels, descriptions and aliases in the kept languages only', () => {
    const bielefeld = items.get('Q2112');
    expect(bielefeld?.labels.en).toBe('Bielefeld');
    expect(bielefeld?.labels.ru).toBe('Билефельд');
    expect(bielefeld?.labels.ar).toBeDefined();
    expect(bielefeld?.labels).not.toHaveProperty('nan');
    expect(bielefeld?.labels).not.toHaveProperty('be-tarask');
    expect(bielefeld?.descriptions.en).toBe('city in Germany');
    expect(bielefeld?.aliases.de).toContain('Leineweberstadt');
    expect(bielefeld?.aliases).not.toHaveProperty('la');
  });

  it('keeps P31, drops deprecated statements and properties it does not read', () => {
    const bielefeld = items.get('Q2112');
    const classes = bielefeld?.claims.P31?.map((statement) => statement.value);
    expect(classes).toContain('Q1549591');
    // Q1964689 is a deprecated P31 of Bielefeld.
    expect(classes).not.toContain('Q1964689');
    expect(bielefeld?.claims).not.toHaveProperty('P190');
    const sandbox = items.get('Q4115189');
    expect(sandbox?.claims.P569).toEqual([{ value: '1291' }]);
  });

  it('puts preferred statements first and lifts start and end qualifiers', () => {
    const countries = items.get('Q2112')?.claims.P17;
    expect(countries?.[0]).toEqual({ value: 'Q183', from: '1990-10-03', rank: 'preferred' });
    expect(countries?.[1]).toMatchObject({
      value: 'Q1206012',
      from: '1871-01-18',
      to: '1949-05-23',
    });
  });

  it('reads P39 positions with their terms, at the precision given', () => {
    const offices = items.get('Q646148')?.claims.P39 ?? [];
    expect(offices).toHaveLength(13);
    expect(offices).toContainEqual({ value: 'Q5449541', from: '1982-09-10', to: '1984-07-23' });
    expect(offices).toContainEqual({ value: 'Q64852347', from: '1977', to: '1984' });
    expect(offices).toContainEqual({ value: 'Q1780230' });
    expect(items.get('Q646148')?.claims.P102).toEqual([{ value: 'Q217321' }]);
  });

  it('keeps one population figure: the preferred one, with its date', () => {
    expect(items.get('Q2112')?.claims.P1082).toEqual([
      { value: 334002, at: '2021-12-31', rank: 'preferred' },
    ]);
  });

  it('turns P625 into a point, and counts sitelinks and Wikipedia titles', () => {
    const bielefeld = items.get('Q2112');
    expect(bielefeld?.point?.lat).toBeCloseTo(52.0167, 3);
    expect(bielefeld?.point?.lon).toBeCloseTo(8.5333, 3);
    expect(bielefeld?.claims).not.toHaveProperty('P625');
    expect(bielefeld?.sitelinks).toBe(109);
    expect(bielefeld?.wikipedia?.en).toBe('Bielefeld');
    expect(items.get('Q328212')?.sitelinks).toBe(45);
    expect(items.get('Q1')?.sitelinks).toBe(0);
  });

  it('names the dump as the source of every item', () => {
    expect([...items.values()].every((item) => item.sources.join() === 'wikidata')).toBe(true);
  });
});

describe('Wikidata values', () => {
  it('writes dates at their precision, BCE years with a minus, and drops vaguer ones', () => {
    const time = (value: string, precision: number) => wikidataDate({ time: value, precision });
    expect(time('+1939-11-08T00:00:00Z', 11)).toBe('1939-11-08');
    expect(time('+1990-11-00T00:00:00Z', 10)).toBe('1990-11');
    expect(time('+1214-00-00T00:00:00Z', 9)).toBe('1214');
    expect(time('-0044-03-15T00:00:00Z', 11)).toBe('-0044-03-15');
    expect(time('+0512-00-00T00:00:00Z', 9)).toBe('0512');
    expect(time('+1900-00-00T00:00:00Z', 7)).toBeUndefined();
    expect(time('-13798000000-00-00T00:00:00Z', 3)).toBeUndefined();
    expect(time('+20000-01-01T00:00:00Z', 9)).toBeUndefined();
  });

  it('takes the multilingual label as the English name when there is no English one', () => {
    const item = parseDumpEntity({
      type: 'item',
      id: 'Q42',
      labels: { mul: { value: 'Douglas Adams' }, 'pt-br': { value: 'Douglas Adams (escritor)' } },
      aliases: { mul: [{ value: 'Douglas Noel Adams' }] },
    });
    expect(item?.labels).toEqual({ en: 'Douglas Adams', pt: 'Douglas Adams (escritor)' });
    expect(item?.aliases.en).toEqual(['Douglas Noel Adams']);
  });

  it('leaves out what is not an item', () => {
    expect(parseDumpEntity({ type: 'property', id: 'P31' })).toBeUndefined();
    expect(parseDumpEntity({ type: 'item' })).toBeUndefined();
  });
});

describe('dump layouts and streams', () => {
  it('reads the latest-all.json layout (array, lines ending in commas) like JSON lines', async () => {
    const path = join(dir, 'latest-all.json');
    writeFileSync(path, arrayLayout());
    const items = await collect(readDump(path));
    expect([...items.keys()]).toEqual([...(await collect(readDump(FIXTURE_ITEMS))).keys()]);
  });

  it('reads gzipped dumps through zlib, whatever the file is called', async () => {
    const path = join(dir, 'dump.data');
    writeFileSync(path, gzipSync(arrayLayout()));
    const counters = newDumpCounters();
    const items = await collect(readDump(path, undefined, counters));
    expect(items.size).toBe(13);
    expect(items.get('Q2112')?.labels.en).toBe('Bielefeld');
    expect(counters.lines).toBe(15);
  });

  it('reads a stream in pieces that split lines anywhere, with \\r\\n line ends', async () => {
    const text = Buffer.from(fixtureLines.join('\r\n'));
    const pieces: Buffer[] = [];
    for (let at = 0; at < text.length; at += 7919) pieces.push(text.subarray(at, at + 7919));
    const lines: string[] = [];
    for await (const line of splitLines(Readable.from(pieces))) lines.push(line.toString());
    expect(lines).toEqual(fixtureLines);
  });

  it('skips lines with too few sitelinks unparsed, except the ids it is asked for', async () => {
    const counters = newDumpCounters();
    const filter = { minSitelinks: 20, wanted: (id: string) => id === 'Q646148' };
    const items = await collect(readDump(FIXTURE_ITEMS, filter, counters));
    expect([...items.keys()].sort()).toEqual(
      ['Q2112', 'Q217447', 'Q271094', 'Q328212', 'Q571', 'Q646148'].sort(),
    );
    expect(counters.skipped).toBe(7);
    expect(counters.parsed).toBe(6);
  });

  it('counts a truncated line as broken and goes on', async () => {
    const path = join(dir, 'broken.jsonl');
    writeFileSync(path, `${fixtureLines[2]?.slice(0, 500)}\n${fixtureLines[7]}\n`);
    const counters = newDumpCounters();
    const items = await collect(readDump(path, undefined, counters));
    expect([...items.keys()]).toEqual(['Q328212']);
    expect(counters.broken).toBe(1);
  });

  it('asks for bzip2 files to be decompressed on the way in', async () => {
    const path = join(dir, 'dump.json.bz2');
    writeFileSync(path, Buffer.from('BZh91AY&SY'));
    await expect(collect(readDump(path))).rejects.toThrow(/bzcat/);
  });

  // A child process reads its standard input: slow to start on a busy machine.
  it('streams a gzipped dump from standard input (`-`)', () => {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/pack/kb/dump-stats.ts'), '-'],
      { input: gzipSync(arrayLayout()), cwd: ROOT, encoding: 'utf8' },
    );
    expect(output).toMatch(/15 lines/);
    expect(output).toMatch(/13 items/);
  }, 60_000);
});
