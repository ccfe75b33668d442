import { z } from 'zod';
import { EpochMs, Settings, type AmazonReading, type Defect, type Order, type PolicyReading } from '../model';
import { jsonReader } from './input';
import type { Reader } from './result';

/**
 * Redline's own export (options page → "Export all data", lib/background/service.ts `exportData`):
 * `{format: 'redline-export', version: 1, exportedAt, settings, orders, defects, readings, policies}`, the
 * stored records with their `scope` (and readings with their `day`); `policies` (Amazon's policy
 * categories, since storage v5) is absent from older exports. Read back, they are the same
 * records: export → delete all → import gives the same data and the same report.
 *
 * The file passed through the seller's hands, so it is read like any other input: every record is
 * validated against the model, unknown keys (anything added by hand) are stripped, and one bad
 * record makes the whole file `invalid`. The account part of `scope` is not kept: records are
 * stored under the account the browser has now (one browser profile is normally one seller).
 */

export const REDLINE_EXPORT_FORMAT = 'redline-export';

/**
 * The records are left for `recognized` to validate against the model (one bad record: the whole file
 * is invalid), so 50,000 orders are walked once, not twice. Settings that no longer fit are ignored
 * (the seller's current ones stay), not a reason to refuse the data.
 */
const ExportDocument = z.object({
  format: z.literal(REDLINE_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: EpochMs,
  settings: z.unknown().optional(),
  orders: z.array(z.unknown()),
  defects: z.array(z.unknown()),
  readings: z.array(z.unknown()),
  policies: z.array(z.unknown()).optional(),
});

export const readRedlineExport: Reader = jsonReader(REDLINE_EXPORT_FORMAT, ExportDocument, (doc) => {
  const settings = Settings.safeParse(doc.settings);
  return {
    orders: doc.orders as Order[],
    defects: doc.defects as Defect[],
    readings: doc.readings as AmazonReading[],
    policies: (doc.policies ?? []) as PolicyReading[],
    ...(settings.success ? { settings: settings.data } : {}),
  };
});
