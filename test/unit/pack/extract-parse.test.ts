import { describe, expect, it } from 'vitest';
import { readMo, tsvRow } from '../../../scripts/pack/extract/parse';
import { isoDay, parseCsv, parseTsv, usDisplayName } from '../../../scripts/pack/sources/parse';

/** A little-endian .mo catalogue with the given msgid → msgstr pairs. */
function mo(entries: [string, string][]): Buffer {
  const header = 28;
  const strings: Buffer[] = [];
  const table = Buffer.alloc(entries.length * 16);
  let offset = header + table.length;
  const ids = entries.map(([id]) => Buffer.from(id));
  const values = entries.map(([, value]) => Buffer.from(value));
  [...ids, ...values].forEach((bytes, i) => {
    const at = i < ids.length ? i * 8 : entries.length * 8 + (i - ids.length) * 8;
    table.writeUInt32LE(bytes.length, at);
    table.writeUInt32LE(offset, at + 4);
    strings.push(bytes, Buffer.from([0]));
    offset += bytes.length + 1;
  });
  const head = Buffer.alloc(header);
  head.writeUInt32LE(0x950412de, 0);
  head.writeUInt32LE(entries.length, 8);
  head.writeUInt32LE(header, 12);
  head.writeUInt32LE(header + entries.length * 8, 16);
  return Buffer.concat([head, table, ...strings]);
}

describe('extract parsing helpers', () => {
  it('parses quoted CSV and writes clean TSV', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\n1,\n')).toEqual([
      { a: 'x, y', b: 'say "hi"' },
      { a: '1', b: '' },
    ]);
    expect(tsvRow(['a\tb', 2, undefined, 'c\nd'])).toBe('a b\t2\t\tc d');
    expect(parseTsv('qid\tname\nQ1\tOne\nQ2\n')).toEqual([
      { qid: 'Q1', name: 'One' },
      { qid: 'Q2', name: '' },
    ]);
  });

  it('cuts Wikidata timestamps to days and names US politicians as the news does', () => {
    expect(isoDay('2009-10-30T00:00:00Z')).toBe('2009-10-30');
    expect(isoDay('')).toBe('');
    expect(usDisplayName({ first: 'James David', nickname: 'J.D.', last: 'Vance' })).toBe(
      'J.D. Vance',
    );
    expect(
      usDisplayName({ first: 'Maria', last: 'Cantwell', official_full: 'Maria Cantwell' }),
    ).toBe('Maria Cantwell');
  });

  it('reads GeoNames names from a gettext catalogue', () => {
    expect(
      readMo(
        mo([
          ['250441', 'عمان'],
          ['170654', 'دمشق'],
        ]),
      ),
    ).toEqual(
      new Map([
        ['250441', 'عمان'],
        ['170654', 'دمشق'],
      ]),
    );
  });
});
