import { Cancellation, Order, ShipConfirmation } from './order';
import type { AmazonReading } from './reading';
import type { PolicyReading } from './policy';
import type { Defect } from './defect';
import type { Batch } from './batch';

/**
 * One order seen by several sources, or by one source at several times, becomes one record.
 *
 * Rules (metrics-spec §7 "unknown is not no"):
 * - Field by field, the newer observation (`observedAt`) wins; on a tie, the second argument.
 * - An absent field never overwrites a known one.
 * - `cancellation` merges field by field like the order; `packages` is replaced as a whole (each
 *   source lists the order's packages as it saw them).
 * - `shipConfirmation`: the exact time as above; the bracket is the tightest both give
 *   (latest `notBefore`, earliest `notAfter`). Readers bracket each sighting (seen unshipped at t:
 *   `notBefore: t`; seen shipped at t: `notAfter: t`), so an order seen open and later shipped
 *   ends up bracketed between the two sightings. If the brackets contradict each other (seen
 *   shipped, later unshipped), the newer one is kept alone.
 * Output keys follow the schema's order, so equal records serialise identically (storage compares
 * serialised records to skip writes that change nothing).
 */

type Indexed = Record<string, unknown>;

/** Newer-wins, field by field over `keys`; undefined never overwrites. */
function overlay<T extends object>(keys: readonly string[], older: T | undefined, newer: T | undefined): T {
  const out: Indexed = {};
  for (const key of keys) {
    const value = (newer as Indexed | undefined)?.[key] ?? (older as Indexed | undefined)?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

const ORDER_KEYS = Object.keys(Order.shape);
const CANCELLATION_KEYS = Object.keys(Cancellation.shape);

const maxDefined = (...xs: (number | undefined)[]) => {
  const d = xs.filter((x) => x !== undefined);
  return d.length ? Math.max(...d) : undefined;
};
const minDefined = (...xs: (number | undefined)[]) => {
  const d = xs.filter((x) => x !== undefined);
  return d.length ? Math.min(...d) : undefined;
};

function mergeConfirmation(older: Order, newer: Order): ShipConfirmation | undefined {
  const a = older.shipConfirmation;
  const b = newer.shipConfirmation;
  const notBefore = maxDefined(a?.notBefore, b?.notBefore);
  const notAfter = minDefined(a?.notAfter, b?.notAfter);
  const at = b?.at ?? a?.at;
  const bracket = notBefore !== undefined && notAfter !== undefined && notBefore > notAfter ? b : { notBefore, notAfter };
  const merged: ShipConfirmation = {};
  if (at !== undefined) merged.at = at;
  if (bracket?.notBefore !== undefined) merged.notBefore = bracket.notBefore;
  if (bracket?.notAfter !== undefined) merged.notAfter = bracket.notAfter;
  return Object.keys(merged).length ? merged : undefined;
}

export function mergeOrders(a: Order, b: Order): Order {
  const [older, newer] = a.observedAt > b.observedAt ? [b, a] : [a, b];
  const merged = overlay(ORDER_KEYS, older, newer) as Indexed;
  const cancellation = older.cancellation || newer.cancellation ? overlay(CANCELLATION_KEYS, older.cancellation, newer.cancellation) : undefined;
  const shipConfirmation = mergeConfirmation(older, newer);
  // Rebuild in schema order with the merged sub-objects in place.
  const out: Indexed = {};
  for (const key of ORDER_KEYS) {
    const value = key === 'cancellation' ? cancellation : key === 'shipConfirmation' ? shipConfirmation : merged[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Order;
}

export interface MergedData {
  orders: Order[];
  defects: Defect[];
  readings: AmazonReading[];
  policies: PolicyReading[];
}

const compare = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Several batches (files, captures) → one set of records: the same order in two batches is one
 * order (merged as `mergeOrders`, oldest observation first); defects are one per marketplace and
 * id, the newest observation winning; readings are one per marketplace, metric and `observedAt`,
 * the later batch winning, and policy readings one per marketplace, category and `observedAt`. Output is sorted, so the batches' order matters only for exact ties.
 */
export function mergeBatches(batches: readonly Pick<Batch, 'orders' | 'defects' | 'readings' | 'policies'>[]): MergedData {
  const orders = new Map<string, Order>();
  const sortedOrders = batches.flatMap((b) => b.orders).sort((x, y) => x.observedAt - y.observedAt);
  for (const order of sortedOrders) {
    const key = `${order.marketplaceId}|${order.orderId}`;
    const known = orders.get(key);
    orders.set(key, known ? mergeOrders(known, order) : order);
  }
  const defects = new Map<string, Defect>();
  for (const defect of batches.flatMap((b) => b.defects)) {
    const key = `${defect.marketplaceId}|${defect.id}`;
    const known = defects.get(key);
    if (!known || known.observedAt <= defect.observedAt) defects.set(key, defect);
  }
  const readings = new Map<string, AmazonReading>();
  for (const reading of batches.flatMap((b) => b.readings)) {
    readings.set(`${reading.marketplaceId}|${reading.metric}|${reading.observedAt}`, reading);
  }
  const policies = new Map<string, PolicyReading>();
  for (const policy of batches.flatMap((b) => b.policies ?? [])) policies.set(`${policy.marketplaceId}|${policy.category}|${policy.observedAt}`, policy);
  return {
    orders: [...orders.values()].sort((x, y) => compare(x.marketplaceId, y.marketplaceId) || compare(x.orderId, y.orderId)),
    defects: [...defects.values()].sort((x, y) => compare(x.marketplaceId, y.marketplaceId) || compare(x.id, y.id)),
    readings: [...readings.values()].sort((x, y) => compare(x.marketplaceId, y.marketplaceId) || compare(x.metric, y.metric) || x.observedAt - y.observedAt),
    policies: [...policies.values()].sort(
      (x, y) => compare(x.marketplaceId, y.marketplaceId) || compare(x.category, y.category) || x.observedAt - y.observedAt,
    ),
  };
}
