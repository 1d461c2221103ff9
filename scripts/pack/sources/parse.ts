/**
 * Parsers for the text formats the sources come in (CSV, TSV), and the small value clean-ups
 * they share. Pure functions, tested without the data.
 */

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

/** Parse TSV text with a header line into records (missing cells are empty strings). */
export function parseTsv(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.split(/\r?\n/).filter((line) => line.length > 0);
  const names = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** One value as a plain string on one line: tabs and newlines become spaces, ends trimmed. */
export function cell(value: string | number | undefined | null): string {
  return String(value ?? '')
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
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
