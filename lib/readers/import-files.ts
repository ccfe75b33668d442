/**
 * Imported files, read where the seller chose them: the options page reads and previews them, then
 * sends the worker only the batches (each validated again there, lib/model/batch.ts). The readers of
 * file formats (TSV reports, SP-API, Redline's export) are thereby not part of the worker's bundle.
 */
import type { ReadResult } from '../model';
import { readAny } from './detect';
import type { ReadContext } from './result';

export interface ImportPreview {
  name: string;
  ok: boolean;
  format?: string;
  reason?: string;
  detail?: string;
  orders: number;
  defects: number;
  readings: number;
  marketplaces: string[];
  /** Order dates covered, epoch ms. */
  from?: number;
  to?: number;
}

export interface ReadFile {
  name: string;
  result: ReadResult;
}

/** Each file read by its detected format; `ctx.marketplaceId` for the formats that name none. */
export function readImportFiles(files: { name: string; text: string }[], ctx: ReadContext): ReadFile[] {
  return files.map((f) => ({ name: f.name, result: readAny(f.text, ctx) }));
}

/** What the seller sees of a file before saving it. */
export function importPreview({ name, result }: ReadFile): ImportPreview {
  if (!result.ok) return { name, ok: false, reason: result.reason, detail: result.detail, orders: 0, defects: 0, readings: 0, marketplaces: [] };
  const { batch } = result;
  // A loop, not Math.min(...dates): spreading hundreds of thousands of arguments overflows the stack.
  let from = Infinity;
  let to = -Infinity;
  for (const o of batch.orders) {
    if (o.orderDate < from) from = o.orderDate;
    if (o.orderDate > to) to = o.orderDate;
  }
  const marketplaces = new Set<string>([...batch.orders, ...batch.defects, ...batch.readings].map((r) => r.marketplaceId));
  return {
    name,
    ok: true,
    format: batch.format,
    orders: batch.orders.length,
    defects: batch.defects.length,
    readings: batch.readings.length,
    marketplaces: [...marketplaces].sort(),
    ...(batch.orders.length ? { from, to } : {}),
  };
}
