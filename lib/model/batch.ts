import { z } from 'zod';
import { Order } from './order';
import { Defect } from './defect';
import { AmazonReading } from './reading';
import { Settings } from './settings';

/**
 * What one reader makes of one input (a captured response, a page's DOM, an imported file):
 * records ready to store, or a clear "not recognized" with its reason. Readers never throw
 * and never return a partly guessed batch.
 */
export const Batch = z.object({
  /** Which format was recognised, e.g. `orders-api/search`, `sp-api/performance-report`. */
  format: z.string().min(1).max(64),
  orders: z.array(Order),
  defects: z.array(Defect),
  readings: z.array(AmazonReading),
  /** Redline's own export carries the seller's settings too: restored with its records. */
  settings: Settings.optional(),
});
export type Batch = z.infer<typeof Batch>;

/**
 * Batches that passed `Batch` once. A reader validates what it returns (readers/result.ts
 * `recognized`) and storage validates what it writes; the same batch object is not walked twice
 * (50,000 orders: most of a second of zod). Nothing changes a batch after it is made.
 */
const validated = new WeakSet<Batch>();

export function safeParseBatch(input: unknown): { success: true; data: Batch } | { success: false; error: z.ZodError } {
  if (validated.has(input as Batch)) return { success: true, data: input as Batch };
  const parsed = Batch.safeParse(input);
  if (parsed.success) validated.add(parsed.data);
  return parsed;
}

export function parseBatch(input: unknown): Batch {
  const parsed = safeParseBatch(input);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

export const NotRecognizedReason = z.enum([
  'signedOut', // a sign-in page, 401, or 403 {"reason":"sign_in"}
  'unknownFormat', // not a shape any reader knows
  'invalid', // the right format, but values that fail validation (truncated, wrong types)
  'empty', // nothing in it
]);
export type NotRecognizedReason = z.infer<typeof NotRecognizedReason>;

export type ReadResult =
  | { ok: true; batch: Batch }
  | { ok: false; reason: NotRecognizedReason; detail: string };

export const emptyBatch = (format: string): Batch => ({ format, orders: [], defects: [], readings: [] });
