/**
 * Amazon's flat-file reports: tab-separated, a header line, one record per line. Files saved by
 * hand or through a spreadsheet arrive with a UTF-8 byte-order mark, CRLF line ends, quoted fields
 * (a quoted field may hold tabs, newlines and doubled quotes), columns reordered, and columns added
 * by Amazon over the years: columns are found by name, never by position.
 */

export interface TsvTable {
  /** Header names as written (trimmed). */
  header: string[];
  /** Data rows; blank lines are skipped. */
  rows: string[][];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Splits the text into rows of fields, honouring double-quoted fields. */
function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === '\t') {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const isBlank = (record: string[]) => record.every((f) => f.trim() === '');

export function parseTsv(text: string): TsvTable {
  const records = splitRecords(stripBom(text)).filter((r) => !isBlank(r));
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows };
}

/** Column names compare case- and punctuation-insensitively (`Order ID` = `order-id`). */
export const columnKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The first line of `text`, split on tabs: enough to tell a report by its header. */
export function headerOf(text: string): string[] {
  const firstLine = stripBom(text).split(/\r?\n/, 1)[0] ?? '';
  return firstLine.split('\t').map((h) => h.replace(/^"|"$/g, '').trim());
}

/**
 * Reads rows by column name. `get(row, name)` returns the trimmed value, or undefined when the
 * column is absent or the cell is empty (an absent value is unknown, not "no").
 */
export class ColumnReader {
  private readonly index = new Map<string, number>();

  constructor(header: string[]) {
    header.forEach((name, i) => {
      const key = columnKey(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  has(...names: string[]): boolean {
    return names.every((n) => this.index.has(columnKey(n)));
  }

  /** The value of the first of `names` that the file has. */
  get(row: string[], ...names: string[]): string | undefined {
    for (const name of names) {
      const i = this.index.get(columnKey(name));
      if (i === undefined) continue;
      const value = row[i]?.trim();
      return value === '' ? undefined : value;
    }
    return undefined;
  }
}
