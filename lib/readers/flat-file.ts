import { marketplaceTimeZone } from '../marketplaces';
import { neverThrows, notRecognized, recognized, type ReadContext, type Reader } from './result';
import { builtInvalid, textInput, type BatchParts } from './input';
import { ColumnReader, parseTsv } from './tsv';

/** A parsed flat-file report: rows and a by-name column reader. */
export interface FlatTable {
  columns: ColumnReader;
  rows: string[][];
}

/**
 * The shape of every flat-file reader: text → table → records. `required` lists the columns the
 * format cannot do without (each entry: alternative spellings). A header-only file is a report with
 * no rows: recognised, with no records.
 */
export function flatReader(format: string, required: string[][], build: (table: FlatTable, ctx: ReadContext) => BatchParts | string): Reader {
  return neverThrows(format, (input, ctx) => {
    const text = textInput(input);
    if (!text.ok) return text;
    const { header, rows, truncated } = parseTsv(text.text);
    const columns = new ColumnReader(header);
    const missing = required.find((names) => !names.some((n) => columns.has(n)));
    if (missing) return notRecognized('unknownFormat', `${format}: no column "${missing[0]}"`);
    // A cut-short file is not read at all: its last row may hold a cut order id (a wrong record).
    if (truncated) return notRecognized('invalid', `${format}: the file ends in the middle of a row (truncated download?)`);
    const built = build({ columns, rows }, ctx);
    return typeof built === 'string' ? builtInvalid(format, built) : recognized(format, built);
  });
}

/** The marketplace a report without a marketplace column belongs to, from the context. */
export function contextMarketplace(ctx: ReadContext): { marketplaceId: string; timeZone: string } | string {
  if (!ctx.marketplaceId) return 'the report does not name its marketplace, and none was given with it';
  return { marketplaceId: ctx.marketplaceId, timeZone: marketplaceTimeZone(ctx.marketplaceId) };
}

/** Rows grouped by a key (e.g. order id), in first-seen order: item-level reports → one entry per order. */
export function groupRows(rows: string[][], key: (row: string[]) => string | undefined): Map<string, string[][]> | string {
  const groups = new Map<string, string[][]>();
  for (const [i, row] of rows.entries()) {
    const k = key(row);
    if (k === undefined) return `row ${i + 2} has no order id`;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
