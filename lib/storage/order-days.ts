import { DAY_MS } from '../metrics/calendar';
import type { StoredOrder } from './records';

/**
 * How orders are stored (schema v3). Chromium's IndexedDB costs ~0.25 ms per record put on these
 * machines whatever the record holds (a message to the browser process and several LevelDB writes): a
 * year of 100,000 orders one record each took 15 s to write. So orders are kept in parts: a part holds
 * orders of one scope and one order day (UTC day of `orderDate`) as one JSON string, which crosses to the
 * browser process as bytes instead of being cloned field by field. A year writes in about a second.
 *
 * A capture rewrites the parts its orders are in, so parts stay small where captures land: a batch that
 * brings a day a few new orders (fewer than `APPEND_BELOW`) adds them to the day's last part while that
 * part is small; more start parts of their own, of up to `PART_MAX`. An import's orders do not join a
 * captured part, and the next visit of a page rewrites the captured part, not a day of an imported year.
 *
 * Which part holds which order is in the day's directory record (`OrderDay`: the ids per part), so a
 * write reads the directories of its days and only the parts it changes. Every order in a part was
 * validated (StoredOrder) before it was written.
 */
export interface OrderDay {
  scope: string;
  /** Days since the epoch (UTC) of the orders' `orderDate`. */
  day: number;
  /** The order ids of each part of the day. */
  parts: { part: number; ids: string[] }[];
}

export interface OrderPart {
  scope: string;
  day: number;
  part: number;
  /** JSON of `StoredOrder[]`. */
  orders: string;
}

/** A day's last part takes a batch's few new orders (fewer than this) while it holds fewer than this. */
export const APPEND_BELOW = 64;
/** The most orders a part starts with (~120 kB of JSON). */
export const PART_MAX = 256;

export const orderDayOf = (orderDate: number): number => Math.floor(orderDate / DAY_MS);

/**
 * Where a stored order may be found: its day, then the days either side. Sources disagree on an
 * order's instant by up to a day (a report's local date read as midnight against the API's timestamp),
 * and the newest sighting's `orderDate` wins a merge, so the order may sit on a neighbouring day.
 */
export const candidateDays = (orderDate: number): number[] => {
  const day = orderDayOf(orderDate);
  return [day, day - 1, day + 1];
};

export const readOrderPart = (record: OrderPart): StoredOrder[] => JSON.parse(record.orders) as StoredOrder[];

export const orderPartRecord = (scope: string, day: number, part: number, orders: readonly StoredOrder[]): OrderPart => ({
  scope,
  day,
  part,
  orders: JSON.stringify(orders),
});

/** Orders split into parts and directories, one scope and day at a time (a migration, test fixtures). */
export function orderDayRecords(orders: readonly StoredOrder[]): { days: OrderDay[]; parts: OrderPart[] } {
  const groups = new Map<string, { scope: string; day: number; orders: StoredOrder[] }>();
  for (const order of orders) {
    const day = orderDayOf(order.orderDate);
    const key = `${order.scope}\n${day}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { scope: order.scope, day, orders: [] }));
    group.orders.push(order);
  }
  const days: OrderDay[] = [];
  const parts: OrderPart[] = [];
  for (const { scope, day, orders: all } of groups.values()) {
    const directory: OrderDay = { scope, day, parts: [] };
    for (let part = 0; part * PART_MAX < all.length; part++) {
      const orders = all.slice(part * PART_MAX, (part + 1) * PART_MAX);
      directory.parts.push({ part, ids: orders.map((o) => o.orderId) });
      parts.push(orderPartRecord(scope, day, part, orders));
    }
    days.push(directory);
  }
  return { days, parts };
}
