import type { AmazonReading, Defect, Order, PolicyReading } from '../model';

/** What a report is computed from: a marketplace's orders, defects and Amazon's readings (rates and policy counts). */
export interface HealthData {
  orders: readonly Order[];
  defects: readonly Defect[];
  readings: readonly AmazonReading[];
  /** Absent: none known. */
  policies?: readonly PolicyReading[];
}
