import { z } from 'zod';
import { AmazonReading, Defect, Order, LocalDate, EpochMs, PolicyReading, TablePage } from '../model';
import { orderReachAt } from '../metrics/order-pass';

/**
 * What the database holds: the model's records with the scope they belong to. Every record is
 * validated against these schemas before it is written, so a reader bug cannot store a wrong shape.
 */
const Scoped = { scope: z.string().min(3).max(128) };

/** The largest instant a Date can hold: the stored reach of an order that is still open (IndexedDB keys cannot be NaN). */
export const OPEN_REACH = 8.64e15;

/**
 * `reachAt`: the engine's `orderReachAt` (the last instant the metrics place the order by), kept with
 * the order so a report keeps only the orders it can see (repository.ts `loadForReport`). Derived:
 * recomputed on every write; a change to `orderReachAt` needs a migration that recomputes it.
 */
export const StoredOrder = Order.extend({ ...Scoped, reachAt: z.number().min(0).max(OPEN_REACH) });
export type StoredOrder = z.infer<typeof StoredOrder>;

export const reachOf = (order: Order): number => Math.min(orderReachAt(order), OPEN_REACH);

/** An order as the database keeps it. */
export const storedOrder = (order: Order, scope: string): StoredOrder => ({ ...order, scope, reachAt: reachOf(order) });

export const StoredDefect = z.intersection(Defect, z.object(Scoped));
export type StoredDefect = z.infer<typeof StoredDefect>;

/** One reading per metric per marketplace day: Amazon's history for the charts. */
export const StoredReading = AmazonReading.extend({ ...Scoped, day: LocalDate });
export type StoredReading = z.infer<typeof StoredReading>;

/** One policy reading per category per marketplace day (schema v5): the history a new violation is told from. */
export const StoredPolicyReading = PolicyReading.extend({ ...Scoped, day: LocalDate });
export type StoredPolicyReading = z.infer<typeof StoredPolicyReading>;

/** What happened to each capture or import: shown to the seller ("not recognized: signed out"). */
export const LogEntry = z.object({
  seq: z.number().int().optional(),
  at: EpochMs,
  origin: z.enum(['capture', 'import']),
  /** The page path or the file name. Never a full URL with query parameters. */
  source: z.string().max(300),
  scope: z.string().max(128).optional(),
  ok: z.boolean(),
  format: z.string().max(64).optional(),
  reason: z.string().max(64).optional(),
  detail: z.string().max(500).optional(),
  orders: z.number().int().min(0).default(0),
  defects: z.number().int().min(0).default(0),
  readings: z.number().int().min(0).default(0),
  /** The page of a paged table the capture was, and whether rows remain (lib/model/batch.ts). */
  tables: z.array(TablePage).max(50).optional(),
  /**
   * "This page looks different": which Seller Central page (lib/pages/detect.ts kinds), what did not
   * match it (no values: lib/shape-report/report-text.ts `problemOf`), and the shape Redline saw
   * (names and types only: lib/shape-report/json.ts, dom.ts).
   */
  page: z.string().max(40).optional(),
  missing: z.string().max(500).optional(),
  shape: z.string().max(21_000).optional(),
});
export type LogEntry = z.infer<typeof LogEntry>;
