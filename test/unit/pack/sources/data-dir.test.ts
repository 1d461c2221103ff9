import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dataDir,
  listData,
  MissingDataError,
  readJsonFile,
  readText,
} from '../../../../scripts/pack/sources/data-dir';
import { readPartyRows } from '../../../../scripts/pack/sources/parties';

const saved = process.env.BACKSTORY_DATA;
afterEach(() => {
  if (saved === undefined) delete process.env.BACKSTORY_DATA;
  else process.env.BACKSTORY_DATA = saved;
});

describe('the data directory', () => {
  it('is ../shared/data beside the repository unless BACKSTORY_DATA says otherwise', () => {
    delete process.env.BACKSTORY_DATA;
    expect(dataDir()).toMatch(/[\\/]shared[\\/]data$/);
    process.env.BACKSTORY_DATA = '/somewhere/else';
    expect(dataDir()).toBe('/somewhere/else');
  });

  it('fails with the missing file named and the way to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-data-'));
    expect(() => readPartyRows(dir)).toThrow(MissingDataError);
    expect(() => readPartyRows(dir)).toThrow(
      /Missing data file .*hdigital\+partyfactsdata\/import\/wikipedia\/wikidata\.csv.*BACKSTORY_DATA/s,
    );
  });

  it('reads text, gzipped JSON and folder listings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-data-'));
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, 'a/one.txt'), 'one');
    writeFileSync(join(dir, 'a/b/two.txt'), 'two');
    writeFileSync(join(dir, 'a/b/three.json.gz'), gzipSync('{"x":3}'));
    expect(readText(dir, 'a/one.txt')).toBe('one');
    expect(readJsonFile(dir, 'a/b/three.json.gz')).toEqual({ x: 3 });
    expect(listData(dir, 'a', '.txt')).toEqual(['a/one.txt']);
    expect(listData(dir, 'a', '.txt', true)).toEqual(['a/b/two.txt', 'a/one.txt']);
  });
});
