import type { DBSchema } from 'idb';
import type { OrderDay, OrderPart } from './order-days';
import type { LogEntry, StoredDefect, StoredPolicyReading, StoredReading } from './records';

/** The stores of today's version and what they hold; migrations.ts builds it, db.ts opens it. */
export interface RedlineSchema extends DBSchema {
  /** Orders in parts of a day (order-days.ts): each day's directory, and the parts. */
  orderDays: { key: [string, number]; value: OrderDay };
  orderParts: { key: [string, number, number]; value: OrderPart };
  defects: { key: [string, string]; value: StoredDefect; indexes: { scope: string; scopeDate: [string, number] } };
  readings: { key: [string, string, string]; value: StoredReading; indexes: { scope: string } };
  /** Amazon's policy categories, one reading per category per day (v5). */
  policyReadings: { key: [string, string, string]; value: StoredPolicyReading; indexes: { scope: string } };
  log: { key: number; value: LogEntry };
  meta: { key: string; value: unknown };
}
