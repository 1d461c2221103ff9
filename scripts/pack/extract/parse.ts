/**
 * Pure helpers for the extract scripts (TSV lines, gettext catalogues), kept apart from the
 * scripts so tests can use them without the packages. The parsers for the data directory's
 * formats are in `scripts/pack/sources/parse.ts`.
 */

/** One TSV line: tabs and newlines inside values become spaces. */
export function tsvRow(values: readonly (string | number | undefined | null)[]): string {
  return values
    .map((value) =>
      String(value ?? '')
        .replace(/[\t\r\n]+/g, ' ')
        .trim(),
    )
    .join('\t');
}

/** Read a little-endian GNU .mo catalogue into msgid → msgstr. */
export function readMo(buffer: Buffer): Map<string, string> {
  const magic = buffer.readUInt32LE(0);
  if (magic !== 0x950412de) throw new Error('Not a little-endian .mo file');
  const count = buffer.readUInt32LE(8);
  const originals = buffer.readUInt32LE(12);
  const translations = buffer.readUInt32LE(16);
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const at = (table: number) => {
      const length = buffer.readUInt32LE(table + i * 8);
      const offset = buffer.readUInt32LE(table + i * 8 + 4);
      return buffer.toString('utf8', offset, offset + length);
    };
    const id = at(originals);
    if (id) entries.set(id, at(translations));
  }
  return entries;
}
