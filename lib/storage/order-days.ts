import { DAY_MS } from '../metrics/calendar';
import type { StoredOrder } from './records';

/**
 * Orders are stored a day at a time: one record per scope and order day (the UTC day of `orderDate`),
 * holding that day's orders as one JSON string. Chromium's IndexedDB costs ~0.2–0.3 ms per record put on
 * these machines whatever the record holds (a message to the browser process and several LevelDB
 * writes): a year of 100,000 orders one record each took 15 s to write, 365 day records 0.5 s. A string
 * crosses to the browser process and back as bytes, where an array of objects is cloned field by field
 * (reading a year: 0.8 s + 0.15 s of JSON.parse, against 2–3 s for a quarter of it as records).
 * Every order in it was validated (StoredOrder) before it was written.
 */
export interface OrderDay {
  scope: string;
  /** Days since the epoch (UTC) of the orders' `orderDate`. */
  day: number;
  /** JSON of `StoredOrder[]`. */
  orders: string;
}

export const orderDayOf = (orderDate: number): number => Math.floor(orderDate / DAY_MS);

/**
 * Where a stored order may be found: its day and the days either side. Sources disagree on an order's
 * instant by up to a day (a report's local date read as midnight against the API's timestamp), and the
 * newest sighting's `orderDate` wins a merge, so the order may sit in a neighbouring day's record.
 */
export const candidateDays = (orderDate: number): number[] => {
  const day = orderDayOf(orderDate);
  return [day - 1, day, day + 1];
};

export const readOrderDay = (record: OrderDay): StoredOrder[] => JSON.parse(record.orders) as StoredOrder[];

/** The record of one scope's day holding `orders` (all of that scope and day). */
export const orderDayRecord = (scope: string, day: number, orders: readonly StoredOrder[]): OrderDay => ({ scope, day, orders: JSON.stringify(orders) });

/** Orders grouped into their day records (a migration, a fresh import, test fixtures). */
export function orderDayRecords(orders: readonly StoredOrder[]): OrderDay[] {
  const days = new Map<string, { scope: string; day: number; orders: StoredOrder[] }>();
  for (const order of orders) {
    const day = orderDayOf(order.orderDate);
    const key = `${order.scope}\n${day}`;
    let group = days.get(key);
    if (!group) days.set(key, (group = { scope: order.scope, day, orders: [] }));
    group.orders.push(order);
  }
  return [...days.values()].map((g) => orderDayRecord(g.scope, g.day, g.orders));
}
