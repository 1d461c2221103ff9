/**
 * Pure parsing helpers for the extract scripts (CSV, TSV, gettext catalogues, dates, names),
 * kept apart from the scripts so tests can use them without the mirrors.
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

/** Parse CSV text (RFC 4180: quoted fields, doubled quotes, newlines in quotes) into records. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header = [], ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

/** `2009-10-30T00:00:00Z` → `2009-10-30`; empty stays empty. */
export function isoDay(value: string): string {
  return /^-?\d{4}-\d\d-\d\d/.exec(value)?.[0] ?? '';
}

/** The name news uses: the official full name, else nickname or first name and last name. */
export function usDisplayName(person: {
  first: string;
  last: string;
  nickname?: string;
  official_full?: string;
  suffix?: string;
}): string {
  if (person.official_full) return person.official_full;
  return [person.nickname ?? person.first, person.last, person.suffix].filter(Boolean).join(' ');
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
