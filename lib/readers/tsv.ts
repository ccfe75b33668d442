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
  /**
   * The text ends inside a row: the last row has fewer fields than the header and no line break
   * after it. A download cut short looks like this, and its last cell may be a cut order id.
   */
  truncated: boolean;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Splits the text into rows of fields, honouring double-quoted fields. Fields are sliced out of the
 * text rather than built a character at a time: a long cell (a 1 MB comment) costs a slice, not a
 * million string appends.
 */
function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    records.push(record);
    record = [];
  };
  while (i <= n) {
    if (i === n) {
      // The text ended after a tab, or on a field: close the pending record (not after a line break).
      if (record.length > 0) endRecord();
      break;
    }
    let field: string;
    if (text[i] === '"') {
      // Quoted field: runs to the next lone quote; "" inside is one quote. Text after the closing
      // quote up to the separator stays part of the field, as the character reader kept it.
      const parts: string[] = [];
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          parts.push(text.slice(j));
          j = n;
          break;
        }
        parts.push(text.slice(j, q));
        if (text[q + 1] === '"') {
          parts.push('"');
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      const rest = nextSeparator(text, j);
      field = parts.join('') + text.slice(j, rest);
      i = rest;
    } else {
      const sep = nextSeparator(text, i);
      field = text.slice(i, sep);
      i = sep;
    }
    record.push(field);
    if (i >= n) {
      endRecord();
      break;
    }
    const c = text[i];
    if (c === '\t') {
      i++;
      if (i === n) record.push('');
      continue;
    }
    // A line break: \r\n counts once.
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRecord();
  }
  return records;
}

/** Index of the next tab or line break at or after `from` (or the text's length). */
function nextSeparator(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 9 || c === 10 || c === 13) return k;
  }
  return text.length;
}

const isBlank = (record: string[]) => record.every((f) => f.trim() === '');

export function parseTsv(text: string): TsvTable {
  const records = splitRecords(stripBom(text)).filter((r) => !isBlank(r));
  const [header = [], ...rows] = records;
  const last = rows.at(-1);
  const truncated = last !== undefined && last.length < header.length && !/[\r\n]$/.test(text);
  return { header: header.map((h) => h.trim()), rows, truncated };
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
