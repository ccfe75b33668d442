import { z } from 'zod';
import { AmazonReading, Defect, EpochMs, Order, Settings } from '../model';
import { jsonInput, jsonReader } from './input';
import type { Reader } from './result';

/**
 * Redline's own export (options page → "Export all data", lib/background/service.ts `exportData`):
 * `{format: 'redline-export', version: 1, exportedAt, settings, orders, defects, readings}`, the
 * stored records with their `scope` (and readings with their `day`). Read back, they are the same
 * records: export → delete all → import gives the same data and the same report.
 *
 * The file passed through the seller's hands, so it is read like any other input: every record is
 * validated against the model, unknown keys (anything added by hand) are stripped, and one bad
 * record makes the whole file `invalid`. The account part of `scope` is not kept: records are
 * stored under the account the browser has now (one browser profile is normally one seller).
 */

export const REDLINE_EXPORT_FORMAT = 'redline-export';

const ExportDocument = z.object({
  format: z.literal(REDLINE_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: EpochMs,
  settings: z.unknown().optional(),
  orders: z.array(Order),
  defects: z.array(Defect),
  readings: z.array(AmazonReading),
});

export const readRedlineExport: Reader = jsonReader(REDLINE_EXPORT_FORMAT, ExportDocument, (doc) => ({
  orders: doc.orders,
  defects: doc.defects,
  readings: doc.readings,
}));

/** The settings an export carries, when they are valid (restored with the records on import). */
export function exportedSettings(text: string): Settings | undefined {
  const json = jsonInput(text);
  if (!json.ok) return undefined;
  const doc = z.object({ format: z.literal(REDLINE_EXPORT_FORMAT), settings: Settings }).safeParse(json.value);
  return doc.success ? doc.data.settings : undefined;
}
