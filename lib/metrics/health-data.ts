import type { AmazonReading, Defect, Order } from '../model';

/** What a report is computed from: a marketplace's orders, defects and Amazon's readings. */
export interface HealthData {
  orders: readonly Order[];
  defects: readonly Defect[];
  readings: readonly AmazonReading[];
}
