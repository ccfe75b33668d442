import { z } from 'zod';
import { Order } from './order';
import { Defect } from './defect';
import { AmazonReading } from './reading';

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
});
export type Batch = z.infer<typeof Batch>;

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
