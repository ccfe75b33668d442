import { z } from 'zod';
import { Order } from './order';
import { Defect } from './defect';
import { AmazonReading } from './reading';
import { PolicyReading } from './policy';
import { Settings } from './settings';

const Count = z.number().int().min(0).max(1e9);

/**
 * Where one page of a paged table (Manage Orders, Feedback Manager) sits in the whole table, as far
 * as its source says: Redline reads only the pages the seller's own page loads, so one page must
 * never be taken for the account. `more`: another page follows (a cursor, or rows beyond this page);
 * false: this is the last; absent: unknown.
 */
export const TablePage = z.object({
  /** Which table, e.g. `manageOrders mfn/unshipped last-7`, `feedbackManager`. */
  table: z.string().min(1).max(100),
  /** 0-based index of this page's first row, where known. */
  first: Count.optional(),
  rows: Count.optional(),
  /** Rows in the whole table, where the source says. */
  total: Count.optional(),
  more: z.boolean().optional(),
});
export type TablePage = z.infer<typeof TablePage>;

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
  /** Amazon's policy compliance counts (metrics-spec v2 §2.2); only readers of Amazon's readings give them. */
  policies: z.array(PolicyReading).optional(),
  /** Redline's own export carries the seller's settings too: restored with its records. */
  settings: Settings.optional(),
  /** The page(s) of a paged table this input was, and what it says of the rest (no records of its own). */
  tables: z.array(TablePage).max(50).optional(),
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

export type ReadResult = { ok: true; batch: Batch } | { ok: false; reason: NotRecognizedReason; detail: string };
